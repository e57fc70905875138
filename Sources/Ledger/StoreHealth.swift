import Foundation
import GRDB

/// What the store file is, looked at without changing it: a workspace whose archive holds files
/// but whose store is missing, empty or unreadable must be refused, never taken for a new
/// workspace (README, "When the store is lost").
public enum StoreHealth: Sendable, Equatable {
    case missing
    /// Zero bytes (`: > kiemdiem.sqlite`).
    case empty
    /// Not a database, or damaged (SQLite's own words).
    case unreadable(String)
    /// Opens and passes `PRAGMA quick_check`; how many arrivals it records.
    case healthy(arrivals: Int)
}

extension Ledger {
    public static func health(path: String) -> StoreHealth {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        guard info.st_size > 0 else { return .empty }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else { return .unreadable(check.prefix(3).joined(separator: "; ")) }
                guard try db.tableExists("arrivals") else { return .healthy(arrivals: 0) }
                return .healthy(arrivals: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM arrivals") ?? 0)
            }
        } catch {
            return .unreadable("\(error)")
        }
    }
}

extension Ledger {
    /// After `kiemdiem recover` re-derived every decision: the audit log already holds them (its
    /// lines are anchored again as they are), so none is logged a second time.
    public func adoptAuditedHistory() throws {
        try transaction { store in
            try store.db.execute("UPDATE arrivals SET audit_logged = 1 WHERE audit_logged = 0")
            try store.db.execute("""
                UPDATE submissions SET supersession_logged = 1 WHERE superseded_by IS NOT NULL AND supersession_logged = 0
                """)
        }
    }
}
