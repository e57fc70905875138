import Foundation

/// What the server (or libpq) said when a statement or connection failed.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// The SQLSTATE code (`42P01`, `40001`, …), when the server sent one.
    public var sqlState: String?

    public init(message: String, sqlState: String? = nil) {
        self.message = message
        self.sqlState = sqlState
    }

    public var description: String { sqlState.map { "\(message) [\($0)]" } ?? message }
}

/// One connection to a PostgreSQL server through libpq (the only module that sees libpq's
/// pointers). Not safe to share between threads: its owner serialises every use.
///
/// Statements with parameters are prepared once per connection and run with their parameters
/// sent as text, apart from the SQL, so no value is ever spliced into a statement.
public final class PostgresConnection {
    private let pq: LibPQ
    private let connection: OpaquePointer
    private var prepared: [String: String] = [:]

    /// Connects to `url` (a libpq connection URI or `key=value` string: `postgresql://…`).
    /// The password, if any, comes from the URI, `PGPASSWORD` or `~/.pgpass`, as for `psql`.
    public init(url: String, applicationName: String) throws(PostgresError) {
        let pq = try LibPQ.loaded()
        let keywords = ["dbname", "application_name", "client_encoding", "connect_timeout"]
        let values = [url, applicationName, "UTF8", "10"]
        let connection = PostgresConnection.withCStrings(keywords) { keywordPointers in
            PostgresConnection.withCStrings(values) { valuePointers in
                // expand_dbname = 1: `dbname` is read as the whole URI, the other keys apply on top.
                pq.connectdbParams(keywordPointers + [nil], valuePointers + [nil], 1)
            }
        }
        guard let connection else { throw PostgresError(message: "libpq: không cấp phát được kết nối", sqlState: nil) }
        guard pq.status(connection) == LibPQ.connectionOK else {
            let message = pq.errorMessage(connection).map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            pq.finish(connection)
            throw PostgresError(message: message, sqlState: nil)
        }
        // libpq's default notice processor prints the server's NOTICEs to stderr, which belongs
        // to the operator's summary line.
        _ = pq.setNoticeProcessor(connection, { _, _ in }, nil)
        self.pq = pq
        self.connection = connection
    }

    deinit {
        pq.finish(connection)
    }

    /// Runs one statement whose parameters are `$1`, `$2`, …; `nil` is NULL.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> PostgresResult {
        let name = try statement(sql, parameterCount: parameters.count)
        let result = PostgresConnection.withCStrings(parameters) { values in
            pq.execPrepared(connection, name, Int32(parameters.count), values, nil, nil, 0)
        }
        return try check(result)
    }

    /// Runs statements separated by `;`, without parameters (schema changes, `BEGIN`, `COMMIT`).
    public func execute(_ sql: String) throws(PostgresError) {
        _ = try check(pq.exec(connection, sql))
    }

    /// Whether the connection is still usable (a server restart or a network cut breaks it).
    public var isBroken: Bool { pq.status(connection) != LibPQ.connectionOK }

    private func statement(_ sql: String, parameterCount: Int) throws(PostgresError) -> String {
        if let name = prepared[sql] { return name }
        let name = "kiemdiem_\(prepared.count + 1)"
        _ = try check(pq.prepare(connection, name, sql, Int32(parameterCount), nil))
        prepared[sql] = name
        return name
    }

    private func check(_ result: OpaquePointer?) throws(PostgresError) -> PostgresResult {
        guard let result else {
            throw PostgresError(message: pq.errorMessage(connection).map { String(cString: $0) } ?? "", sqlState: nil)
        }
        let status = pq.resultStatus(result)
        guard status == LibPQ.commandOK || status == LibPQ.tuplesOK else {
            let message = pq.resultErrorMessage(result).map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let state = pq.resultErrorField(result, LibPQ.diagnosticSQLState).map { String(cString: $0) }
            pq.clear(result)
            throw PostgresError(message: message, sqlState: state)
        }
        return PostgresResult(result, pq)
    }

    private static func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let copies = strings.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}

/// The rows of one statement, every value as the server's text (result format 0).
public final class PostgresResult {
    private let pq: LibPQ
    private let result: OpaquePointer
    public let rowCount: Int
    public let columnCount: Int
    private let columns: [String: Int]

    init(_ result: OpaquePointer, _ pq: LibPQ) {
        self.pq = pq
        self.result = result
        rowCount = Int(pq.ntuples(result))
        columnCount = Int(pq.nfields(result))
        var columns: [String: Int] = [:]
        for index in 0..<columnCount {
            let name = pq.fname(result, Int32(index)).map { String(cString: $0) } ?? ""
            // The first column of a name wins, as in SQLite (`SELECT a.id, s.*`).
            if columns[name] == nil { columns[name] = index }
        }
        self.columns = columns
    }

    deinit {
        pq.clear(result)
    }

    public func column(named name: String) -> Int? { columns[name] }

    /// The value at `row`, `column`; `nil` for NULL.
    public func text(row: Int, column: Int) -> String? {
        guard pq.getisnull(result, Int32(row), Int32(column)) == 0 else { return nil }
        return pq.getvalue(result, Int32(row), Int32(column)).map { String(cString: $0) }
    }
}
