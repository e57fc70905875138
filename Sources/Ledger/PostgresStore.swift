import Foundation
import PostgresClient

/// A board's store in a shared PostgreSQL database (`store: postgresql://…`, docs/contract.md
/// "The store"): the same tables and migrations as the SQLite file, in the board's own schema
/// (`kiemdiem_<board>`, the connection's `search_path`), so boards' rows never mix and every
/// board keeps its own runs, ids and log anchors.
///
/// One connection, used by one transaction at a time (as GRDB's `DatabaseQueue` serialises the
/// SQLite store). The board's advisory lock is a session lock of this connection: the server
/// drops it when the connection ends, also when the process is killed with SIGKILL.
final class PostgresStore: SQLStore, @unchecked Sendable {
    // @unchecked: `connection` is only touched under `lock`.
    private let lock = NSLock()
    private let connection: PostgresConnection
    let schema: String
    var dialect: SQLDialect { .postgres }

    /// Connects and selects the board's schema, creating it when `create` and it is missing.
    init(url: String, board: String, create: Bool = true) throws {
        connection = try PostgresConnection(url: url, applicationName: "kiemdiem " + board)
        schema = PostgresDialect.schema(board: board)
        let exists = try connection.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]).rowCount > 0
        if !exists {
            guard create else { throw StoreAbsent(schema: schema) }
            do {
                try connection.execute("CREATE SCHEMA \(PostgresStore.quoted(schema))")
            } catch {
                // Another run of the same board may have created it a moment ago.
                guard error.sqlState == "42P06" || error.sqlState == "23505" else { throw error }
            }
        }
        try connection.execute("SET search_path TO \(PostgresStore.quoted(schema))")
    }

    /// The board's schema is not there (`Ledger.health` on a board never run, or lost).
    struct StoreAbsent: Error {
        let schema: String
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        // REPEATABLE READ: the report reads see one snapshot, as a SQLite read transaction does.
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction("BEGIN", body)
    }

    private func transaction<T>(_ begin: String, _ body: (any SQLConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try connection.execute(begin)
        do {
            let value = try body(PostgresSQLConnection(connection: connection))
            try connection.execute("COMMIT")
            return value
        } catch {
            if !connection.isBroken { try? connection.execute("ROLLBACK") }
            throw error
        }
    }

    /// Takes the board's advisory lock for as long as this store is open; `false` when another
    /// session holds it. The key is the schema's name hashed by the server, so every program
    /// that locks a board by its name agrees on it.
    func lockBoard() throws -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let result = try connection.query("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", ["kiemdiem.board:" + schema])
        return result.text(row: 0, column: 0) == "t"
    }

    /// How many arrivals the board's schema records, `nil` when it has no arrivals table yet.
    func arrivalCount() throws -> Int? {
        lock.lock()
        defer { lock.unlock() }
        let table = try connection.query("SELECT to_regclass($1) IS NOT NULL", [PostgresStore.quoted(schema) + ".arrivals"])
        guard table.text(row: 0, column: 0) == "t" else { return nil }
        return try connection.query("SELECT COUNT(*) FROM arrivals").text(row: 0, column: 0).flatMap { Int($0) }
    }

    static func setAside(url: String, board: String, stamp: String) throws -> String? {
        let connection = try PostgresConnection(url: url, applicationName: "kiemdiem " + board)
        let schema = PostgresDialect.schema(board: board)
        guard try connection.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]).rowCount > 0 else { return nil }
        let kept = "hong_\(schema)_\(stamp.lowercased())"
        try connection.execute("ALTER SCHEMA \(quoted(schema)) RENAME TO \(quoted(kept))")
        return kept
    }

    /// The boards whose schema holds a store, by name.
    static func boards(url: String) throws -> [String] {
        try boards(on: PostgresConnection(url: url, applicationName: "kiemdiem"))
    }

    static func boards(on connection: PostgresConnection) throws -> [String] {
        let result = try connection.query("""
            SELECT n.nspname FROM pg_namespace n
            WHERE n.nspname LIKE 'kiemdiem\\_%' AND EXISTS (
                SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid AND c.relname = 'grdb_migrations')
            ORDER BY n.nspname COLLATE "C"
            """)
        return (0..<result.rowCount).compactMap { result.text(row: $0, column: 0) }.map { String($0.dropFirst("kiemdiem_".count)) }
    }
}

struct PostgresSQLConnection: SQLConnection {
    let connection: PostgresConnection
    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, _ arguments: SQLArguments) throws {
        try run(sql, arguments)
    }

    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        let result = try run(sql + " RETURNING id", arguments)
        guard let id = result.text(row: 0, column: 0).flatMap({ Int64($0) }) else {
            throw PostgresError(message: "INSERT không trả về id", sqlState: nil)
        }
        return id
    }

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        return (0..<result.rowCount).map { SQLRow(cells: PostgresCells(result: result, row: $0)) }
    }

    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        let result = try run(sql, arguments)
        for row in 0..<result.rowCount { try body(SQLRow(cells: PostgresCells(result: result, row: row))) }
    }

    func executeScript(_ sql: String) throws {
        try connection.execute(sql)
    }

    @discardableResult
    private func run(_ sql: String, _ arguments: SQLArguments) throws -> PostgresResult {
        try connection.query(PostgresDialect.numberPlaceholders(sql), arguments.values.map { value in
            switch value {
            case .null: nil
            case .integer(let number): String(number)
            case .real(let number): "\(number)"
            case .text(let text): text
            }
        })
    }
}

struct PostgresCells: SQLRowCells {
    let result: PostgresResult
    let row: Int

    func value(_ column: String) -> SQLValue {
        guard let index = result.column(named: column) else { return .null }
        return result.text(row: row, column: index).map(SQLValue.text) ?? .null
    }

    var first: SQLValue {
        guard result.columnCount > 0 else { return .null }
        return result.text(row: row, column: 0).map(SQLValue.text) ?? .null
    }
}
