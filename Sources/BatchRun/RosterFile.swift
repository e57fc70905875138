import Foundation
import KiemdiemCore
import OOXMLPackage
import ReviewRules

/// Reads the roster named in pipeline.yml: CSV (UTF-8, comma or semicolon) or XLSX (first sheet).
/// The first row holds the column names. A cell that cannot be read becomes a warning with its
/// line number and a `ROSTER_ROW_UNREADABLE` finding (listed in `Cảnh báo`); its row is kept and
/// counted with that cell empty, never dropped, never fatal.
///
/// Columns (Vietnamese or English names, any case, accents optional):
/// | column | meaning |
/// |---|---|
/// | `Họ và tên` / `full_name` | required |
/// | `Ngày sinh` / `date_of_birth` | dd/mm/yyyy or yyyy-mm-dd |
/// | `Chi bộ` / `party_cell` | |
/// | `Đảng bộ cơ sở` / `grassroots` | the organisation the quota is counted in |
/// | `Ngày vào Đảng` / `admitted` | admission date |
/// | `Miễn sinh hoạt` / `exempted` | có/x/1/true |
/// | `Đình chỉ` / `suspended` | có/x/1/true |
/// | `Kỷ luật` / `disciplined` | disciplined in the review year |
/// | `Tự phát hiện` / `self_detected` | the fault was self-detected and remedied |
/// | `Nghỉ ốm (tháng)` / `sick_leave_months` | months of sick leave in the year |
public enum RosterFile {
    enum Column: CaseIterable {
        case fullName, dateOfBirth, partyCell, grassroots, admitted, exempted, suspended, disciplined, selfDetected, sickLeave

        var names: [String] {
            switch self {
            case .fullName: return ["ho va ten", "ho ten", "full_name", "full name", "name"]
            case .dateOfBirth: return ["ngay sinh", "date_of_birth", "date of birth", "dob"]
            case .partyCell: return ["chi bo", "party_cell", "party cell"]
            case .grassroots: return ["dang bo co so", "dang bo", "to chuc co so dang", "grassroots"]
            case .admitted: return ["ngay vao dang", "ngay ket nap", "admitted", "admission_date"]
            case .exempted: return ["mien sinh hoat", "mien cong tac va sinh hoat", "exempted"]
            case .suspended: return ["dinh chi", "dinh chi sinh hoat", "suspended"]
            case .disciplined: return ["ky luat", "bi ky luat", "disciplined"]
            case .selfDetected: return ["tu phat hien", "tu phat hien va khac phuc", "self_detected"]
            case .sickLeave: return ["nghi om (thang)", "nghi om", "so thang nghi om", "sick_leave_months"]
            }
        }
    }

    public static func load(path: String) throws(ConfigurationError) -> Roster {
        var roster = parse(try TableFile.rows(path: path, what: "danh sách đảng viên"))
        roster.source = (path as NSString).lastPathComponent
        return roster
    }

    /// Where a roster finding was seen, in the words the board uses for its list.
    static func location(_ line: Int) -> String { "danh sách đảng viên, dòng \(line)" }

    static func parse(_ rows: [[String]]) -> Roster {
        guard let header = rows.first else { return Roster(entries: [], warnings: ["danh sách trống"]) }
        var warnings: [String] = []
        let index = TableFile.columns(header, Column.allCases, names: \.names, warnings: &warnings)
        guard index[.fullName] != nil else {
            return Roster(entries: [], warnings: warnings + ["dòng 1: thiếu cột Họ và tên"])
        }
        var entries: [RosterEntry] = []
        var findings: [Finding] = []
        for (offset, row) in rows.dropFirst().enumerated() {
            let line = offset + 2
            func value(_ column: Column) -> String? { TableFile.value(row, index[column]) }
            if TableFile.isBlank(row) { continue }
            var problems: [String] = []
            func unreadable(_ field: String, _ text: String?, _ problem: String) {
                problems.append(problem)
                findings.append(Finding(.rosterRowUnreadable, field: "roster.\(field)", evidence: text,
                                        location: location(line)))
            }
            let name = value(.fullName)
            if name == nil { unreadable("full_name", nil, "thiếu họ và tên") }
            func date(_ column: Column, _ field: String, _ label: String) -> CivilDate? {
                guard let text = value(column) else { return nil }
                if let date = CivilDate(loose: text) { return date }
                unreadable(field, text, "\(label) \"\(text)\" không phải ngày hợp lệ")
                return nil
            }
            func flag(_ column: Column, _ field: String, _ label: String) -> Bool {
                guard let text = value(column) else { return false }
                if let flag = TableFile.flag(text) { return flag }
                unreadable(field, text, "\(label) \"\(text)\" phải là có/không")
                return false
            }
            var entry = RosterEntry(line: line, fullName: name ?? "")
            entry.dateOfBirth = date(.dateOfBirth, "date_of_birth", "ngày sinh")
            entry.partyCell = value(.partyCell)
            entry.grassroots = value(.grassroots)
            entry.admitted = date(.admitted, "admitted", "ngày vào Đảng")
            entry.exempted = flag(.exempted, "exempted", "miễn sinh hoạt")
            entry.suspended = flag(.suspended, "suspended", "đình chỉ")
            entry.disciplined = flag(.disciplined, "disciplined", "kỷ luật")
            entry.selfDetected = flag(.selfDetected, "self_detected", "tự phát hiện")
            if let text = value(.sickLeave) {
                if let months = Double(text.replacingOccurrences(of: ",", with: ".")), months >= 0, months <= 12 {
                    entry.sickLeaveMonths = months
                } else {
                    unreadable("sick_leave_months", text, "số tháng nghỉ ốm \"\(text)\" không hợp lệ")
                }
            }
            // Kept: the member is on the list and must be counted; only the unreadable cell is lost.
            entries.append(entry)
            if !problems.isEmpty {
                warnings.append("dòng \(line): \(problems.joined(separator: "; ")); vẫn tính đảng viên này, ô đó để trống")
            }
        }
        var roster = Roster(entries: entries, warnings: warnings)
        roster.findings = findings
        return roster
    }
}

/// The rows of a board's list, CSV or XLSX (first sheet) by its extension: the roster, the
/// organisations file. `what` names the list in the error.
enum TableFile {
    static func rows(path: String, what: String) throws(ConfigurationError) -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("không đọc được \(what) \(path)")
        }
        guard path.lowercased().hasSuffix(".xlsx") else { return CSVRows.parse(String(decoding: data, as: UTF8.self)) }
        do {
            return try XLSXRows.read([UInt8](data))
        } catch {
            throw ConfigurationError("\(what) \(path) không đọc được: \(error.finding.message())")
        }
    }

    /// Which column each header names (Vietnamese or English, any case, accents optional); an
    /// unknown header is a warning, the first of two alike wins.
    static func columns<Column: Hashable>(_ header: [String], _ all: [Column], names: (Column) -> [String],
                                          warnings: inout [String]) -> [Column: Int] {
        var index: [Column: Int] = [:]
        for (position, name) in header.enumerated() {
            let key = TextFolding.fold(name)
            if let column = all.first(where: { names($0).contains(key) }), index[column] == nil {
                index[column] = position
            } else if !key.isEmpty {
                warnings.append("dòng 1: cột không biết \"\(name)\", bỏ qua")
            }
        }
        return index
    }

    /// A cell's text, NFC and whitespace collapsed; `nil` when blank or absent.
    static func value(_ row: [String], _ index: Int?) -> String? {
        guard let index, index < row.count else { return nil }
        let text = TextFolding.collapseWhitespace(TextFolding.nfc(row[index]))
        return text.isEmpty ? nil : text
    }

    static func isBlank(_ row: [String]) -> Bool { row.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }

    /// có / x / 1 / true and không / 0 / - as a flag; `nil` for anything else.
    static func flag(_ text: String) -> Bool? {
        switch TextFolding.fold(text) {
        case "co", "x", "1", "true", "yes", "y": return true
        case "khong", "0", "false", "no", "n", "-": return false
        default: return nil
        }
    }
}

/// RFC 4180 CSV, with `;` accepted as the separator (Excel's choice in Vietnamese locales).
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let firstLine = body.prefix { $0 != "\n" }
        let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = body.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"" where field.isEmpty: quoted = true
            case separator: row.append(field); field = ""
            case "\n", "\r\n":
                row.append(field); field = ""
                rows.append(row); row = []
            case "\r": break
            default: field.append(ch)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// The first worksheet of an .xlsx as rows of text (shared strings, inline strings, numbers;
/// date cells come as Excel serial numbers and are turned into dd/mm/yyyy).
enum XLSXRows {
    static func read(_ bytes: [UInt8]) throws(PackageFailure) -> [[String]] {
        let archive = try ZipArchive(bytes: bytes, limits: PackageLimits())
        var shared: [String] = []
        if let strings = try archive.read("xl/sharedStrings.xml") {
            try XMLCursor.read(strings, part: "xl/sharedStrings.xml", limits: archive.limits) { cursor throws(PackageFailure) in
                var current: String?
                while try cursor.next() {
                    switch (cursor.kind, cursor.name.local) {
                    case (.startElement, "si"): current = ""
                    case (.endElement, "si"): shared.append(current ?? ""); current = nil
                    case (.text, _): if current != nil { current! += cursor.text }
                    default: break
                    }
                }
            }
        }
        let sheets: [String] = archive.entries.map(\.name).filter { name in
            name.hasPrefix("xl/worksheets/sheet") && name.hasSuffix(".xml")
        }
        // sheet1.xml before sheet10.xml.
        let sheetName = sheets.min { a, b in (a.count, a) < (b.count, b) }
        guard let sheetName, let sheet = try archive.read(sheetName) else { return [] }
        var rows: [[String]] = []
        try XMLCursor.read(sheet, part: sheetName, limits: archive.limits) { cursor throws(PackageFailure) in
            var row: [String] = []
            var column = 0
            var type = ""
            var value = ""
            var inValue = false
            while try cursor.next() {
                switch (cursor.kind, cursor.name.local) {
                case (.startElement, "row"): row = []
                case (.endElement, "row"): rows.append(row)
                case (.startElement, "c"):
                    type = cursor.attribute(.none, "t") ?? "n"
                    column = columnIndex(cursor.attribute(.none, "r")) ?? row.count
                    value = ""
                case (.startElement, "v"), (.startElement, "t"): inValue = true
                case (.endElement, "v"), (.endElement, "t"): inValue = false
                case (.text, _): if inValue { value += cursor.text }
                case (.endElement, "c"):
                    let text: String
                    switch type {
                    case "s": text = Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
                    case "n": text = serialDate(value) ?? value
                    default: text = value
                    }
                    while row.count < column { row.append("") }
                    row.append(text)
                default: break
                }
            }
        }
        return rows
    }

    /// "C12" → 2.
    static func columnIndex(_ reference: String?) -> Int? {
        guard let reference else { return nil }
        var index = 0
        var any = false
        for ch in reference.uppercased() {
            guard let ascii = ch.asciiValue, ch.isLetter else { break }
            index = index * 26 + Int(ascii - 64)
            any = true
        }
        return any ? index - 1 : nil
    }

    /// Whole numbers in the range of 20th–21st century dates are read as Excel dates; a roster has
    /// no other large whole numbers (sick-leave months are small).
    static func serialDate(_ text: String) -> String? {
        guard let serial = Int(text), (10_000...80_000).contains(serial) else { return nil }
        // Excel's day 0 is 1899-12-30 (it counts the 1900 leap day that never was); 25,569 is 1970-01-01.
        return CivilDate(daysSince1970: serial - 25_569)?.iso
    }
}
