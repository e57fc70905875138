import Foundation
import PostgresClient

/// A result package as `kiemdiem export` wrote it (docs/contract.md §6.4): its bytes, as text,
/// and where it came from.
public struct ExportedPackage: Sendable, Equatable {
    public var sha256: String
    public var year: Int
    /// The board's organisation, as the package names it.
    public var board: String
    /// The file `export` wrote, without its folder.
    public var fileName: String
    public var exportedAt: String
    public var text: String
    /// In a shared store, the schema's board (`store_board`); `nil` when read from the board's own store.
    public var storeBoard: String?

    public init(sha256: String, year: Int, board: String, fileName: String, exportedAt: String, text: String,
                storeBoard: String? = nil) {
        self.sha256 = sha256
        self.year = year
        self.board = board
        self.fileName = fileName
        self.exportedAt = exportedAt
        self.text = text
        self.storeBoard = storeBoard
    }
}

extension Ledger {
    /// Keeps the package `export` wrote (the same bytes twice are kept once): in a shared store
    /// the level above takes it from there (`forEachExportedPackage`); in the workspace's own
    /// store it is the record of what was sent up.
    public func recordExportedPackage(_ package: ExportedPackage) throws {
        try store.write { db in
            try db.execute("""
                INSERT INTO result_packages (sha256, year, board, file_name, exported_at, package)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING
                """, [package.sha256, package.year, package.board, package.fileName, package.exportedAt, package.text])
        }
    }

    /// The packages this store kept for `year`, oldest first.
    public func exportedPackages(year: Int) throws -> [ExportedPackage] {
        try store.read { db in
            try db.rows("SELECT * FROM result_packages WHERE year = ? ORDER BY exported_at, sha256", [year]).map { row in
                ExportedPackage(sha256: row["sha256"] ?? "", year: row["year"] ?? year, board: row["board"] ?? "",
                                fileName: row["file_name"] ?? "", exportedAt: row["exported_at"] ?? "", text: row["package"] ?? "")
            }
        }
    }

    /// Every package of `year` kept by every board of the shared database at `url`, board by
    /// board (`boards(url:)`) and oldest first, except those whose SHA-256 is in `skipping`
    /// (a roll-up's packages already filed): their text is not even fetched. Read without
    /// opening the boards' stores, so nothing is migrated or created, and with only `USAGE` on
    /// each schema and `SELECT` on its table; a schema made by a program older than the table
    /// has none to give.
    public static func forEachExportedPackage(url: String, year: Int, skipping: Set<String>,
                                              _ body: (ExportedPackage) throws -> Void) throws {
        let connection = try PostgresConnection(url: url, applicationName: "kiemdiem rollup")
        for board in try PostgresStore.boards(on: connection) {
            let table = PostgresStore.quoted(PostgresDialect.schema(board: board)) + ".result_packages"
            let present = try connection.query("SELECT to_regclass($1) IS NOT NULL", [table])
            guard present.text(row: 0, column: 0) == "t" else { continue }
            let listed = try connection.query(
                "SELECT sha256 FROM \(table) WHERE year = $1 ORDER BY exported_at, sha256", [String(year)])
            for row in 0..<listed.rowCount {
                guard let sha256 = listed.text(row: row, column: 0), !skipping.contains(sha256) else { continue }
                let found = try connection.query(
                    "SELECT board, file_name, exported_at, package FROM \(table) WHERE sha256 = $1", [sha256])
                guard found.rowCount == 1 else { continue }
                try body(ExportedPackage(sha256: sha256, year: year, board: found.text(row: 0, column: 0) ?? "",
                                         fileName: found.text(row: 0, column: 1) ?? "",
                                         exportedAt: found.text(row: 0, column: 2) ?? "",
                                         text: found.text(row: 0, column: 3) ?? "", storeBoard: board))
            }
        }
    }
}
