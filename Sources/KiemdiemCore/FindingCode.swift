/// The closed catalogue of finding codes (contract §3). Auditors filter on these strings: never
/// rename or reuse one. Every case has its severity and its messages in one exhaustive switch.
public enum FindingCode: String, Sendable, Codable, CaseIterable {
    case emptyFile = "EMPTY_FILE"
    case fileTooLarge = "FILE_TOO_LARGE"
    case legacyWordFormat = "LEGACY_WORD_FORMAT"
    case encryptedDocument = "ENCRYPTED_DOCUMENT"
    case notAZip = "NOT_A_ZIP"
    case corruptArchive = "CORRUPT_ARCHIVE"
    case archiveLimitExceeded = "ARCHIVE_LIMIT_EXCEEDED"
    case notAWordDocument = "NOT_A_WORD_DOCUMENT"
    case unsafeXML = "UNSAFE_XML"
    case malformedXML = "MALFORMED_XML"
    case notAReviewForm = "NOT_A_REVIEW_FORM"
    case missingField = "MISSING_FIELD"
    case invalidValue = "INVALID_VALUE"
    case ambiguousChoice = "AMBIGUOUS_CHOICE"
    case yearMismatch = "YEAR_MISMATCH"
    case classifiedBeforeReview = "CLASSIFIED_BEFORE_REVIEW"
    case dateOrder = "DATE_ORDER"
    case duplicateSubmission = "DUPLICATE_SUBMISSION"
    case levelCapped = "LEVEL_CAPPED"
    case levelDiffersFromSelf = "LEVEL_DIFFERS_FROM_SELF"
    case quotaExceeded = "QUOTA_EXCEEDED"
    case exemptMember = "EXEMPT_MEMBER"
    case legacyFontConverted = "LEGACY_FONT_CONVERTED"
    case trackedChanges = "TRACKED_CHANGES"
    case decisionConflictsWithRule = "DECISION_CONFLICTS_WITH_RULE"
    case fileUnreadable = "FILE_UNREADABLE"
    /// A roster row with a cell that could not be read: the row is kept and counted, the cell not.
    case rosterRowUnreadable = "ROSTER_ROW_UNREADABLE"
    // Result packages a board sends to the level above (`kiemdiem rollup`, docs/contract.md §6).
    case packageMalformed = "PACKAGE_MALFORMED"
    case packageUnsigned = "PACKAGE_UNSIGNED"
    case packageTampered = "PACKAGE_TAMPERED"
    case packageUnknownKey = "PACKAGE_UNKNOWN_KEY"
    case packageBoardMismatch = "PACKAGE_BOARD_MISMATCH"
    case packageYearMismatch = "PACKAGE_YEAR_MISMATCH"
    case packageSuperseded = "PACKAGE_SUPERSEDED"

    /// The severity the contract gives the code.
    public var severity: Severity {
        switch self {
        case .duplicateSubmission, .levelCapped, .levelDiffersFromSelf, .quotaExceeded,
             .exemptMember, .legacyFontConverted, .trackedChanges, .decisionConflictsWithRule, .rosterRowUnreadable,
             .packageSuperseded:
            return .warning
        default:
            return .error
        }
    }

    /// The code's sentence, with the field named in Vietnamese where it is a known form field.
    /// A finding's own facts are added by `Finding.message(_:)`.
    public func message(field: String? = nil, language: MessageLanguage = .vi) -> String {
        let base = language == .vi ? vietnamese : english
        var text = base
        if let field, field != "file" {
            let name = language == .vi ? FieldNames.vietnamese(field) : field
            text += language == .vi ? " — trường: \(name)" : " — field: \(name)"
        }
        return text
    }

    private var vietnamese: String {
        switch self {
        case .emptyFile: return "Tệp rỗng (0 byte)"
        case .fileTooLarge: return "Tệp vượt quá dung lượng cho phép"
        case .legacyWordFormat: return "Tệp Word cũ (.doc), cần lưu lại dưới dạng .docx"
        case .encryptedDocument: return "Tệp có mật khẩu, không đọc được; cần gỡ mật khẩu và nộp lại"
        case .notAZip: return "Không phải tệp .docx (không phải gói ZIP)"
        case .corruptArchive: return "Tệp .docx bị hỏng hoặc tải lên chưa xong"
        case .archiveLimitExceeded: return "Tệp giải nén vượt giới hạn an toàn (nghi là bom nén)"
        case .notAWordDocument: return "Gói ZIP không chứa văn bản Word"
        case .unsafeXML: return "Văn bản chứa khai báo DOCTYPE/thực thể XML không an toàn"
        case .malformedXML: return "Nội dung XML của văn bản bị lỗi"
        case .notAReviewForm: return "Không phải bản kiểm điểm cá nhân hoặc báo cáo kiểm điểm tập thể"
        case .missingField: return "Thiếu thông tin bắt buộc"
        case .invalidValue: return "Giá trị không hợp lệ"
        case .ambiguousChoice: return "Đánh dấu nhiều hơn một lựa chọn trong cùng một mục"
        case .yearMismatch: return "Năm kiểm điểm không khớp với năm của đợt xử lý"
        case .classifiedBeforeReview: return "Đã đề xuất hoặc quyết định xếp loại khi bản tự kiểm điểm chưa hoàn chỉnh"
        case .dateOrder: return "Thứ tự ngày tháng không hợp lệ"
        case .duplicateSubmission: return "Đã có bản kiểm điểm mới hơn của cùng đảng viên thay thế bản này"
        case .levelCapped: return "Mức xếp loại bị hạ theo quy định"
        case .levelDiffersFromSelf: return "Mức xếp loại được quyết định khác mức tự nhận"
        case .quotaExceeded: return "Số Hoàn thành xuất sắc nhiệm vụ vượt tỷ lệ cho phép so với số Hoàn thành tốt nhiệm vụ; cấp có thẩm quyền xem xét"
        case .exemptMember: return "Đảng viên thuộc diện không xếp loại"
        case .legacyFontConverted: return "Văn bản dùng phông chữ cũ (TCVN3/VNI), đã chuyển sang Unicode"
        case .trackedChanges: return "Văn bản còn nội dung theo dõi sửa đổi; đã chấp nhận phần thêm, bỏ phần xóa"
        case .decisionConflictsWithRule: return "Quyết định của cấp có thẩm quyền khác với quy định; giữ nguyên quyết định, đề nghị cấp ủy xem xét lại"
        case .fileUnreadable: return "Không đọc được tệp (không có quyền đọc, không phải tệp thường hoặc là liên kết); cần nộp lại tệp .docx"
        case .rosterRowUnreadable: return "Dòng của danh sách đảng viên có ô không đọc được; đảng viên vẫn được tính, cần sửa ô đó trong danh sách"
        case .packageMalformed: return "Gói kết quả không đúng định dạng (hỏng, tải lên chưa xong hoặc không phải gói của kiemdiem export); đề nghị đảng ủy cấp dưới xuất lại và gửi lại"
        case .packageUnsigned: return "Gói kết quả không có chữ ký số; đề nghị đảng ủy cấp dưới xuất lại bằng kiemdiem export với khóa ký (export.key_file) và gửi lại"
        case .packageTampered: return "Gói kết quả đã bị thay đổi sau khi ký (chữ ký hoặc mã SHA-256 không khớp); không dùng gói này, đề nghị đảng ủy cấp dưới gửi lại bản gốc"
        case .packageUnknownKey: return "Gói kết quả được ký bằng khóa không có trong danh sách tin cậy (boards trong rollup.yml); đối chiếu khóa công khai với đảng ủy cấp dưới, khai vào rollup.yml rồi đặt lại gói vào hộp thư"
        case .packageBoardMismatch: return "Gói kết quả ghi tổ chức khác với tổ chức đã khai cho khóa này trong rollup.yml; đối chiếu với đảng ủy cấp dưới trước khi dùng"
        case .packageYearMismatch: return "Năm của gói kết quả khác năm tổng hợp; đề nghị đảng ủy cấp dưới xuất lại với --year đúng"
        case .packageSuperseded: return "Đã có gói mới hơn của cùng tổ chức thay thế gói này; gói cũ vẫn được lưu trong archive/"
        }
    }

    private var english: String {
        switch self {
        case .emptyFile: return "Empty file (0 bytes)"
        case .fileTooLarge: return "File larger than allowed"
        case .legacyWordFormat: return "Legacy Word file (.doc); save it as .docx"
        case .encryptedDocument: return "Password-protected document; remove the password and resubmit"
        case .notAZip: return "Not a .docx file (not a ZIP package)"
        case .corruptArchive: return "Damaged or incompletely uploaded .docx file"
        case .archiveLimitExceeded: return "Archive inflates past the safety limits (zip bomb suspected)"
        case .notAWordDocument: return "ZIP package without a Word document"
        case .unsafeXML: return "Unsafe XML (DOCTYPE or entity declaration)"
        case .malformedXML: return "Malformed XML in the document"
        case .notAReviewForm: return "Not an individual self-review form or a collective review report"
        case .missingField: return "Required field missing"
        case .invalidValue: return "Invalid value"
        case .ambiguousChoice: return "More than one box ticked in one choice group"
        case .yearMismatch: return "Review year differs from the batch year"
        case .classifiedBeforeReview: return "Proposal or decision recorded on an incomplete self-review"
        case .dateOrder: return "Dates out of order"
        case .duplicateSubmission: return "Superseded by a newer form of the same member"
        case .levelCapped: return "Level lowered by a rule"
        case .levelDiffersFromSelf: return "Decided level differs from the self-assessed level"
        case .quotaExceeded: return "Excellent ratings exceed the allowed share of good ratings; for the deciding body to consider"
        case .exemptMember: return "Member exempt from classification"
        case .legacyFontConverted: return "Legacy TCVN3/VNI text converted to Unicode"
        case .trackedChanges: return "Document had tracked changes; insertions accepted, deletions dropped"
        case .decisionConflictsWithRule: return "The competent body's decision conflicts with a rule; the decision is kept, for the committee to review"
        case .fileUnreadable: return "File could not be read (no read permission, not a regular file, or a link); submit the .docx again"
        case .rosterRowUnreadable: return "A roster row has a cell that could not be read; the member is still counted, correct the cell in the roster"
        case .packageMalformed: return "Not a well-formed result package (damaged, incompletely uploaded, or not written by kiemdiem export); ask the board to export and send it again"
        case .packageUnsigned: return "Result package without a signature; ask the board to export it with its signing key (export.key_file) and send it again"
        case .packageTampered: return "Result package changed after it was signed (signature or SHA-256 digests do not match); do not use it, ask the board for the original"
        case .packageUnknownKey: return "Result package signed with a key not in the trusted list (boards in rollup.yml); check the public key with the board, add it to rollup.yml and put the package back in the inbox"
        case .packageBoardMismatch: return "Result package names another organisation than the one rollup.yml lists for its key; check with the board before using it"
        case .packageYearMismatch: return "Result package of another year than the roll-up's; ask the board to export it with the right --year"
        case .packageSuperseded: return "Superseded by a newer package of the same board; the older one stays in archive/"
        }
    }
}

/// Vietnamese names of form fields, for messages a board secretary can act on.
public enum FieldNames {
    public static func vietnamese(_ path: String) -> String {
        names[path].map { "\($0) (\(path))" } ?? path
    }

    /// The field's bare name in `language` ("Họ và tên", "Full name"); a criterion is "Tiêu chí I.1";
    /// an unknown path is itself.
    public static func name(_ path: String, _ language: MessageLanguage) -> String {
        if path.hasPrefix("criteria.") {
            return (language == .vi ? "Tiêu chí " : "Criterion ") + path.dropFirst("criteria.".count)
        }
        return (language == .vi ? names[path] : englishNames[path]) ?? path
    }

    static let englishNames: [String: String] = [
        "year": "Review year", "party_committee": "Party committee", "party_cell": "Party cell", "place": "Place",
        "date": "Self-review date", "member.full_name": "Full name", "member.date_of_birth": "Date of birth",
        "member.party_position": "Party post", "member.government_position": "Government post",
        "member.mass_organisation_position": "Mass-organisation post", "member.work_unit": "Work unit",
        "sections.strengths": "I. Strengths and results", "sections.shortcomings": "II. Shortcomings and causes",
        "sections.remediation": "III. Remedies of earlier shortcomings", "sections.explanations": "IV. Explanations asked for",
        "sections.collective_responsibility": "V. Responsibility for the collective's shortcomings",
        "sections.improvement_plan": "VI. Plan of remedies", "self_assessment.party_member_level": "Self-assessed Party member level",
        "self_assessment.civil_servant_level": "Self-assessed civil-servant level", "signature": "Signature of the member",
        "cell_review.comment": "The cell's comment", "cell_review.proposed_level": "The cell's proposed level",
        "cell_review.date": "Date of the cell's proposal", "committee_decision.level": "The committee's level",
        "committee_decision.date": "Date of the committee's decision", "collective.level": "The collective's self-assessed level",
        "civil_servant_review.level": "Civil-servant level given by the head of the unit",
        "civil_servant_review.date": "Date of the head's assessment", "collective.meeting_date": "Date of the collective review",
        "classification.level": "Result", "organisation.level": "Level of the Party organisation",
    ]

    static let names: [String: String] = [
        "year": "Năm kiểm điểm",
        "party_committee": "Đảng bộ",
        "party_cell": "Chi bộ",
        "place": "Địa danh",
        "date": "Ngày tự kiểm điểm",
        "member.full_name": "Họ và tên",
        "member.date_of_birth": "Ngày sinh",
        "member.party_position": "Chức vụ Đảng",
        "member.government_position": "Chức vụ chính quyền",
        "member.mass_organisation_position": "Chức vụ đoàn thể",
        "member.work_unit": "Đơn vị công tác",
        "sections.strengths": "I. Ưu điểm, kết quả đạt được",
        "sections.shortcomings": "II. Hạn chế, khuyết điểm và nguyên nhân",
        "sections.remediation": "III. Kết quả khắc phục hạn chế, khuyết điểm",
        "sections.explanations": "IV. Giải trình những vấn đề được gợi ý",
        "sections.collective_responsibility": "V. Trách nhiệm đối với hạn chế của tập thể",
        "sections.improvement_plan": "VI. Phương hướng, biện pháp khắc phục",
        "self_assessment.party_member_level": "Tự nhận xếp loại đảng viên",
        "self_assessment.civil_servant_level": "Tự nhận xếp loại cán bộ, công chức, viên chức",
        "signature": "Chữ ký người tự kiểm điểm",
        "cell_review.comment": "Nhận xét của chi bộ",
        "cell_review.proposed_level": "Chi bộ đề xuất xếp loại",
        "cell_review.date": "Ngày chi bộ đề xuất",
        "committee_decision.level": "Cấp ủy xếp loại",
        "committee_decision.date": "Ngày cấp ủy xếp loại",
        "collective.level": "Tập thể tự nhận xếp loại",
        "civil_servant_review.level": "Mức xếp loại công chức, viên chức do thủ trưởng đánh giá",
        "civil_servant_review.date": "Ngày thủ trưởng đánh giá",
        "collective.meeting_date": "Ngày họp kiểm điểm tập thể",
        "classification.level": "Kết quả xếp loại",
        "organisation.level": "Xếp loại tổ chức đảng",
        "roster.full_name": "Họ và tên trong danh sách đảng viên",
        "roster.date_of_birth": "Ngày sinh trong danh sách đảng viên",
        "roster.admitted": "Ngày vào Đảng trong danh sách đảng viên",
        "roster.exempted": "Miễn sinh hoạt trong danh sách đảng viên",
        "roster.suspended": "Đình chỉ trong danh sách đảng viên",
        "roster.disciplined": "Kỷ luật trong danh sách đảng viên",
        "roster.self_detected": "Tự phát hiện trong danh sách đảng viên",
        "roster.sick_leave_months": "Nghỉ ốm (tháng) trong danh sách đảng viên",
    ]
}
