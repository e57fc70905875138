import GRDB

/// The embedded store: one SQLite file in the workspace (GRDB, rollback journal, `synchronous = FULL`).
///
/// Every statement goes through GRDB's statement cache, as the Ledger's did before it had two
/// backends: a batch runs the same few statements hundreds of times, and preparing each anew
/// went through GRDB's authorizer for every column (a tenth of the recording thread).
final class SQLiteStore: SQLStore {
    let queue: DatabaseQueue
    var dialect: SQLDialect { .sqlite }

    init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // No memory-mapped file anywhere: WAL's -shm index is a sparse file SQLite maps, and a
            // write into it on a full disk is a SIGBUS, not an error (issue 17: run and status
            // crashed on a full ext4; DiskFullTests). A rollback journal, truncated after each
            // commit, turns a full disk into SQLITE_FULL, which the run reports as 74 and the next
            // run finishes (README, "When a run fails"). synchronous = FULL keeps every commit
            // durable; the run commits a batch per transaction, so the journal's extra fsyncs are
            // per batch, not per file. A store made in WAL mode is converted the first time it is
            // opened alone.
            try db.execute(sql: "PRAGMA journal_mode = TRUNCATE")
            try db.execute(sql: "PRAGMA mmap_size = 0")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try queue.read { db in try body(SQLiteConnection(db: db)) }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try queue.write { db in try body(SQLiteConnection(db: db)) }
    }
}

struct SQLiteConnection: SQLConnection {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ arguments: SQLArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: Self.bind(arguments))
    }

    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        try execute(sql, arguments)
        return db.lastInsertedRowID
    }

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.bind(arguments)).map { SQLRow(cells: SQLiteCells(row: $0)) }
    }

    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        // A cursor, not fetchAll: each row is turned into a record as it is read instead of all
        // the rows and all the records being held at once.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.bind(arguments))
        while let row = try rows.next() { try body(SQLRow(cells: SQLiteCells(row: row))) }
    }

    func executeScript(_ sql: String) throws {
        try db.execute(sql: sql)
    }

    static func bind(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(arguments.map { argument -> DatabaseValue in
            switch argument?.sqlValue ?? .null {
            case .null: .null
            case .integer(let number): number.databaseValue
            case .real(let number): number.databaseValue
            case .text(let text): text.databaseValue
            }
        })
    }
}

struct SQLiteCells: SQLRowCells {
    let row: Row

    func value(_ column: String) -> SQLValue {
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
    /// The member order of `Ledger.forEachMember` as SQL functions and a collation, installed
    /// for the body only, so that SQLite's sorter (which spills to temporary files) orders the
    /// members instead of Swift holding them all.
    func withMemberOrder<T>(_ order: Ledger.MemberOrder, _ body: () throws -> T) rethrows -> T {
        let ranks = order.cellRank
        let rank = DatabaseFunction("kiemdiem_cell_rank", argumentCount: 1, pure: true) { values in
            Ledger.MemberOrder.rank(ranks, cell: String.fromDatabaseValue(values[0]))
        }
        let fold = DatabaseFunction("kiemdiem_fold", argumentCount: 1, pure: true) { values in
            Ledger.MemberOrder.fold(String.fromDatabaseValue(values[0]))
        }
        let swiftOrder = DatabaseCollation("kiemdiem_swift") { a, b in
            a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending)
        }
        db.add(function: rank)
        db.add(function: fold)
        db.add(collation: swiftOrder)
        defer {
            db.remove(function: rank)
            db.remove(function: fold)
            db.remove(collation: swiftOrder)
        }
        return try body()
    }
}
