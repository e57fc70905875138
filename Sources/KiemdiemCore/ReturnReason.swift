import Foundation

/// Why a form was sent back, said to the member who must fix it: the place on the form (its own
/// section and line), what was seen there, and what to do. Rendered from a finding's code, field,
/// location, evidence and detail, like `Finding.message(_:)`, which speaks to auditors; this one
/// speaks to the member (the return notice, README "Return notices").
public struct ReturnReason: Sendable, Equatable {
    /// The form's own place ("Mục VII.2 “Xếp loại đảng viên”"), or the file as a whole ("Tệp").
    public var place: String
    /// What is wrong there, in plain words ("chưa đánh dấu ô nào").
    public var problem: String
    /// The text seen in the file (the reader's evidence), when there is one.
    public var seen: String?
    /// What the member does, one sentence ending with a full stop ("Đánh dấu một ô rồi gửi lại.").
    public var action: String

    /// The reason in one line: "Mục VII.2 “Xếp loại đảng viên”: chưa đánh dấu ô nào. Đánh dấu một ô rồi gửi lại."
    public var sentence: String {
        action.isEmpty ? "\(place): \(problem)." : "\(place): \(problem). \(action)"
    }
}

extension Finding {
    /// The reason for the member, in `language`. Total over the codes: a warning (never a reason
    /// to send a form back) says what was noticed and asks for nothing.
    public func returnReason(_ language: MessageLanguage = .vi) -> ReturnReason {
        var words = ReturnWording(finding: self, vi: language == .vi)
        return words.reason()
    }
}

/// The wording of `Finding.returnReason`: one exhaustive switch over the codes, Vietnamese and
/// English side by side.
struct ReturnWording {
    let finding: Finding
    let vi: Bool

    private func t(_ vietnamese: String, _ english: String) -> String { vi ? vietnamese : english }

    private var field: String? { finding.field == "file" ? nil : finding.field }
    private var evidence: String? { finding.evidence.flatMap { $0.isEmpty ? nil : $0 } }
    private var fieldName: String? { field.map { FieldNames.name($0, vi ? .vi : .en) } }

    mutating func reason() -> ReturnReason {
        let (place, sought) = placeAndSought()
        let (problem, action) = problemAndAction(sought: sought)
        // Only the reader's findings carry the form's own text as evidence; the rules' and the
        // package's carry facts (dates compared, field paths, sizes), which `problem` already says.
        let quotesTheForm: Set<FindingCode> = [.missingField, .invalidValue, .ambiguousChoice, .notAReviewForm]
        return ReturnReason(place: place, problem: problem, seen: quotesTheForm.contains(finding.code) ? evidence : nil,
                            action: action)
    }

    /// The place to name, and the reader's own "không thấy …" when it found no line at all.
    private func placeAndSought() -> (String, String?) {
        let wholeFile = t("Tệp", "The file")
        guard let location = finding.location, !location.isEmpty else {
            return (fieldName.map(FormPlace.capitalised) ?? wholeFile, nil)
        }
        if let range = location.range(of: "không thấy") {
            let before = location[..<range.lowerBound].trimmingCharacters(in: [" ", ":", ","])
            let sought = String(location[range.lowerBound...])
            let place = before.isEmpty ? (fieldName ?? wholeFile) : String(before)
            return (FormPlace.capitalised(place), sought)
        }
        return (FormPlace.render(location, vi: vi), nil)
    }

    private func problemAndAction(sought: String?) -> (String, String) {
        let resend = t(" rồi gửi lại.", " and send the form again.")
        switch finding.code {
        case .missingField:
            let kind = FieldKind(field)
            let problem: String
            switch kind {
            case .level: problem = t("chưa đánh dấu ô nào", "no box is ticked")
            case .signature: problem = t("chưa ghi họ tên người ký", "the signer's name is not written")
            case .date: problem = t("chưa ghi ngày, tháng, năm", "no date is written")
            default: problem = t("còn để trống", "left blank")
            }
            return (sought.map { t("\($0) (\(problem))", "not found: \($0) (\(problem))") } ?? problem,
                    missingAction(kind) + resend)
        case .invalidValue:
            let kind = FieldKind(field)
            let shown = evidence.map { "“\($0)”" } ?? t("giá trị này", "this value")
            switch kind {
            case .date:
                return (t("ghi \(shown), không phải một ngày có thật", "\(shown) is not a real date"),
                        t("Sửa lại cho đúng ngày, tháng, năm (ví dụ 12/05/1980)", "Correct the day, month and year (e.g. 12/05/1980)") + resend)
            case .level, .criterion:
                return (t("ghi \(shown), không phải một mức in sẵn trên mẫu", "\(shown) is not one of the printed choices"),
                        t("Đánh dấu một trong các mức in sẵn trên mẫu", "Tick one of the printed choices") + resend)
            default:
                return (t("ghi \(shown), không đọc được", "\(shown) cannot be read"),
                        t("Sửa lại cho đúng", "Correct it") + resend)
            }
        case .ambiguousChoice:
            return (t("đánh dấu nhiều hơn một ô", "more than one box is ticked"),
                    t("Chỉ để lại một ô được đánh dấu", "Leave exactly one box ticked") + resend)
        case .yearMismatch:
            let written = evidence ?? "?"
            if case .batchYear(let year)? = finding.detail {
                return (t("ghi năm \(written), trong khi đợt kiểm điểm này là năm \(year)",
                          "the form says \(written), this review is for \(year)"),
                        t("Làm bản kiểm điểm của năm \(year) (ghi “Năm \(year)” dưới tên mẫu)",
                          "Fill in the form for \(year) (“Năm \(year)” under the title)") + resend)
            }
            return (t("ghi năm \(written), không đúng năm của đợt kiểm điểm", "the form's year \(written) is not this review's"),
                    t("Ghi đúng năm kiểm điểm dưới tên mẫu", "Write this review's year under the title") + resend)
        case .classifiedBeforeReview:
            let missing = (evidence ?? "").split(separator: ",")
                .map { FieldNames.name($0.trimmingCharacters(in: .whitespaces), vi ? .vi : .en) }
                .filter { !$0.isEmpty }.joined(separator: "; ")
            let lacking = missing.isEmpty ? "" : t(" (còn thiếu: \(missing))", " (missing: \(missing))")
            return (t("đã có đề xuất hoặc quyết định xếp loại khi phần tự kiểm điểm chưa đầy đủ", "a proposal or decision is recorded on an incomplete self-review") + lacking,
                    t("Hoàn chỉnh phần tự kiểm điểm trước; chi bộ và cấp ủy ghi ý kiến, xếp loại sau",
                      "Complete the self-review first; the cell and the committee add their parts afterwards") + resend)
        case .dateOrder:
            return dateOrder(resend)
        case .notAReviewForm:
            let what = evidence == "mẫu trống, chưa điền nội dung"
                ? t("mẫu còn trống, chưa điền nội dung", "the template is blank")
                : t("không phải bản kiểm điểm theo mẫu hướng dẫn", "not a review form on the guide's template")
            return (what, t("Dùng đúng mẫu bản kiểm điểm của năm kiểm điểm, điền đầy đủ", "Use this year's review form template and fill it in") + resend)
        case .emptyFile:
            return (t("tệp rỗng, không có nội dung (0 byte)", "the file is empty (0 bytes)"),
                    t("Mở bản kiểm điểm bằng Word, lưu lại thành tệp .docx", "Open the form in Word and save it as .docx") + resend)
        case .fileTooLarge:
            return (t("tệp quá lớn", "the file is too large"),
                    t("Xóa ảnh hoặc nội dung thừa, lưu lại", "Remove pictures or extra content and save it") + resend)
        case .legacyWordFormat:
            return (t("tệp lưu theo định dạng Word cũ (.doc)", "the file is in the old Word format (.doc)"),
                    t("Mở bằng Word, chọn Lưu thành (Save As) kiểu “Word Document (.docx)”", "Open it in Word and Save As “Word Document (.docx)”") + resend)
        case .encryptedDocument:
            return (t("tệp có đặt mật khẩu, không mở được", "the file is password-protected"),
                    t("Gỡ mật khẩu của tệp, lưu lại", "Remove the password and save it") + resend)
        case .notAZip, .notAWordDocument:
            return (t("tệp không phải văn bản Word .docx", "the file is not a Word .docx document"),
                    t("Lưu bản kiểm điểm thành tệp Word .docx (không dùng ảnh chụp, PDF hay tệp khác)", "Save the form as a Word .docx file (not a photo, PDF or other file)") + resend)
        case .corruptArchive:
            return (t("tệp bị hỏng hoặc tải lên chưa xong", "the file is damaged or its upload did not finish"),
                    t("Lưu lại tệp bằng Word và chờ tải lên xong", "Save it again in Word and let the upload finish") + resend)
        case .archiveLimitExceeded, .unsafeXML, .malformedXML:
            return (t("nội dung bên trong tệp bị lỗi hoặc bất thường, không đọc an toàn được", "the file's content is damaged or unusual and cannot be read safely"),
                    t("Mở bằng Word, lưu thành một tệp .docx mới", "Open it in Word and save it as a new .docx file") + resend)
        case .fileUnreadable:
            return (t("máy chủ không đọc được tệp", "the server could not read the file"),
                    t("Gửi lại tệp .docx.", "Send the .docx file again."))
        // A board's result package refused by the level above (docs/contract.md §6): the board fixes it.
        case .packageMalformed:
            return (t("gói kết quả không đúng định dạng (hỏng, tải lên chưa xong hoặc không do kiemdiem export xuất ra)",
                      "the result package is malformed (damaged, incompletely uploaded, or not written by kiemdiem export)"),
                    t("Xuất lại gói bằng kiemdiem export", "Export the package again with kiemdiem export") + resend)
        case .packageUnsigned:
            return (t("gói kết quả không có chữ ký số", "the result package is not signed"),
                    t("Xuất lại gói bằng kiemdiem export với khóa ký của đảng ủy", "Export it again with the board's signing key") + resend)
        case .packageTampered:
            return (t("gói kết quả đã bị thay đổi sau khi ký", "the result package was changed after it was signed"),
                    t("Lấy đúng bản gốc do kiemdiem export xuất ra", "Take the original that kiemdiem export wrote") + resend)
        case .packageUnknownKey:
            return (t("gói được ký bằng khóa chưa có trong danh sách tin cậy của cấp trên", "the package is signed with a key the level above does not trust yet"),
                    t("Gửi khóa công khai của đảng ủy cho cấp trên qua kênh tin cậy để khai vào danh sách", "Give the board's public key to the level above by a trusted channel") + resend)
        case .packageBoardMismatch:
            return (t("gói ghi tổ chức khác với tổ chức cấp trên đã khai cho khóa ký này", "the package names another organisation than the one listed for its key"),
                    t("Đối chiếu tên tổ chức với cấp trên, xuất lại gói", "Agree on the organisation's name with the level above and export again") + resend)
        case .packageYearMismatch:
            return (t("năm của gói kết quả khác năm tổng hợp", "the package's year is not the roll-up's"),
                    t("Xuất lại gói với đúng năm tổng hợp", "Export it again for the roll-up's year") + resend)
        default:
            // Warnings never send a form back: what was noticed, nothing to do. (Every refusing
            // code has its own case above; ReturnReasonTests fails on one that reaches here.)
            var text = finding.code.message(language: vi ? .vi : .en)
            if let first = text.first { text = String(first).lowercased() + text.dropFirst() }
            return (text, "")
        }
    }

    private func missingAction(_ kind: FieldKind) -> String {
        switch kind {
        case .level: return t("Đánh dấu một ô", "Tick one box")
        case .signature: return t("Ký và ghi rõ họ tên dưới dòng “NGƯỜI TỰ KIỂM ĐIỂM”", "Sign and write your full name under “NGƯỜI TỰ KIỂM ĐIỂM”")
        case .date:
            return field == "date" ? t("Ghi địa danh, ngày, tháng, năm tự kiểm điểm ở phần đầu", "Write the place and date of the self-review at the top")
                : t("Ghi ngày, tháng, năm", "Write the date")
        case .section: return t("Viết nội dung cho mục này", "Write this section")
        case .name: return t("Ghi đầy đủ họ và tên", "Write your full name")
        case .cell: return t("Ghi tên chi bộ ở phần đầu", "Write the cell's name at the top")
        case .year: return t("Ghi năm kiểm điểm dưới tên mẫu", "Write the review year under the title")
        case .criterion, .other: return t("Điền thông tin này", "Fill this in")
        }
    }

    private func dateOrder(_ resend: String) -> (String, String) {
        let check = t("Kiểm tra lại các ngày: tự kiểm điểm trước, chi bộ đề xuất sau, cấp ủy xếp loại sau cùng; sửa ngày ghi nhầm",
                      "Check the dates: self-review first, then the cell's proposal, then the committee's decision; correct the wrong one")
        switch finding.detail {
        case .datesReversed(let field, let date, let laterField, let laterDate)?:
            return (t("\(DateFieldNames.name(laterField, .vi)) \(date: laterDate) lại trước \(DateFieldNames.name(field, .vi)) \(date: date)",
                      "the \(DateFieldNames.name(laterField, .en)) \(date: laterDate) is before the \(DateFieldNames.name(field, .en)) \(date: date)"),
                    check + resend)
        case .outsideWindow(let field, let from, let to)?:
            return (t("\(DateFieldNames.name(field, .vi)) nằm ngoài khoảng \(date: from) – \(date: to) của đợt kiểm điểm",
                      "the \(DateFieldNames.name(field, .en)) is outside \(date: from) – \(date: to)"),
                    t("Sửa lại ngày cho đúng năm kiểm điểm", "Correct the date to the review year") + resend)
        case .order(let rule)?:
            return (rule.text(vi ? .vi : .en),
                    t("Cấp ủy chỉ xếp loại sau khi chi bộ họp kiểm điểm tập thể; kiểm tra lại ngày với chi bộ",
                      "The committee classifies only after the cell's collective review; check the dates with the cell") + resend)
        default:
            return (t("thứ tự ngày tháng không hợp lệ", "the dates are out of order"), check + resend)
        }
    }
}

extension DefaultStringInterpolation {
    /// A date as members write it: dd/mm/yyyy.
    mutating func appendInterpolation(date: CivilDate) {
        appendLiteral(date.dayMonthYear)
    }
}

extension CivilDate {
    /// dd/mm/yyyy, as the forms print dates.
    public var dayMonthYear: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(day))/\(two(month))/\(year)"
    }
}

/// What kind of value a field holds, for the wording of what to do.
enum FieldKind {
    case level, date, section, signature, name, cell, year, criterion, other

    init(_ field: String?) {
        guard let field else { self = .other; return }
        if field.hasSuffix("level") { self = .level }
        else if field.hasSuffix("date") || field.hasSuffix("date_of_birth") { self = .date }
        else if field.hasPrefix("sections.") { self = .section }
        else if field.hasPrefix("criteria.") { self = .criterion }
        else if field == "signature" { self = .signature }
        else if field == "member.full_name" { self = .name }
        else if field == "party_cell" || field == "party_committee" { self = .cell }
        else if field == "year" { self = .year }
        else { self = .other }
    }
}

/// A finding's location (docs/contract.md `findings[].location`, parts joined by " › ") as the
/// member reads it: `mục “VII. Tự nhận mức xếp loại chất lượng” › “2. Xếp loại đảng viên”`
/// becomes `Mục VII.2 “Xếp loại đảng viên”`; anything else keeps its words, capitalised.
enum FormPlace {
    static func render(_ location: String, vi: Bool) -> String {
        let parts = location.components(separatedBy: " › ")
        if parts.count >= 2, parts[0].hasPrefix("mục “"),
           let outer = number(unquoted(String(parts[0].dropFirst("mục ".count))), roman: true),
           let inner = number(unquoted(parts[parts.count - 1]), roman: false)
               ?? number(unquoted(parts[parts.count - 1]), roman: true) {
            return (vi ? "Mục " : "Section ") + "\(outer.number).\(inner.number) “\(inner.rest)”"
        }
        if !vi, location.hasPrefix("mục ") { return "Section " + location.dropFirst("mục ".count) }
        return capitalised(location)
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return String(first).uppercased() + text.dropFirst()
    }

    private static func unquoted(_ text: String) -> String {
        var text = Substring(text)
        if text.hasPrefix("“") { text = text.dropFirst() }
        if text.hasSuffix("”") { text = text.dropLast() }
        return String(text)
    }

    /// "VII. Tự nhận…" → ("VII", "Tự nhận…"); "2. Xếp loại đảng viên" → ("2", …).
    private static func number(_ text: String, roman: Bool) -> (number: String, rest: String)? {
        guard let dot = text.firstIndex(of: ".") else { return nil }
        let head = text[..<dot]
        let allowed: (Character) -> Bool = roman ? { "IVXLCDMABCDEFGH".contains($0) } : { $0.isASCII && $0.isNumber }
        guard !head.isEmpty, head.count <= 5, head.allSatisfy(allowed) else { return nil }
        let rest = text[text.index(after: dot)...].trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { return nil }
        return (String(head), rest)
    }
}
