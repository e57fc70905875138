import KiemdiemTestSupport
import Foundation
import Ledger
import Testing
@testable import BatchRun

/// Issue 18's shared store, against a real PostgreSQL server the test starts (`PostgresServer`):
/// the same migrations as SQLite, the board's lock, and two boards' nightly runs writing into one
/// database at once, killed with SIGKILL and finished, ending as the same runs on SQLite do.
@Suite(.serialized, .enabled("PostgreSQL could not be installed or started here: the reason is printed on stderr",
                              { SharedServer.server != nil }))
struct SharedStoreTests {
    private func started() throws -> PostgresServer { try #require(SharedServer.server) }

    @Test func theMigrationsRunInOrderOnBothStores() throws {
        let server = try started()
        let root = try temporaryDirectory("schema")
        defer { try? FileManager.default.removeItem(at: root) }
        let sqlite = try Ledger(path: root.appendingPathComponent("kiemdiem.sqlite").path).schemaVersion()
        let location = StoreLocation.postgres(url: server.url, board: "schema_check")
        let postgres = try Ledger(location).schemaVersion()
        #expect(postgres == sqlite)
        #expect(sqlite.count >= 11 && sqlite.first?.hasPrefix("v1:") == true && sqlite.last?.hasPrefix("v\(sqlite.count):") == true,
                "\(sqlite)")
        // Opening it again applies nothing twice.
        #expect(try Ledger(location).schemaVersion() == postgres)
        #expect(try Ledger.boards(url: server.url).contains("schema_check"))
        if case .healthy = Ledger.health(location) {} else { Issue.record("the board's schema is not healthy") }
        #expect(Ledger.health(.postgres(url: server.url, board: "never_run")) == .missing)
        #expect(!Ledger.exists(.postgres(url: server.url, board: "never_run")), "a look must not create the schema")
    }

    @Test func aBoardHeldByAnotherRunIsRefusedWith75() throws {
        let server = try started()
        let box = try BinaryBox("pg-lock", shared: (server.url, "held_board"))
        defer { box.remove() }
        do {
            let holder = try Ledger(box.store)
            try #require(try holder.lockBoard())
            let refused = try box.kiemdiem(["run"])
            #expect(refused.status == 75, "\(refused.stderr)")
            #expect(refused.stderr.contains("cùng đảng ủy"), "\(refused.stderr)")
            #expect(!refused.stderr.contains("password"))
            #expect(box.inboxFiles.count == 23, "a refused run takes nothing")
        }
        // The holder is gone (its connection closed): the board's lock with it.
        let run = try box.kiemdiem(["run"])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(try box.ledger().arrivals().count == 23)
    }

    /// A board's tables lost under a filed archive: refused with 69 as a lost SQLite file is;
    /// `recover` keeps what is left under another schema name and rebuilds the board's store.
    @Test func aLostBoardIsRefusedThenRecovered() throws {
        let server = try started()
        let box = try BinaryBox("pg-recover", shared: (server.url, "lost_board"))
        defer { box.remove() }
        #expect(try box.kiemdiem(["run"]).status == 3)
        let before = try box.ledger().arrivals().count
        #expect(before == 23)
        _ = try server.psql("DROP TABLE kiemdiem_lost_board.arrivals CASCADE")
        let refused = try box.kiemdiem(["run"])
        #expect(refused.status == 69, "\(refused.stderr)")
        #expect(refused.stderr.contains("kiemdiem_lost_board"), "\(refused.stderr)")
        #expect(try box.kiemdiem(["status"]).status == 69)
        let recovered = try box.kiemdiem(["recover"])
        #expect(recovered.status == 0, "\(recovered.stderr)")
        #expect(try box.ledger().arrivals().count == before)
        let kept = try server.psql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'hong_kiemdiem_lost_board_%'")
        #expect(!kept.isEmpty, "the damaged schema is kept")
        #expect(try !Ledger.boards(url: server.url).contains { $0.hasPrefix("hong") || $0.contains("lost_board_") })
        let status = try box.kiemdiem(["status"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(try box.kiemdiem(["run"]).status == 0)
        #expect(try box.kiemdiem(["verify-log"]).status == 0)
    }

    /// docs/contract.md §6.4: the boards of a shared store export into it, and the roll-up
    /// takes their packages from there with an empty inbox, checked as files are: the three
    /// boards count as if their files had been dropped, nothing is taken twice, and a package
    /// changed in the database is refused as a changed file is.
    @Test func aRollupTakesTheBoardsPackagesStraightFromTheSharedStore() throws {
        let server = try started()
        let boards = try ThreeBoards(shared: server.url)
        defer { boards.remove() }
        for board in ThreeBoards.boards { _ = try boards.export(board.tag) }
        let kept = try Ledger(StoreLocation.postgres(url: server.url, board: "tp")).exportedPackages(year: 2025)
        #expect(kept.count == 1 && kept.first?.board == "Đảng bộ xã Triệu Phong" && kept.first?.fileName == "tp.kiemdiem")
        let file = try [UInt8](Data(contentsOf: boards.root.appendingPathComponent("packages/tp.kiemdiem")))
        #expect(kept.first.map { Array($0.text.utf8) } == file, "the store keeps the file's exact bytes")

        var config = try boards.rollupConfig("rollup-store")
        config.store = server.url
        var taking = RollupRun(config: config, logger: quiet)
        taking.storeChunkBytes = 1   // each package its own flush, as a province's megabytes are
        let first = taking.run()
        #expect(first.status == .allAccepted, "\(first.message ?? "")")
        #expect((first.claimed, first.accepted, first.rejected, first.boardsCounted, first.boardsMissing) == (3, 3, 0, 3, 0))
        let archived = try FileManager.default.subpathsOfDirectory(atPath: config.workspace + "/archive/2025")
            .filter { $0.hasSuffix(".kiemdiem") }
        #expect(archived.count == 3, "\(archived)")

        // The same counts as a roll-up of the three files dropped in an inbox.
        let files = try boards.rollupConfig("rollup-files")
        for board in ThreeBoards.boards {
            try ThreeBoards.drop(package: boards.root.appendingPathComponent("packages/\(board.tag).kiemdiem"), into: files)
        }
        #expect(RollupRun(config: files, logger: quiet).run().accepted == 3)
        let fromStore = ThreeBoards.aggregate(config).report(createdAt: 0).consolidated
        let fromFiles = ThreeBoards.aggregate(files).report(createdAt: 0).consolidated
        #expect(counts(fromStore.cells) == counts(fromFiles.cells) && counts(fromStore.cells).count == 4)
        #expect(fromStore.reviewCounts == fromFiles.reviewCounts && fromStore.reviewCounts != nil)

        // Nothing new in the store: nothing taken.
        let again = RollupRun(config: config, logger: quiet).run()
        #expect((again.status, again.claimed, again.boardsCounted) == (.allAccepted, 0, 3))

        // A copy changed in the database (one space in its first line): refused as a changed file, once.
        _ = try server.psql("""
            INSERT INTO kiemdiem_cn.result_packages (sha256, year, board, file_name, exported_at, package)
            SELECT 'sua-' || sha256, year, board, 'sua.kiemdiem', exported_at, overlay(package placing ' ' from 2 for 0)
            FROM kiemdiem_cn.result_packages
            """)
        let changed = RollupRun(config: config, logger: quiet).run()
        #expect((changed.status, changed.claimed, changed.rejected, changed.boardsCounted) == (.dataError, 1, 1, 3),
                "\(changed.message ?? "")")
        let refused = try FileManager.default.subpathsOfDirectory(atPath: config.workspace + "/rejected")
        #expect(refused.contains { $0.hasSuffix("sua.kiemdiem") }, "\(refused)")
        let check = try #require(ThreeBoards.aggregate(config).filed.first { $0.path.hasSuffix("sua.kiemdiem") })
        #expect(check.check.refusal?.code == .packageTampered)
        #expect(RollupRun(config: config, logger: quiet).run().claimed == 0, "a refused package is not taken again")
        let processing = try FileManager.default.contentsOfDirectory(atPath: config.workspace + "/processing")
        #expect(processing.isEmpty, "\(processing)")
    }

    /// Two boards, one database: both boards' runs start together and are SIGKILLed at random
    /// moments a few times each, then both run to the end. Every file is placed once and each
    /// board's store and workbook equal an uninterrupted run of the same inputs on SQLite.
    @Test func twoBoardsKilledAtOnceOverOneDatabaseLoseNothing() throws {
        let server = try started()
        let url = server.url
        let boards = [(name: "board_a", inputs: 60), (name: "board_b", inputs: 40)]
        let boxes = try boards.map { board in
            try BinaryBox("pg-\(board.name)", perCell: true, shared: (url, board.name)) {
                try KillTests.makeInputs($0, count: board.inputs)
            }
        }
        let references = try boards.map { board in
            try BinaryBox("pg-ref-\(board.name)", perCell: true) { try KillTests.makeInputs($0, count: board.inputs) }
        }
        defer { (boxes + references).forEach { $0.remove() } }
        let originals = boxes.map { multiset(Array($0.inboxFiles.values)) }
        // Each board's uninterrupted run on SQLite: what its shared store must end as, and how
        // long a whole run takes, so the kills land across the run (start-up, reading,
        // recording, logging, publishing) whatever the machine's speed.
        let spans = try references.map { reference in
            let started = ContinuousClock.now
            let run = try reference.kiemdiem(["run"])
            #expect(run.status == 3, "\(run.stderr)")
            let whole = ContinuousClock.now - started
            return max(200, Int(whole.components.seconds * 1000 + whole.components.attoseconds / 1_000_000_000_000_000))
        }

        var random = SplitMix64(seed: 0x7067_7368_6172_6564)
        var landings: [String] = []
        for round in 0..<3 {
            let processes = try boxes.map { try $0.launch(["run"]) }
            // Each board's kill at its own moment, the two runs overlapping until then.
            let delays = spans.map { span in Int.random(in: (span / 4)...(span * 5 / 4), using: &random) }
            var elapsed = 0
            for (index, delay) in delays.enumerated().sorted(by: { $0.element < $1.element }) {
                usleep(useconds_t((delay - elapsed) * 1000))
                elapsed = delay
                if processes[index].isRunning { kill(processes[index].processIdentifier, SIGKILL) }
            }
            for (index, process) in processes.enumerated() {
                process.waitUntilExit()
                var landing = KillTests.Landing(delayMS: delays[index])
                landing.total = boards[index].inputs
                landing.exitedBeforeKill = process.terminationReason == .exit ? process.terminationStatus : nil
                try KillTests.checkAfterKill(boxes[index], originals: originals[index], landing: &landing)
                landings.append("\(boards[index].name) \(landing)")
                #expect(process.terminationReason == .uncaughtSignal || [0, 3].contains(process.terminationStatus),
                        "round \(round), \(boards[index].name): exit \(process.terminationStatus)")
            }
        }

        if ProcessInfo.processInfo.environment["KIEMDIEM_TEST_TRACE"] != nil {
            print("whole reference runs \(spans) ms:\n" + landings.map { "  \($0)" }.joined(separator: "\n"))
        }

        // Both to the end, at once.
        let finals = try boxes.map { box in
            let err = Pipe()
            return (try box.launch(["run"], stderr: err), err)
        }
        for (index, (process, err)) in finals.enumerated() {
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect([0, 3].contains(process.terminationStatus), "\(boards[index].name): \(stderr)")
        }
        for (index, box) in boxes.enumerated() {
            try KillTests.checkFinalState(box, originals: originals[index])
            try KillTests.checkWorkbookAgainstUninterruptedRun(box, reference: references[index])
            // Count for count what the same inputs make in SQLite, and only this board's rows.
            let shared = try box.ledger(), embedded = try references[index].ledger()
            #expect(try shared.arrivals().count == boards[index].inputs)
            #expect(try shared.arrivals().count == embedded.arrivals().count)
            let ours = try shared.submissions(year: 2020), theirs = try embedded.submissions(year: 2020)
            #expect(ours.count == theirs.count)
            #expect(Set(ours.map(\.sha256)) == Set(theirs.map(\.sha256)))
            for verdict in [Verdict.accepted, .rejected] {
                #expect(ours.filter { $0.verdict == verdict }.count == theirs.filter { $0.verdict == verdict }.count)
            }
            #expect(ours.filter { $0.supersededBy != nil }.count == theirs.filter { $0.supersededBy != nil }.count)
            #expect(try shared.logHead("rejections").lines == embedded.logHead("rejections").lines)
        }
        #expect(try Set(Ledger.boards(url: url)).isSuperset(of: ["board_a", "board_b"]))
    }
}

/// One server for SharedStoreTests (each test keeps to boards of its own), started when the
/// suite is about to run and stopped when the test process exits.
enum SharedServer {
    static let server: PostgresServer? = {
        if let reason = PostgresServer.unavailable {
            FileHandle.standardError.write(Data("\(reason)\n".utf8))
            return nil
        }
        do {
            let server = try PostgresServer()
            atexit { SharedServer.server?.stop() }
            return server
        } catch {
            FileHandle.standardError.write(Data("PostgreSQL tests skipped: the server did not start: \(error)\n".utf8))
            return nil
        }
    }()
}
