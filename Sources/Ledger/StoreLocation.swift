import Foundation

/// Where a workspace's store is (pipeline.yml `store:`, docs/contract.md "The store").
public enum StoreLocation: Sendable, Equatable {
    /// The embedded SQLite file of the workspace (the default).
    case sqlite(path: String)
    /// The board's schema in a shared PostgreSQL database: `url` is a libpq connection URI,
    /// `board` the board's name in it (`store_board:`).
    case postgres(url: String, board: String)

    /// How messages name the store: the URI without its password.
    public var displayName: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url, let board): "\(StoreLocation.withoutPassword(url)) (schema \(PostgresDialect.schema(board: board)))"
        }
    }

    /// A shared store's URI as messages show it.
    public static func withoutPassword(_ url: String) -> String {
        // postgresql://user:secret@host/db → postgresql://user@host/db; `password=` in a query
        // string or a key=value string is cut the same way.
        var text = url.replacingOccurrences(of: #"(://[^:/@]*):[^@/]*@"#, with: "$1@", options: .regularExpression)
        text = text.replacingOccurrences(of: #"password=[^&\s]*"#, with: "password=…", options: .regularExpression)
        return text
    }

    /// A board name that can be a schema name: lower-case ASCII letters, digits and `_`, at most 32.
    public static func isValidBoard(_ board: String) -> Bool { PostgresDialect.isValidBoard(board) }
}

extension Ledger {
    /// Opens (creating if needed) the store and runs the migrations.
    public convenience init(_ location: StoreLocation) throws {
        switch location {
        case .sqlite(let path): try self.init(path: path)
        case .postgres(let url, let board): try self.init(store: PostgresStore(url: url, board: board))
        }
    }

    /// Takes the board's lock in a shared store (an advisory lock, held until this Ledger is
    /// released or the process ends): `false` when another run of the same board holds it. The
    /// SQLite file needs none beyond the workspace folder's lock.
    public func lockBoard() throws -> Bool {
        guard let shared = store as? PostgresStore else { return true }
        return try shared.lockBoard()
    }

    /// Whether the store has been created: the file, or the board's schema.
    public static func exists(_ location: StoreLocation) -> Bool {
        switch location {
        case .sqlite(let path): FileManager.default.fileExists(atPath: path)
        case .postgres: if case .missing = health(location) { false } else { true }
        }
    }

    /// The boards that keep a store in the shared database at `url`, by name: what a roll-up of
    /// the boards reads (issue 18).
    public static func boards(url: String) throws -> [String] {
        try PostgresStore.boards(url: url)
    }

    /// What the store is, looked at without changing it (see `health(path:)`). A shared store
    /// whose server cannot be reached is `.unreachable`: an I/O failure, not a lost store.
    public static func health(_ location: StoreLocation) -> StoreHealth {
        switch location {
        case .sqlite(let path):
            return health(path: path)
        case .postgres(let url, let board):
            do {
                let store = try PostgresStore(url: url, board: board, create: false)
                return .healthy(arrivals: try store.arrivalCount() ?? 0)
            } catch is PostgresStore.StoreAbsent {
                return .missing
            } catch {
                return .unreachable("\(error)")
            }
        }
    }
}

extension Ledger {
    /// `kiemdiem recover` on a shared store: the board's schema is renamed
    /// `hong_kiemdiem_<board>_<stamp>` (kept, never dropped, and outside `boards(url:)`), so the
    /// next open starts a new one. Returns the new name, `nil` when the board had no schema.
    public static func setAside(_ location: StoreLocation, stamp: String) throws -> String? {
        guard case .postgres(let url, let board) = location else { return nil }
        return try PostgresStore.setAside(url: url, board: board, stamp: stamp)
    }
}
