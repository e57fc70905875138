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
        let frame = report.consolidated.frame
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
        try table(into: workbook, frame: frame, name: "Tổ chức cấp dưới",
                  title: "KẾT QUẢ CỦA CÁC TỔ CHỨC ĐẢNG CẤP DƯỚI NĂM \(year) (\(report.superior))",
                  headers: ["Tổ chức đảng", "Loại tổ chức", "Loại hình", "Gói kết quả", "Tệp", "Dữ liệu đến"] + memberHeaders
                    + reviewHeaders + ["Xếp loại tổ chức", "Trạng thái"],
                  rows: boardRows,
                  total: [.text(SummarySheet.totalLabel)] + Array(repeating: .text(nil), count: 5) + memberValues(memberTotal)
                    + reviewValues(reviewTotal) + [.text(nil), .text(nil)])

        try table(into: workbook, frame: frame, name: "Tỷ lệ cấp trên",
                  title: "TỶ LỆ HOÀN THÀNH XUẤT SẮC NHIỆM VỤ TRONG CÁC NHÓM TỔ CHỨC ĐẢNG CẤP DƯỚI NĂM \(year)",
                  headers: ["Nhóm tổ chức", "HTXSNV", "HTTNV", "Kết quả"],
                  rows: report.quotaGroups.map { q in
                      [.text(q.group), .integer(q.excellent), .integer(q.good),
                       .text(q.breach.map { "[\($0.code.rawValue)] \($0.message(language))" } ?? "Trong giới hạn")]
                  }, total: nil)

        try table(into: workbook, frame: frame, name: "Chưa đủ",
                  title: "TỔ CHỨC CHƯA GỬI GÓI KẾT QUẢ HOẶC XẾP LOẠI TRƯỚC CẤP DƯỚI NĂM \(year)",
                  headers: ["Tổ chức đảng", "Thuộc", "Vấn đề", "Chi tiết"],
                  rows: report.gaps.map { [.text($0.organisation), .text($0.board), .text($0.problem), .text($0.detail)] },
                  total: nil)

        try table(into: workbook, frame: frame, name: "Gói kết quả",
                  title: "CÁC GÓI KẾT QUẢ ĐÃ NHẬN NĂM \(year)",
                  headers: ["Tệp", "Tổ chức đảng", "Năm", "Trạng thái", "Mã", "Lý do", "Dữ liệu đến", "Nhật ký", "SHA-256"],
                  rows: report.packages.map { p in
                      [.text(p.file), .text(p.board), p.year.map(Value.integer) ?? .text(nil), .text(p.state),
                       .text(p.finding?.code.rawValue),
                       .text(p.finding.map { $0.message(language) + ($0.evidence.map { ": " + $0 } ?? "") }),
                       .text(p.asOf), .text(p.logs), .text(p.sha256)]
                  }, total: nil)
    }

    /// One framed table (`FramedTable`: the frame, title, header in row 6, note and signatures):
    /// the first column wide for names, the others as their headers need.
    static func table(into workbook: Workbook, frame: DocumentFrame, name: String, title: String, headers: [String],
                      rows: [[Value]], total: [Value]?, note: String? = nil) throws(WorkbookError) {
        let widths = headers.enumerated().map { index, header in index == 0 ? 28 : min(24, max(8, Double(header.count) * 0.9 + 2)) }
        let table = try FramedTable.begin(workbook, name: name, frame: frame, title: title, headers: headers, widths: widths)
        let sheet = table.sheet
        var row = table.firstRow
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
        let lastBody = row - 1
        if let total { try put(total, bold: true) }
        try table.end(lastRow: row - 1, filteredThrough: lastBody, frozenColumns: 1, note: note)
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
