import GRDB
import KiemdiemCore

/// The embedded store of every submission, verdict, finding and level (SQLite through GRDB).
public final class Ledger: Sendable {
    let queue: DatabaseQueue

    public init(path: String) throws {
        queue = try DatabaseQueue(path: path)
    }
}
