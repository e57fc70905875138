import Foundation
import GRDB
import KiemdiemCore
import PostgresClient

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
    /// A shared store whose server did not answer (or refused the role): nothing can be said
    /// about the data, and the command fails as on any I/O error.
    case unreachable(String)
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
                // quick_check's own lines are English and name pages, not what to do.
                guard check == ["ok"] else { return .unreadable("tệp kho dữ liệu bị hỏng (quick_check: \(check.count) lỗi)") }
                guard try db.tableExists("arrivals") else { return .healthy(arrivals: 0) }
                return .healthy(arrivals: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM arrivals") ?? 0)
            }
        } catch {
            return .unreadable(Ledger.describe(error))
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

extension Ledger {
    /// A store failure in the operator's words (SQLite's own are English): what happened, by
    /// SQLite's primary result code, and the code itself for a report.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? PostgresError {
            // libpq's and the server's own words (English, several lines), on one line and
            // without a password, so the operator reads why: refused, no such role, no right.
            let words = error.message.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
            return "máy chủ PostgreSQL báo: \(StoreLocation.withoutPassword(words))" + (error.sqlState.map { " (SQLSTATE \($0))" } ?? "")
        }
        guard let error = error as? DatabaseError else { return SystemError.text(error) }
        let words: String
        switch error.resultCode {
        case .SQLITE_FULL: words = "ổ đĩa đầy"
        case .SQLITE_IOERR: words = "lỗi đọc ghi của ổ đĩa"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: words = "tệp kho dữ liệu bị hỏng hoặc không phải kho dữ liệu"
        case .SQLITE_BUSY, .SQLITE_LOCKED: words = "kho dữ liệu đang bị một tiến trình khác giữ"
        case .SQLITE_READONLY: words = "kho dữ liệu chỉ cho đọc"
        case .SQLITE_CANTOPEN: words = "không mở được tệp kho dữ liệu"
        case .SQLITE_PERM, .SQLITE_AUTH: words = "không có quyền"
        case .SQLITE_NOMEM: words = "hết bộ nhớ"
        case .SQLITE_CONSTRAINT: words = "dữ liệu trái ràng buộc của kho (lỗi nội bộ)"
        default: words = "lỗi kho dữ liệu"
        }
        return "\(words) (SQLite \(error.extendedResultCode.rawValue))"
    }
}
