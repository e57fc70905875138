import Foundation
import KiemdiemCore

extension Ledger {
    /// Replaces the year's organisations and their classification, in one transaction.
    public func replaceOrganisations(_ results: [OrganisationResult], year: Int) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try writing { db in
            try db.execute("DELETE FROM organisations WHERE year = ?", [year])
            for r in results {
                let o = r.organisation
                let json = String(decoding: try encoder.encode(r), as: UTF8.self)
                try db.execute("""
                    INSERT INTO organisations (year, key, name, kind, parent_key, type, founded, deciding_body, self_level,
                        proposed_level, decided_level, total_score, level, status, result)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [
                        year, o.key, o.name, o.kind?.rawValue, o.parentKey, o.type?.rawValue, o.founded?.iso, o.decidingBody,
                        r.selfLevel?.rawValue, r.proposedLevel?.rawValue, r.decidedLevel?.rawValue, r.totalScore,
                        r.classification.level?.rawValue, r.classification.status.rawValue, json,
                    ])
            }
        }
    }

    /// The year's organisations as last classified, by name (folded) then key.
    public func organisations(year: Int) throws -> [OrganisationResult] {
        let decoder = JSONDecoder()
        return try reading { db in
            try db.column("SELECT result FROM organisations WHERE year = ? ORDER BY key", [year], as: String.self)
                .map { try decoder.decode(OrganisationResult.self, from: Data($0.utf8)) }
        }
    }
}

extension Ledger {
    /// The year's accepted collective reports (Mẫu 01) with their form JSON, in arrival order.
    public func collectiveReports(year: Int) throws -> [SubmissionRecord] {
        try reading { db in
            try db.rows("""
                SELECT \(SubmissionRecord.columnsWithForm) FROM submissions s \(SubmissionRecord.joinForm)
                WHERE s.year = ? AND s.kind = 'collective' AND s.verdict = 'accepted' ORDER BY s.id
                """, [year]).map { try SubmissionRecord(row: $0, findings: []) }
        }
    }
}
