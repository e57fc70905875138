import KiemdiemCore

/// `kiemdiem audit --format xlsx`: the events an auditor asked for, one sheet `Nhật ký kiểm tra`
/// (title in row 1, header in row 2, frozen, autofilter), published atomically like the
/// consolidated workbook.
public enum AuditWorkbook {
    public static let sheetName = "Nhật ký kiểm tra"

    public static func write(title: String, header: [String], rows: [[String]], createdAt: Int64,
                             to path: String) throws(WorkbookError) {
        try AtomicFile.publish(to: path) { (temporary: String) throws(WorkbookError) in
            let workbook = try Workbook(path: temporary)
            try workbook.setProperties(title: title, author: nil, created: createdAt)
            let sheet = try workbook.addSheet(sheetName)
            let lastColumn = max(0, header.count - 1)
            try sheet.title(title, lastColumn: lastColumn)
            try sheet.header(header, row: 1)
            for (index, row) in rows.enumerated() {
                for (column, value) in row.enumerated() { try sheet.text(value, row: index + 2, column: column) }
            }
            try sheet.finishTable(headerRow: 1, lastFilteredRow: rows.count + 1, lastColumn: lastColumn)
            try workbook.close()
        }
    }
}
