import Foundation
import KiemdiemCore
import Ledger
import ReviewRules
import Workbooks

/// `kiemdiem audit`: the audit log's events an auditor asks for, across every review year in the
/// store, as a terminal table, JSON Lines (the log's own lines, unchanged, so each can be checked
/// against the log), CSV or an .xlsx. Read from the store's `audit_events`, which hold exactly
/// the lines written to `logs/audit.jsonl` (docs/contract.md §4.2).
public enum AuditReport {
    /// One event with what its line says and the member's history that year.
    public struct Row: Sendable {
        public var record: AuditEventRecord
        public var time: String
        public var event: String
        public var year: Int
        public var fullName: String?
        public var dateOfBirth: String?
        public var partyCell: String?
        public var partyCommittee: String?
        public var file: String
        public var sha256: String
        public var verdict: String?
        public var level: String?
        public var findings: [FindingLine]
        public var history: [HistoryFlag]
    }

    /// One finding as the line carries it.
    public struct FindingLine: Sendable {
        public var code: String
        public var severity: String
        public var location: String?
        public var evidence: String?
        public var regulation: String?
        public var article: String?
        public var message: String?
    }

    public enum Format: String, Sendable, CaseIterable {
        case table, jsonl, csv, xlsx
    }

    /// The events matching `query`, oldest first, with the history flags of each member's year.
    public static func rows(_ config: PipelineConfig, query: AuditQuery) throws(WorkspaceError) -> [Row] {
        let workspace = Workspace(config)
        guard Ledger.exists(workspace.storeLocation) else { return [] }
        let ledger = try wrap { try Ledger(workspace.storeLocation) }
        let records = try wrap { try ledger.auditEvents(query) }
        let history = try wrap { try ledger.levelsByYear(only: HistoryFlag.levels) }
        return records.map { record in
            let object = (try? JSONSerialization.jsonObject(with: Data(record.line.utf8))) as? [String: Any] ?? [:]
            let member = object["member"] as? [String: Any]
            let findings = (object["findings"] as? [[String: Any]] ?? []).map { f in
                FindingLine(code: f["code"] as? String ?? "", severity: f["severity"] as? String ?? "",
                            location: f["location"] as? String, evidence: f["evidence"] as? String,
                            regulation: f["regulation"] as? String, article: f["article"] as? String,
                            message: f["message"] as? String)
            }
            let levels = record.memberKey.map { history[Ledger.person(memberKey: $0)] ?? [:] } ?? [:]
            return Row(record: record, time: record.recordedAt, event: record.event, year: record.year,
                       fullName: member?["full_name"] as? String, dateOfBirth: member?["date_of_birth"] as? String,
                       partyCell: object["party_cell"] as? String, partyCommittee: object["party_committee"] as? String,
                       file: object["file"] as? String ?? "", sha256: object["sha256"] as? String ?? "",
                       verdict: record.verdict, level: record.level, findings: findings,
                       history: HistoryFlag.flags(levels: levels, year: record.year))
        }
    }

    /// How an event reads in Vietnamese (table and workbook; CSV and JSON keep the codes).
    public static func eventName(_ event: String) -> String {
        [
            "accepted": "hợp lệ", "rejected": "bị từ chối", "duplicate": "trùng nội dung", "superseded": "bị bản mới thay thế",
            "level_capped": "bị hạ mức theo quy định", "rule_conflict": "quyết định trái quy định", "exempt": "không xếp loại",
            "organisation_classified": "tổ chức được xếp loại", "organisation_reclassified": "tổ chức xếp loại lại",
        ][event] ?? event
    }

    static func levelName(_ level: String?) -> String { level.flatMap(Level.init(rawValue:))?.vietnamese ?? "" }

    static func explained(_ finding: FindingLine) -> String {
        var text = "\(finding.code) (\(finding.severity == "error" ? "lỗi" : "cảnh báo"))"
        if let location = finding.location { text += " tại \(location)" }
        if let evidence = finding.evidence, !evidence.isEmpty { text += ": «\(evidence)»" }
        let citation = [finding.regulation, finding.article].compactMap { $0 }.joined(separator: ", ")
        if !citation.isEmpty { text += " [\(citation)]" }
        return text
    }

    static let header = ["Mã sự kiện", "Thời điểm ghi", "Năm", "Sự kiện", "Họ và tên", "Ngày sinh", "Chi bộ", "Đảng bộ",
                         "Tệp", "SHA-256", "Kết quả", "Xếp loại", "Mã", "Nhiều năm"]

    /// The cells of one row; `vietnamese` names events and levels in words (table, workbook).
    static func cells(_ row: Row, explain: Bool, vietnamese: Bool) -> [String] {
        var cells = [
            row.record.eventID, row.time, String(row.year), vietnamese ? eventName(row.event) : row.event,
            row.fullName ?? "", row.dateOfBirth ?? "", row.partyCell ?? "", row.partyCommittee ?? "", row.file, row.sha256,
            row.verdict ?? "", vietnamese ? levelName(row.level) : row.level ?? "",
            row.findings.map(\.code).joined(separator: ","), row.history.map(\.vietnamese).joined(separator: "; "),
        ]
        if explain { cells.append(row.findings.map(explained).joined(separator: " | ")) }
        return cells
    }

    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF lines.
    public static func csv(_ rows: [Row], explain: Bool) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let head = header + (explain ? ["Chi tiết"] : [])
        return ([head] + rows.map { cells($0, explain: explain, vietnamese: false) })
            .map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The log's lines, one per event, exactly as written.
    public static func jsonLines(_ rows: [Row]) -> String {
        rows.map { $0.record.line + "\n" }.joined()
    }

    /// A table for the terminal: the columns an auditor scans, the findings' details indented
    /// under their event with `explain`.
    public static func table(_ rows: [Row], explain: Bool) -> String {
        let head = ["Thời điểm ghi", "Năm", "Sự kiện", "Họ và tên", "Ngày sinh", "Chi bộ", "Tệp", "Mã", "Nhiều năm"]
        let body = rows.map { row in
            [String(row.time.prefix(16)), String(row.year), eventName(row.event), row.fullName ?? row.partyCommittee ?? "",
             row.dateOfBirth ?? "", row.partyCell ?? "", row.file, row.findings.map(\.code).joined(separator: ","),
             row.history.map(\.vietnamese).joined(separator: "; ")]
        }
        var widths = head.map(\.count)
        for line in body { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], min(cell.count, 40)) } }
        func render(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, width in
                let cut = cell.count > width ? String(cell.prefix(width - 1)) + "…" : cell
                return cut + String(repeating: " ", count: width - cut.count)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var out = render(head) + "\n" + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for (row, line) in zip(rows, body) {
            out += render(line) + "\n"
            if explain {
                for finding in row.findings {
                    out += "    " + explained(finding) + "\n"
                    if let message = finding.message { out += "      " + message + "\n" }
                }
            }
        }
        out += "\(rows.count) sự kiện.\n"
        return out
    }

    public static func xlsx(_ rows: [Row], explain: Bool, to path: String) throws(WorkbookError) {
        let created = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init)
            ?? Int64(Date().timeIntervalSince1970)
        try AuditWorkbook.write(title: "NHẬT KÝ KIỂM TRA: \(rows.count) SỰ KIỆN", header: header + (explain ? ["Chi tiết"] : []),
                                rows: rows.map { cells($0, explain: explain, vietnamese: true) }, createdAt: created, to: path)
    }
}
