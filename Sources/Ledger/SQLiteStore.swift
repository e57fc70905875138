import GRDB
import Synchronization

/// The embedded store: one SQLite file in the workspace (GRDB, a kept rollback journal, `synchronous = NORMAL`).
///
/// Every statement goes through GRDB's statement cache, as the Ledger's did before it had two
/// backends: a batch runs the same few statements hundreds of times, and preparing each anew
/// went through GRDB's authorizer for every column (a tenth of the recording thread).
final class SQLiteStore: SQLStore {
    let queue: DatabaseQueue
    var dialect: SQLDialect { .sqlite }
    /// The column positions of each statement the Ledger runs (a few dozen), by SQL text.
    let columns = Mutex<[String: SQLiteColumns]>([:])
    /// The order `withMemberOrder` sorts by, read by the SQL functions registered once per
    /// connection: creating or deleting a function or collation makes SQLite re-prepare every
    /// statement of the connection, which a workbook's reads per cell did hundreds of times a night.
    let memberOrder: MemberOrderBox

    final class MemberOrderBox: Sendable {
        let ranks = Mutex<[String: Int]>([:])
    }

    init(path: String) throws {
        let memberOrder = MemberOrderBox()
        self.memberOrder = memberOrder
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // No memory-mapped file anywhere: WAL's -shm index is a sparse file SQLite maps, and a
            // write into it on a full disk is a SIGBUS, not an error (issue 17: run and status
            // crashed on a full ext4; DiskFullTests). A rollback journal turns a full disk into
            // SQLITE_FULL, which the run reports as 74 and the next run finishes (README, "When a
            // run fails"). The journal is kept (PERSIST: its header zeroed at commit, neither
            // truncated nor re-created, so no directory fsync per commit) and synced once per
            // commit (NORMAL): a kill at any point loses nothing either way, since the journal is
            // written before the store is; what FULL adds is a second fsync against a power cut
            // at the wrong moment, which `kiemdiem recover` answers (README, "When the store is
            // lost"). Five fsyncs per commit were most of a night's time (BENCHMARKS.md). A store
            // made in WAL mode is converted the first time it is opened alone.
            try db.execute(sql: "PRAGMA journal_mode = PERSIST")
            try db.execute(sql: "PRAGMA mmap_size = 0")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            db.add(function: DatabaseFunction("kiemdiem_cell_rank", argumentCount: 1, pure: false) { values in
                let cell = String.fromDatabaseValue(values[0])
                return memberOrder.ranks.withLock { Ledger.MemberOrder.rank($0, cell: cell) }
            })
            db.add(function: DatabaseFunction("kiemdiem_fold", argumentCount: 1, pure: true) { values in
                Ledger.MemberOrder.fold(String.fromDatabaseValue(values[0]))
            })
            db.add(collation: DatabaseCollation("kiemdiem_swift") { a, b in
                a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending)
            })
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        // Not `DatabaseQueue.read`: it brackets the body with `PRAGMA query_only`, and setting a
        // flag pragma expires every prepared statement of the connection, so each read (the audit
        // log reads the store after every batch) made the statements that followed prepare again.
        // A deferred transaction gives the body the same consistent snapshot.
        try queue.inDatabase { db in
            var result: T?
            try db.inTransaction(.deferred) {
                result = try body(SQLiteConnection(db: db, store: self))
                return .commit
            }
            return result!
        }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try queue.write { db in try body(SQLiteConnection(db: db, store: self)) }
    }
}

struct SQLiteConnection: SQLConnection {
    let db: Database
    let store: SQLiteStore
    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ arguments: SQLArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: Self.bind(arguments))
    }

    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        try execute(sql, arguments)
        return db.lastInsertedRowID
    }

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        let columns = store.columns(of: statement, sql: sql)
        return try Row.fetchAll(statement, arguments: Self.bind(arguments)).map { SQLRow(cells: SQLiteCells(row: $0, columns: columns)) }
    }

    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        // A cursor, not fetchAll: each row is turned into a record as it is read instead of all
        // the rows and all the records being held at once.
        let statement = try db.cachedStatement(sql: sql)
        let columns = store.columns(of: statement, sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: Self.bind(arguments))
        while let row = try rows.next() { try body(SQLRow(cells: SQLiteCells(row: row, columns: columns))) }
    }

    func executeScript(_ sql: String) throws {
        try db.execute(sql: sql)
    }

    /// GRDB's arguments from ours. Built as existentials: `StatementArguments([DatabaseValue])`
    /// maps its sequence through a key path, unspecialised across the module boundary, some
    /// 20,000 instructions per statement (a sixth of the recording thread).
    static func bind(_ arguments: SQLArguments) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments {
            switch argument?.sqlValue ?? .null {
            case .null: values.append(nil)
            case .integer(let number): values.append(number)
            case .real(let number): values.append(number)
            case .text(let text): values.append(text)
            }
        }
        return StatementArguments(values)
    }
}

/// A result's column positions by name, made once per statement: GRDB finds a column by name
/// case-insensitively, lowercasing both names on every lookup, which was a tenth of the
/// recording thread's reads. The Ledger names its columns exactly; the leftmost of a name wins,
/// as with GRDB.
final class SQLiteColumns: Sendable {
    let positions: [String: Int]

    init(_ names: [String]) {
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
        self.positions = positions
    }
}

extension SQLiteStore {
    func columns(of statement: Statement, sql: String) -> SQLiteColumns {
        columns.withLock { cache in
            if let known = cache[sql] { return known }
            let made = SQLiteColumns(statement.columnNames)
            cache[sql] = made
            return made
        }
    }
}

struct SQLiteCells: SQLRowCells {
    let row: Row
    let columns: SQLiteColumns

    func value(_ column: String) -> SQLValue {
        if let position = columns.positions[column] { return Self.convert(row[position]) }
        guard let value = row[column] as DatabaseValue? else { return .null }
        return Self.convert(value)
    }

    var first: SQLValue { row.isEmpty ? .null : Self.convert(row[0]) }

    static func convert(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
        }
    }
}

extension SQLiteConnection {
    /// The member order of `Ledger.forEachMember` for the body's statements, through the SQL
    /// functions and the collation `SQLiteStore.init` registered, so that SQLite's sorter (which
    /// spills to temporary files) orders the members instead of Swift holding them all.
    func withMemberOrder<T>(_ order: Ledger.MemberOrder, _ body: () throws -> T) rethrows -> T {
        store.memberOrder.ranks.withLock { $0 = order.cellRank }
        defer { store.memberOrder.ranks.withLock { $0 = [:] } }
        return try body()
    }
}
