import KiemdiemCore

/// The sheets a roll-up adds after the board's own (docs/contract.md §6): each a title in row 1,
/// a header in row 2, one row per entry and, where counts add up, `Tổng cộng`.
enum RollupSheets {
    /// One cell of a table row.
    enum Value {
        case text(String?)
        case integer(Int)
    }

    static func write(_ report: RollupReport, into workbook: Workbook) throws(WorkbookError) {
        let year = report.consolidated.year
        let language = report.consolidated.language
        let memberHeaders = ["Đã nộp", "Hợp lệ", "Bị từ chối", "Không xếp loại"] + Level.allCases.map(\.abbreviation) + ["Chưa xếp loại"]
        func memberValues(_ c: CellSummary) -> [Value] {
            ([c.submitted, c.accepted, c.rejected, c.exempt] + Level.allCases.map { c.levels[$0, default: 0] } + [c.unclassified])
                .map(Value.integer)
        }
        let reviewHeaders = ["Phải kiểm điểm", "Đã kiểm điểm", "Mới kết nạp", "Miễn", "Đình chỉ", "Chưa kiểm điểm"]
        func reviewValues(_ r: ReviewCounts?) -> [Value] {
            guard let r else { return Array(repeating: .text(nil), count: reviewHeaders.count) }
            return [r.required, r.reviewed, r.newlyAdmitted, r.exempted, r.suspended, r.missing].map(Value.integer)
        }

        let boardRows = report.boards.map { b -> [Value] in
            [.text(b.name), .text(b.kind?.vietnamese), .text(b.type?.vietnamese), .text(b.state), .text(b.file), .text(b.asOf)]
                + memberValues(b.members) + reviewValues(b.reviewCounts)
                + [.text(b.level?.vietnamese), .text(b.status.map(OrganisationsSheet.status))]
        }
        let memberTotal = report.boards.reduce(CellSummary(partyCell: "")) { $0.adding($1.members) }
        let reviewed = report.boards.compactMap(\.reviewCounts)
        let reviewTotal = reviewed.isEmpty ? nil : reviewed.reduce(ReviewCounts()) { $0.adding($1) }
        try table(into: workbook, name: "Tổ chức cấp dưới",
                  title: "KẾT QUẢ CỦA CÁC TỔ CHỨC ĐẢNG CẤP DƯỚI NĂM \(year) (\(report.superior))",
                  headers: ["Tổ chức đảng", "Loại tổ chức", "Loại hình", "Gói kết quả", "Tệp", "Dữ liệu đến"] + memberHeaders
                    + reviewHeaders + ["Xếp loại tổ chức", "Trạng thái"],
                  rows: boardRows,
                  total: [.text(SummarySheet.totalLabel)] + Array(repeating: .text(nil), count: 5) + memberValues(memberTotal)
                    + reviewValues(reviewTotal) + [.text(nil), .text(nil)])

        let typeRows = report.types.map { t -> [Value] in
            [.text(t.type?.vietnamese ?? "Chưa rõ loại hình"), .integer(t.organisations)]
                + Level.allCases.map { .integer(t.levels[$0, default: 0]) } + [.integer(t.exempt), .integer(t.unclassified)]
                + memberValues(t.members)
        }
        try table(into: workbook, name: "Theo loại hình",
                  title: "TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN THEO LOẠI HÌNH NĂM \(year)",
                  headers: ["Loại hình", "Số tổ chức đảng"] + Level.allCases.map { "Tổ chức " + $0.abbreviation }
                    + ["Tổ chức không xếp loại", "Tổ chức chưa xếp loại"] + memberHeaders.map { "Đảng viên: " + $0 },
                  rows: typeRows, total: nil)

        try table(into: workbook, name: "Tỷ lệ cấp trên",
                  title: "TỶ LỆ HOÀN THÀNH XUẤT SẮC NHIỆM VỤ TRONG CÁC NHÓM TỔ CHỨC ĐẢNG CẤP DƯỚI NĂM \(year)",
                  headers: ["Nhóm tổ chức", "HTXSNV", "HTTNV", "Kết quả"],
                  rows: report.quotaGroups.map { q in
                      [.text(q.group), .integer(q.excellent), .integer(q.good),
                       .text(q.breach.map { "[\($0.code.rawValue)] \($0.message(language))" } ?? "Trong giới hạn")]
                  }, total: nil)

        try table(into: workbook, name: "Chưa đủ",
                  title: "TỔ CHỨC CHƯA GỬI GÓI KẾT QUẢ HOẶC XẾP LOẠI TRƯỚC CẤP DƯỚI NĂM \(year)",
                  headers: ["Tổ chức đảng", "Thuộc", "Vấn đề", "Chi tiết"],
                  rows: report.gaps.map { [.text($0.organisation), .text($0.board), .text($0.problem), .text($0.detail)] },
                  total: nil)

        try table(into: workbook, name: "Gói kết quả",
                  title: "CÁC GÓI KẾT QUẢ ĐÃ NHẬN NĂM \(year)",
                  headers: ["Tệp", "Tổ chức đảng", "Năm", "Trạng thái", "Mã", "Lý do", "Dữ liệu đến", "Nhật ký", "SHA-256"],
                  rows: report.packages.map { p in
                      [.text(p.file), .text(p.board), p.year.map(Value.integer) ?? .text(nil), .text(p.state),
                       .text(p.finding?.code.rawValue),
                       .text(p.finding.map { $0.message(language) + ($0.evidence.map { ": " + $0 } ?? "") }),
                       .text(p.asOf), .text(p.logs), .text(p.sha256)]
                  }, total: nil)
    }

    static func table(into workbook: Workbook, name: String, title: String, headers: [String], rows: [[Value]],
                      total: [Value]?) throws(WorkbookError) {
        let sheet = try workbook.addSheet(name)
        let lastColumn = headers.count - 1
        try sheet.title(title, lastColumn: lastColumn)
        try sheet.header(headers, row: 1)
        var row = 2
        func put(_ values: [Value], bold: Bool) throws(WorkbookError) {
            for (column, value) in values.enumerated() {
                switch value {
                case .text(let text):
                    try sheet.text(text, row: row, column: column, format: bold ? sheet.formats.totalText : nil)
                case .integer(let number):
                    try sheet.integer(number, row: row, column: column, format: bold ? sheet.formats.totalInteger : nil)
                }
            }
            row += 1
        }
        for values in rows { try put(values, bold: false) }
        let lastRow = row - 1
        if let total { try put(total, bold: true) }
        try sheet.finishTable(headerRow: 1, lastFilteredRow: lastRow, lastColumn: lastColumn, frozenColumns: 1)
    }
}

extension WorkbookWriter {
    /// The superior's workbook of a roll-up: the board's sheets over every counted board (the
    /// members and refusals taken from `rows` one at a time), then the roll-up's own sheets.
    /// Published atomically; the same packages give the same bytes.
    public static func write(rollup report: RollupReport, rows: some ReportRows, to path: String) throws(WorkbookError) {
        try AtomicFile.publish(to: path) { (temporary: String) throws(WorkbookError) in
            try build(report.consolidated, rows: rows, at: temporary) { (workbook: Workbook) throws(WorkbookError) in
                try RollupSheets.write(report, into: workbook)
            }
        }
    }
}
