import KiemdiemCore
@testable import Workbooks

/// Hand-built reports with the awkward data real forms carry.
enum Fixtures {
    static let longAnswer = String(repeating: "Ưu điểm ", count: 5_000)  // 40,000 characters
    static let formulaLike = "=HYPERLINK(\"http://example.invalid\",\"bấm\")"

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day)!
    }

    static let rulesNote = "Kiểm điểm năm 2025 theo QĐ 366-QĐ/TW, HD 43-HD/BTCTW."

    /// Three party cells, four members, three rejection rows, framed for the Đảng ủy Khối.
    static var report: ConsolidatedReport {
        var report = unframed
        report.frame = DocumentFrame(superior: "Đảng bộ tỉnh Quảng Trị", unit: "Đảng ủy Khối Cơ quan tỉnh", place: "Quảng Trị",
                                     date: date(2026, 1, 1), preparedBy: "Lê Thị Lập", signerTitle: "Bí thư",
                                     signedBy: "Trần Văn Ký", rulesNote: rulesNote)
        return report
    }

    static var unframed: ConsolidatedReport {
        ConsolidatedReport(
            year: 2025,
            organisation: "Đảng bộ Khối Cơ quan tỉnh",
            cells: [
                CellSummary(partyCell: "Chi bộ Văn phòng", submitted: 12, accepted: 10, rejected: 2, exempt: 1,
                            levels: [.excellent: 1, .good: 6, .satisfactory: 2], unclassified: 0),
                CellSummary(partyCell: "Chi bộ Tài chính – Kế hoạch", submitted: 8, accepted: 8, rejected: 0, exempt: 0,
                            levels: [.excellent: 2, .good: 4, .satisfactory: 1, .unsatisfactory: 1], unclassified: 0),
                CellSummary(partyCell: "Chi bộ Phòng Tổ chức", submitted: 5, accepted: 4, rejected: 1, exempt: 0,
                            levels: [.good: 3], unclassified: 1),
            ],
            members: [
                MemberRow(fullName: "Nguyễn Thị Ánh Tuyết", dateOfBirth: date(1985, 3, 7), partyCell: "Chi bộ Văn phòng",
                          selfLevel: .excellent, cellProposal: .good, committeeLevel: .good, result: .good,
                          status: .final, file: "2025/Nguyen Thi Anh Tuyet.docx"),
                MemberRow(fullName: "Trần\u{07}Văn Bình", dateOfBirth: date(1990, 12, 31), partyCell: "Chi bộ Tài chính – Kế hoạch",
                          selfLevel: .good, cellProposal: .good, committeeLevel: nil, result: .good,
                          status: .provisional, file: "Tran Van Binh.docx"),
                MemberRow(fullName: "Lê Hoàng Đức", dateOfBirth: nil, partyCell: "Chi bộ Phòng Tổ chức",
                          selfLevel: nil, cellProposal: nil, committeeLevel: nil, result: nil,
                          status: .exempt, file: formulaLike),
                MemberRow(fullName: "Phạm Quỳnh Hương", dateOfBirth: date(1972, 1, 1), partyCell: nil,
                          selfLevel: nil, cellProposal: nil, committeeLevel: nil, result: nil,
                          status: .unclassified, file: "pham-quynh-huong.docx"),
            ],
            rejections: [
                RejectionRow(file: "hong.docx", code: .corruptArchive, field: nil, reason: "Tệp hỏng\u{0B}không mở được",
                             fullName: nil, partyCell: nil),
                RejectionRow(file: "vo-thi-mai.docx", code: .missingField, field: "member.date_of_birth",
                             reason: longAnswer, fullName: "Võ Thị Mai", partyCell: "Chi bộ Văn phòng"),
                RejectionRow(file: "=1+2", code: .invalidValue, field: "year", reason: "Mã _x0041_ giữ nguyên",
                             fullName: "Đặng Văn Lâm", partyCell: "Chi bộ Phòng Tổ chức"),
            ],
            createdAt: 1_767_225_600  // 2026-01-01T00:00:00Z
        )
    }
}
