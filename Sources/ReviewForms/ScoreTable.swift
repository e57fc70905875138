import KiemdiemCore
import WordDocument

/// The 100-point score table of the 2025 forms (QĐ 366): a table whose header names the
/// criterion, the maximum and the self-given score. Units vary their annexes, so the columns are
/// found by what their headers say, not by position [forms-2025.md §2: layout not confirmed].
enum ScoreTable {
    static func read(_ document: WordDocument) -> ScoreSheet? {
        var found: ScoreSheet?
        func walk(_ blocks: [Block]) {
            for block in blocks where found == nil {
                guard case .table(let table) = block else { continue }
                if let sheet = sheet(from: table) { found = sheet; return }
                for row in table.rows { for cell in row.cells { walk(cell.blocks) } }
            }
        }
        walk(document.body)
        return found
    }

    private static func sheet(from table: Table) -> ScoreSheet? {
        for (headerIndex, row) in table.rows.enumerated() {
            let keys = row.cells.map { TextFolding.fold($0.text) }
            guard let criterion = keys.firstIndex(where: { $0.containsLabel("tieu chi") || $0.containsLabel("noi dung") }),
                  let maximum = keys.firstIndex(where: { $0.containsLabel("toi da") }),
                  let own = keys.firstIndex(where: { $0.containsLabel("tu cham") || $0.containsLabel("tu danh gia") || $0.containsLabel("ca nhan") })
            else { continue }
            var sheet = ScoreSheet()
            for body in table.rows.dropFirst(headerIndex + 1) {
                let cells = body.cells.map { TextFolding.collapseWhitespace($0.text) }
                let label = cells.indices.contains(criterion) ? cells[criterion] : ""
                let firstCell = cells.first.map(TextFolding.fold) ?? ""
                let maxScore = cells.indices.contains(maximum) ? number(cells[maximum]) : nil
                let selfScore = cells.indices.contains(own) ? number(cells[own]) : nil
                if TextFolding.fold(label).hasPrefix("tong") || firstCell.hasPrefix("tong") {
                    sheet.total = selfScore
                    continue
                }
                guard maxScore != nil || selfScore != nil, !label.isEmpty else { continue }
                sheet.items.append(ScoreSheet.Item(criterion: label, max: maxScore, selfScore: selfScore))
            }
            return sheet.items.isEmpty && sheet.total == nil ? nil : sheet
        }
        return nil
    }

    /// "27", "27,5", "27.5", "27 điểm".
    static func number(_ text: String) -> Double? {
        var digits = ""
        for ch in text {
            if ch.isASCII && ch.isNumber { digits.append(ch) }
            else if (ch == "," || ch == "."), !digits.isEmpty, !digits.contains(".") { digits.append(".") }
            else if !digits.isEmpty { break }
        }
        if digits.hasSuffix(".") { digits.removeLast() }
        return digits.isEmpty ? nil : Double(digits)
    }
}
