/// The store's SQL as the Ledger speaks it, whatever holds the data (docs/contract.md "The store"):
/// the embedded SQLite file (`SQLiteStore`, GRDB) or a shared PostgreSQL database
/// (`PostgresStore`, libpq). Statements are written once, with `?` placeholders, in the SQL both
/// accept; the few places where the two differ ask `dialect`.
enum SQLDialect: Sendable, Equatable {
    case sqlite, postgres
}

/// A value bound to a statement's `?` or read from a row.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// What a statement's `?` can be bound to.
public protocol SQLArgument {
    var sqlValue: SQLValue { get }
}

extension String: SQLArgument { public var sqlValue: SQLValue { .text(self) } }
extension Int: SQLArgument { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int32: SQLArgument { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLArgument { public var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLArgument { public var sqlValue: SQLValue { .real(self) } }
extension Bool: SQLArgument { public var sqlValue: SQLValue { .integer(self ? 1 : 0) } }

typealias SQLArguments = [(any SQLArgument)?]

extension Array where Element == (any SQLArgument)? {
    var values: [SQLValue] { map { $0?.sqlValue ?? .null } }
}

/// What a column can be read as. PostgreSQL hands every value over as text, so numbers and
/// booleans are also read from their text form.
public protocol SQLColumn {
    static func decode(_ value: SQLValue) -> Self?
}

extension String: SQLColumn {
    public static func decode(_ value: SQLValue) -> String? {
        switch value {
        case .text(let text): text
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .null: nil
        }
    }
}

extension Int64: SQLColumn {
    public static func decode(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let number): number
        case .real(let number): Int64(exactly: number)
        case .text(let text): Int64(text)
        case .null: nil
        }
    }
}

extension Int: SQLColumn {
    public static func decode(_ value: SQLValue) -> Int? { Int64.decode(value).map { Int($0) } }
}

extension Int32: SQLColumn {
    public static func decode(_ value: SQLValue) -> Int32? { Int64.decode(value).flatMap { Int32(exactly: $0) } }
}

extension Double: SQLColumn {
    public static func decode(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let number): number
        case .integer(let number): Double(number)
        case .text(let text): Double(text)
        case .null: nil
        }
    }
}

extension Bool: SQLColumn {
    public static func decode(_ value: SQLValue) -> Bool? {
        switch value {
        case .integer(let number): number != 0
        case .real(let number): number != 0
        // PostgreSQL's boolean (EXISTS) is `t`/`f`; the flag columns are integers in both stores.
        case .text(let text): text == "t" || text == "true" || (Int64(text).map { $0 != 0 } ?? false)
        case .null: nil
        }
    }
}

/// The cells of one result row, by column name (the first column of that name, as SQLite's).
protocol SQLRowCells {
    func value(_ column: String) -> SQLValue
    /// The first column, whatever its name (`SELECT COUNT(*)`, `column(_:)`).
    var first: SQLValue { get }
}

/// One row of a result. A row handed to a `forEachRow` body is valid only during that call.
public struct SQLRow {
    let cells: any SQLRowCells

    /// A column that must not be NULL; reading NULL or a column that is not there is a
    /// programming error in the Ledger's own queries, as it was with GRDB.
    public subscript<T: SQLColumn>(_ column: String) -> T {
        guard let value = T.decode(cells.value(column)) else {
            preconditionFailure("kho dữ liệu: cột \(column) không đọc được thành \(T.self)")
        }
        return value
    }

    /// A column that may be NULL (or absent from this query's columns).
    public subscript<T: SQLColumn>(_ column: String) -> T? {
        T.decode(cells.value(column))
    }
}

/// The statements of one transaction. Valid only inside the `read`/`write` body that received it.
protocol SQLConnection {
    var dialect: SQLDialect { get }
    /// One statement, no rows wanted.
    func execute(_ sql: String, _ arguments: SQLArguments) throws
    /// One `INSERT` into a table whose key is `id`; returns the new row's id.
    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64
    /// Every row, read before this returns.
    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow]
    /// Row by row, for the reads whose results grow with the year (the workbook's).
    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws
    /// Several statements without arguments (the migrations).
    func executeScript(_ sql: String) throws
}

extension SQLConnection {
    func execute(_ sql: String) throws { try execute(sql, []) }
    func rows(_ sql: String) throws -> [SQLRow] { try rows(sql, []) }
    func row(_ sql: String, _ arguments: SQLArguments = []) throws -> SQLRow? { try rows(sql, arguments).first }
    func forEachRow(_ sql: String, _ body: (SQLRow) throws -> Void) throws { try forEachRow(sql, [], body) }
    /// The first column of every row.
    func column<T: SQLColumn>(_ sql: String, _ arguments: SQLArguments = [], as type: T.Type = T.self) throws -> [T] {
        try rows(sql, arguments).compactMap { T.decode($0.cells.first) }
    }
}

/// Where the data lives: one transaction at a time, read or write.
protocol SQLStore: Sendable {
    var dialect: SQLDialect { get }
    /// A consistent snapshot for the body's reads.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// One write transaction: everything the body wrote is committed when this returns, or nothing is.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T
}
