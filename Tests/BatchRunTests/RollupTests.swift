import Foundation
import KiemdiemCore
import KiemdiemTestSupport
import Ledger
import OOXMLPackage
import ResultPackages
import Testing
import Workbooks
@testable import BatchRun

/// Three boards over the 2025 fixtures (Fixtures/forms, Fixtures/organisations: the đảng bộ xã
/// Triệu Phong with its three chi bộ, the Đảng bộ Khối's two chi bộ, the Công ty Cấp nước's two
/// chi bộ trực thuộc), each with its part of the organisations file and a roster of its members
/// (written here from the forms' expected JSON, plus one member who did not submit and one
/// exempt), each run on its own, exported, and rolled up; and one run over all the forms with
/// the whole organisations file and the whole roster, which the roll-up must equal.
struct ThreeBoards {
    struct Board {
        let name: String
        let tag: String
        let files: [String]
        /// The organisations file's rows of this board (by a word of their names).
        let rowsContaining: String?
    }

    static let boards = [
        Board(name: "Đảng bộ xã Triệu Phong", tag: "tp",
              files: ["forms/ho-thi-thanh-tam-2025.docx", "forms/nguyen-van-bay-2025.docx", "forms/phan-thi-kim-oanh-2025.docx",
                      "forms/tran-van-dung-2025.docx", "organisations/inbox/bao-cao-chi-bo-thon-1.docx",
                      "organisations/inbox/bao-cao-chi-bo-thon-2.docx", "organisations/inbox/bao-cao-chi-bo-thon-3.docx",
                      "forms/ban-tu-kiem-diem-dang-vien-du-bi.docx"],
              rowsContaining: "Triệu Phong"),
        Board(name: "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh", tag: "khoi",
              files: ["forms/ngo-duc-thang-2025.docx", "forms/nguyen-van-an-2025.docx", "forms/pham-thi-thu-ha-2025.docx",
                      "forms/vo-thi-lan-2025.docx", "forms/mau-trong-02a-2023.docx"],
              rowsContaining: nil),
        Board(name: "Đảng bộ Công ty Cổ phần Cấp nước Quảng Trị", tag: "cn",
              files: ["organisations/inbox/bao-cao-chi-bo-phong-ky-thuat.docx",
                      "organisations/inbox/bao-cao-chi-bo-xi-nghiep-nuoc-dong-ha.docx"],
              rowsContaining: "Cấp nước"),
    ]

    let root: URL
    /// Board tag → its pipeline.
    var pipelines: [String: PipelineConfig] = [:]
    /// Board tag → its key file.
    var keys: [String: String] = [:]
    var whole: PipelineConfig!

    /// Makes the boards, runs each (without `holdBack`), and the one run over all their forms.
    /// `shared`: the boards keep their stores in that PostgreSQL database, each as its tag.
    init(holdBack: Set<String> = [], shared: String? = nil) throws {
        root = try temporaryDirectory("rollup")
        let organisations = try String(contentsOf: fixtures.appendingPathComponent("organisations/danh-sach-to-chuc-2025.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        var allRoster: [String] = []
        for (index, board) in Self.boards.enumerated() {
            let folder = root.appendingPathComponent(board.tag)
            let inbox = folder.appendingPathComponent("inbox")
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            for file in board.files where !holdBack.contains((file as NSString).lastPathComponent) {
                try Self.drop(fixtures.appendingPathComponent(file), into: inbox)
            }
            let orgs = [organisations[0]] + organisations.dropFirst().filter { line in board.rowsContaining.map(line.contains) ?? false }
            try (orgs.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("orgs.csv"), atomically: true, encoding: .utf8)
            let roster = try Self.rosterLines(board, index: index)
            allRoster += roster
            try (([Self.rosterHeader] + roster).joined(separator: "\n") + "\n")
                .write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
            let key = root.appendingPathComponent("keys/\(board.tag).key").path
            try FileManager.default.createDirectory(atPath: root.appendingPathComponent("keys").path, withIntermediateDirectories: true)
            _ = try KeyKind.boardEd25519.create(at: key)
            keys[board.tag] = key
            var config = PipelineConfig(inbox: inbox.path, workspace: folder.appendingPathComponent("workspace").path, year: 2025,
                                        workbook: folder.appendingPathComponent("workspace/reports/tong-hop-2025.xlsx").path)
            config.organisations = folder.appendingPathComponent("orgs.csv").path
            config.roster = folder.appendingPathComponent("roster.csv").path
            config.export = ExportSettings(keyFile: key, board: board.name)
            config.sharedStore = shared.map { SharedStore(url: $0, board: board.tag) }
            pipelines[board.tag] = config
            _ = NightlyRun(config: config, logger: quiet).run()
        }
        let all = root.appendingPathComponent("all")
        let inbox = all.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for board in Self.boards {
            for file in board.files { try Self.drop(fixtures.appendingPathComponent(file), into: inbox) }
        }
        try (([Self.rosterHeader] + allRoster).joined(separator: "\n") + "\n")
            .write(to: all.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        var config = PipelineConfig(inbox: inbox.path, workspace: all.appendingPathComponent("workspace").path, year: 2025,
                                    workbook: all.appendingPathComponent("workspace/reports/tong-hop-2025.xlsx").path)
        config.organisations = fixtures.appendingPathComponent("organisations/danh-sach-to-chuc-2025.csv").path
        config.roster = all.appendingPathComponent("roster.csv").path
        whole = config
        _ = NightlyRun(config: config, logger: quiet).run()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static func drop(_ file: URL, into inbox: URL) throws {
        let copy = inbox.appendingPathComponent(file.lastPathComponent)
        try FileManager.default.copyItem(at: file, to: copy)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: copy.path)
    }

    static let rosterHeader = "Họ và tên,Ngày sinh,Chi bộ,Đảng bộ cơ sở,Miễn sinh hoạt"

    /// The board's members as their forms name them, one who did not submit and one exempt.
    static func rosterLines(_ board: Board, index: Int) throws -> [String] {
        var lines: [String] = []
        var cell = "Chi bộ \(index)"
        for file in board.files {
            let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let url = fixtures.appendingPathComponent("expected/\(stem).json")
            guard let data = try? Data(contentsOf: url),
                  let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let form = object["form"] as? [String: Any], let member = form["member"] as? [String: Any],
                  let name = member["full_name"] as? String else { continue }
            cell = form["party_cell"] as? String ?? cell
            lines.append([name, member["date_of_birth"] as? String ?? "", cell, board.name, ""].joined(separator: ","))
        }
        lines.append(["Vắng Mặt \(index)", "1970-01-0\(index + 1)", cell, board.name, ""].joined(separator: ","))
        lines.append(["Miễn Sinh Hoạt \(index)", "1940-02-0\(index + 1)", cell, board.name, "x"].joined(separator: ","))
        return lines
    }

    /// Exports a board's package (after its run) and returns the file.
    func export(_ tag: String, as name: String? = nil) throws -> URL {
        let out = root.appendingPathComponent("packages/\(name ?? tag).kiemdiem")
        let result = PackageExport.export(pipelines[tag]!, year: 2025, to: out.path, logger: quiet)
        try #require(result.status == .allAccepted, "\(result.message ?? "")")
        return out
    }

    func publicKey(_ tag: String) throws -> [UInt8] {
        try #require(Hex.decode(try String(contentsOfFile: keys[tag]! + ".pub", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// A roll-up over `packages` (dropped into a fresh inbox) trusting the three boards.
    func rollupConfig(_ name: String, year: Int = 2025) throws -> RollupConfig {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        var config = RollupConfig(year: year, superior: "Tỉnh ủy Quảng Trị", inbox: folder.appendingPathComponent("inbox").path,
                                  workspace: folder.appendingPathComponent("workspace").path,
                                  workbook: folder.appendingPathComponent("workspace/reports/cap-tren.xlsx").path,
                                  boards: try Self.boards.map { TrustedBoard(name: $0.name, publicKey: try publicKey($0.tag)) })
        config.settleSeconds = 0
        return config
    }

    static func drop(package: URL, as name: String? = nil, into config: RollupConfig) throws {
        let copy = URL(fileURLWithPath: config.inbox).appendingPathComponent(name ?? package.lastPathComponent)
        try FileManager.default.copyItem(at: package, to: copy)
    }

    static func aggregate(_ config: RollupConfig) -> RollupAggregate {
        RollupAggregate(config: config, filed: FiledPackages.scan(Workspace(path: config.workspace), config: config).all)
    }
}

/// One row of `Tổng hợp` as numbers, keyed by the cell's key.
func counts(_ cells: [CellSummary]) -> [String: [Int]] {
    var out: [String: [Int]] = [:]
    for cell in cells {
        out[OrganisationKey.cell(cell.partyCell)] = [cell.submitted, cell.accepted, cell.rejected, cell.exempt, cell.unclassified]
            + Level.allCases.map { cell.levels[$0, default: 0] }
    }
    return out
}

/// The body of a framed table: the rows under the header whose first cell is `firstHeader`, up to
/// the note below the table.
func tableBody(_ rows: [[Any]]?, firstHeader: String) -> [[Any]] {
    guard let rows, let header = rows.firstIndex(where: { $0.first as? String == firstHeader }) else { return [] }
    return Array(rows[(header + 1)...].prefix { row in
        guard let first = row.first, !(first is NSNull) else { return false }
        return !((first as? String)?.hasPrefix("Ghi chú") ?? false)
    })
}

@Suite(.serialized) struct RollupTests {
    @Test func aRollupOfThreeBoardsEqualsOneRunOverAllTheirForms() throws {
        let boards = try ThreeBoards()
        defer { boards.remove() }
        let config = try boards.rollupConfig("rollup")
        for board in ThreeBoards.boards { try ThreeBoards.drop(package: try boards.export(board.tag), into: config) }
        let result = RollupRun(config: config, logger: quiet).run()
        #expect(result.status == .allAccepted, "\(result.message ?? "")")
        #expect((result.claimed, result.accepted, result.rejected, result.boardsCounted) == (3, 3, 0, 3))

        let rollup = ThreeBoards.aggregate(config).report(createdAt: 0).consolidated
        let ledger = try Ledger(path: Workspace(path: boards.whole.workspace).store.path)
        let run = try StoredReport.read(ledger: ledger, year: 2025, roster: try RosterFile.load(path: boards.whole.roster!),
                                        rules: boards.whole.yearRules,
                                        organisations: try OrganisationsFile.load(path: boards.whole.organisations!), createdAt: 0)
        // Tổng hợp, chi bộ by chi bộ, and Biểu 6F.
        #expect(counts(rollup.cells) == counts(run.summary.cells))
        #expect(counts(rollup.cells).count == 4, "\(counts(rollup.cells))")
        #expect(rollup.reviewCounts == run.summary.reviewCounts)
        #expect((rollup.reviewCounts?.required, rollup.reviewCounts?.reviewed, rollup.reviewCounts?.exempted,
                 rollup.reviewCounts?.missing, rollup.reviewCounts?.collectives?.required) == (14, 7, 3, 4, 10))
        // Biểu 7A/7B: organisations and members by type.
        #expect(rollup.resultsByType == run.summary.resultsByType)
        #expect(rollup.resultsByType != nil)
        // Every organisation: its result and its findings.
        func results(_ list: [OrganisationResult]) -> [String: String] {
            Dictionary(list.map { r in
                (r.organisation.key, "\(r.classification.level?.rawValue ?? "-") \(r.classification.status.rawValue) "
                    + r.findings.map(\.code.rawValue).sorted().joined(separator: ","))
            }, uniquingKeysWith: { "\($0) + \($1)" })
        }
        #expect(results(rollup.organisations) == results(run.summary.organisations))
        #expect(rollup.organisations.count == 10)
        // Members and refusals, row for row.
        var members: [String] = [], runMembers: [String] = []
        var refusals = 0, runRefusals = 0
        let rows = ThreeBoards.aggregate(config).rows(workspace: Workspace(path: config.workspace))
        try rows.forEachMember { members.append("\($0.fullName) \($0.result?.rawValue ?? "-") \($0.status.rawValue)") }
        try rows.forEachRejection { _ in refusals += 1 }
        try run.rows.forEachMember { runMembers.append("\($0.fullName) \($0.result?.rawValue ?? "-") \($0.status.rawValue)") }
        try run.rows.forEachRejection { _ in runRefusals += 1 }
        #expect(members.sorted() == runMembers.sorted())
        #expect(members.count == 7 && refusals == runRefusals && refusals == 3)

        // The workbook is the board's sheets plus the roll-up's, and every board is there.
        let sheets = try workbookSheets(config.workbook)
        for name in ["Tổng hợp", "Đảng viên", "Tổ chức đảng", "Tổ chức cấp dưới", "Biểu 6F", "Kết quả theo loại hình", "Tỷ lệ cấp trên", "Chưa đủ", "Gói kết quả"] {
            #expect(sheets[name] != nil, "\(name)")
        }
        let subordinates = tableBody(sheets["Tổ chức cấp dưới"], firstHeader: "Tổ chức đảng")
        #expect(subordinates.map { $0[0] as? String ?? "" } == ThreeBoards.boards.map(\.name).sorted { TextFolding.fold($0) < TextFolding.fold($1) } + ["Tổng cộng"])
        let received = tableBody(sheets["Gói kết quả"], firstHeader: "Tệp")
        #expect(received.count == 3 && received.allSatisfy { $0[3] as? String == "Được tính" })
    }

    @Test func exportTwiceGivesTheSameBytesAndANewRunANewerPackage() throws {
        let boards = try ThreeBoards()
        defer { boards.remove() }
        let first = try Data(contentsOf: try boards.export("tp", as: "first"))
        let second = try Data(contentsOf: try boards.export("tp", as: "second"))
        #expect(first == second)
        let check = PackageFile.check([UInt8](first), trusted: [TrustedBoard(name: "Đảng bộ xã Triệu Phong",
                                                                              publicKey: try boards.publicKey("tp"))], year: 2025)
        #expect(check.refusal == nil)
        #expect(check.package?.board.logs.map(\.log) == ["rejections", "audit"])
        #expect(check.package?.board.logs.allSatisfy { $0.lines > 0 && $0.headSha256?.count == 64 } == true)
        #expect(check.package?.board.ruleset == "2025")
        #expect(check.package?.statistics.reviewCounts?.required == 6)
        #expect(check.package?.organisations.count == 4)
        // No signing key: 78; a key inside the workspace: 78.
        var config = boards.pipelines["tp"]!
        config.export.keyFile = nil
        #expect(PackageExport.export(config, year: 2025, to: nil, logger: quiet).status == .configuration)
        let inside = config.workspace + "/board.key"
        _ = try KeyKind.boardEd25519.create(at: inside)
        config.export.keyFile = inside
        #expect(PackageExport.export(config, year: 2025, to: nil, logger: quiet).status == .configuration)
        #expect(PackageExport.export(boards.pipelines["tp"]!, year: 2019, to: nil, logger: quiet).status == .noInput)
    }

    @Test func aChangedByteAnUnknownKeyAndAWrongYearAreRefusedTheSamePackageTwiceCountsOnce() throws {
        let boards = try ThreeBoards()
        defer { boards.remove() }
        let config = try boards.rollupConfig("refusals")
        let tp = try boards.export("tp")
        try ThreeBoards.drop(package: tp, into: config)
        try ThreeBoards.drop(package: tp, as: "gui-lai.kiemdiem", into: config)
        // One byte of the Khối's package changed (a digit of its members' part).
        var khoi = [UInt8](try Data(contentsOf: try boards.export("khoi")))
        let members = try #require(String(decoding: khoi, as: UTF8.self).range(of: "\"part\":\"members\"")).lowerBound
        let offset = String(decoding: khoi, as: UTF8.self).utf8.distance(from: String(decoding: khoi, as: UTF8.self).startIndex, to: members)
        let digit = try #require(khoi[..<offset].lastIndex { (0x30...0x39).contains($0) })
        khoi[digit] = khoi[digit] == 0x31 ? 0x32 : 0x31
        try Data(khoi).write(to: URL(fileURLWithPath: config.inbox).appendingPathComponent("khoi-sua.kiemdiem"))
        // The Cấp nước's package, re-signed by a key nobody trusts.
        let stranger = try #require(Ed25519.generate())
        let cn = try #require(PackageFile.check([UInt8](try Data(contentsOf: try boards.export("cn"))),
                                                trusted: config.boards, year: 2025).package)
        try Data(try PackageFile.write(cn, privatePEM: stranger.privatePEM))
            .write(to: URL(fileURLWithPath: config.inbox).appendingPathComponent("cn-la.kiemdiem"))

        let result = RollupRun(config: config, logger: quiet).run()
        #expect(result.status == .dataError)
        #expect((result.claimed, result.accepted, result.rejected, result.duplicates) == (4, 2, 2, 1))
        let report = ThreeBoards.aggregate(config).report(createdAt: 0)
        let states = Dictionary(uniqueKeysWithValues: report.packages.map { (($0.file as NSString).lastPathComponent, $0) })
        #expect(states["khoi-sua.kiemdiem"]?.finding?.code == .packageTampered)
        #expect(states["khoi-sua.kiemdiem"]?.file.hasPrefix("rejected/") == true)
        #expect(states["cn-la.kiemdiem"]?.finding?.code == .packageUnknownKey)
        // One of the two copies counts, the other is its duplicate, whatever the order.
        let copies = [states["tp.kiemdiem"]?.state ?? "", states["gui-lai.kiemdiem"]?.state ?? ""]
        #expect(Set(copies.map { $0.hasPrefix("Trùng") ? "Trùng" : $0 }) == ["Được tính", "Trùng"], "\(copies)")
        // Counted once: the roll-up is the Triệu Phong board's own workbook.
        let own = try StoredReport.read(ledger: try Ledger(path: Workspace(path: boards.pipelines["tp"]!.workspace).store.path),
                                        year: 2025, roster: try RosterFile.load(path: boards.pipelines["tp"]!.roster!),
                                        rules: boards.pipelines["tp"]!.yearRules, createdAt: 0)
        #expect(counts(report.consolidated.cells) == counts(own.summary.cells))
        // The Khối's refused package is its board's (the signature held, a part did not); the
        // stranger's names no trusted board, so the Cấp nước has sent nothing.
        #expect(report.gaps.filter { $0.board == "Tỉnh ủy Quảng Trị" }.map(\.problem).sorted()
                == ["Chưa gửi gói kết quả năm 2025", "Gói kết quả bị từ chối, chưa có gói hợp lệ"])
        let sheets = try workbookSheets(config.workbook)
        let refused = tableBody(sheets["Gói kết quả"], firstHeader: "Tệp").filter { $0[3] as? String == "Bị từ chối" }
        #expect(refused.count == 2)
        #expect(refused.allSatisfy { ($0[5] as? String)?.contains("đảng ủy cấp dưới") == true })

        // The same packages again: nothing new is counted, each filed next to its first copy.
        try ThreeBoards.drop(package: tp, as: "lan-ba.kiemdiem", into: config)
        let again = RollupRun(config: config, logger: quiet).run()
        #expect(again.status == .allAccepted)
        #expect((again.claimed, again.duplicates) == (1, 1))
        #expect(counts(ThreeBoards.aggregate(config).report(createdAt: 0).consolidated.cells) == counts(own.summary.cells))

        // Another year's roll-up refuses the package with its code (exit 3).
        let other = try boards.rollupConfig("other-year", year: 2026)
        try ThreeBoards.drop(package: tp, into: other)
        let wrongYear = RollupRun(config: other, logger: quiet).run()
        #expect(wrongYear.status == .someRejected)
        #expect(ThreeBoards.aggregate(other).report(createdAt: 0).packages.first?.finding?.code == .packageYearMismatch)
    }

    /// The newer package of a board counts, whichever arrives first; both stay in archive/.
    @Test func aNewerPackageSupersedesTheOlderInEitherOrder() throws {
        let boards = try ThreeBoards(holdBack: ["vo-thi-lan-2025.docx"])
        defer { boards.remove() }
        let older = try boards.export("khoi", as: "khoi-cu")
        let pipeline = boards.pipelines["khoi"]!
        try ThreeBoards.drop(fixtures.appendingPathComponent("forms/vo-thi-lan-2025.docx"), into: URL(fileURLWithPath: pipeline.inbox))
        _ = NightlyRun(config: pipeline, logger: quiet).run()
        let newer = try boards.export("khoi", as: "khoi-moi")
        #expect(try Data(contentsOf: older) != Data(contentsOf: newer))

        let config = try boards.rollupConfig("newer")
        try ThreeBoards.drop(package: newer, into: config)
        _ = RollupRun(config: config, logger: quiet).run()
        try ThreeBoards.drop(package: older, into: config)
        let late = RollupRun(config: config, logger: quiet).run()
        #expect(late.status == .allAccepted)
        #expect(late.accepted == 1)
        let report = ThreeBoards.aggregate(config).report(createdAt: 0)
        let states = Dictionary(uniqueKeysWithValues: report.packages.map { (($0.file as NSString).lastPathComponent, $0) })
        #expect(states["khoi-moi.kiemdiem"]?.state == "Được tính")
        #expect(states["khoi-cu.kiemdiem"]?.state == "Bị thay thế")
        #expect(states["khoi-cu.kiemdiem"]?.finding?.code == .packageSuperseded)
        #expect(states.values.allSatisfy { $0.file.hasPrefix("archive/2025/") })
        // Võ Thị Lan is counted: the Văn phòng has her among its three members.
        #expect(counts(report.consolidated.cells)[OrganisationKey.cell("Chi bộ Văn phòng")]?[1] == 3)
        // Two boards have sent nothing.
        #expect(report.gaps.filter { $0.problem.hasPrefix("Chưa gửi") }.count == 2)
    }

    /// `kill -9` at random moments of roll-ups over a made-up province, then one to the end: every
    /// package is in archive/ or rejected/ exactly once, and the result is an uninterrupted roll-up's.
    @Test func killedRollupsThenOneToTheEndPlaceEveryPackageOnce() throws {
        let root = try temporaryDirectory("rollup-kill")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("province").path
        let configPath = try SyntheticRollup.prepare(folder: folder, boards: 24, members: 240, year: 2025)
        let inbox = URL(fileURLWithPath: folder + "/inbox")
        // Duplicates and a refusal among them.
        let first = inbox.appendingPathComponent("ket-qua-2025-1.kiemdiem")
        try FileManager.default.copyItem(at: first, to: inbox.appendingPathComponent("ket-qua-2025-1-lai.kiemdiem"))
        var broken = [UInt8](try Data(contentsOf: inbox.appendingPathComponent("ket-qua-2025-2.kiemdiem")))
        broken[100] ^= 0x01
        try Data(broken).write(to: inbox.appendingPathComponent("ket-qua-2025-2-hong.kiemdiem"))
        let inputs = multiset(try FileManager.default.contentsOfDirectory(atPath: inbox.path)
            .map { sha256(of: inbox.appendingPathComponent($0)) })
        let reference = root.appendingPathComponent("reference").path
        try FileManager.default.copyItem(atPath: folder, toPath: reference)

        var random = SplitMix64(seed: 0x5eed_2025)
        for _ in 0..<8 {
            let process = Process()
            process.executableURL = kiemdiemBinary
            process.arguments = ["rollup", "--config", configPath]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(Int.random(in: 20...900, using: &random) * 1000))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let last = try runProcess(kiemdiemBinary, ["rollup", "--config", configPath])
        #expect(last.status == 0 || last.status == 65, "\(last.stderr)")

        func filed(_ top: String) -> [String] {
            let base = folder + "/workspace/" + top
            return (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [])
                .filter { !$0.hasPrefix(".") && !$0.contains("/.") }
                .map { base + "/" + $0 }.filter { path in
                    var directory: ObjCBool = false
                    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && !directory.boolValue
                }
        }
        let placed = (filed("archive") + filed("rejected")).map { sha256(of: URL(fileURLWithPath: $0)) }
        #expect(multiset(placed) == inputs)
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/workspace/processing").isEmpty)

        let resumed = try RollupConfig.load(path: configPath)
        let uninterrupted = try RollupConfig.load(path: reference + "/rollup.yml")
        let result = RollupRun(config: uninterrupted, logger: quiet).run()
        #expect(result.status == .dataError && result.accepted == 25 && result.duplicates == 1)
        let a = ThreeBoards.aggregate(resumed).report(createdAt: 0), b = ThreeBoards.aggregate(uninterrupted).report(createdAt: 0)
        #expect(counts(a.consolidated.cells) == counts(b.consolidated.cells))
        #expect(a.consolidated.reviewCounts == b.consolidated.reviewCounts)
        #expect(a.boards == b.boards.map { var row = $0; row.file = a.boards.first { $0.name == row.name }?.file; return row })
        #expect(a.packages.map(\.state).sorted() == b.packages.map(\.state).sorted())
        #expect(a.boards.allSatisfy { $0.state == "Đã tính" } && a.boards.count == 24)
    }
}
