import Foundation
import KiemdiemCore
import KiemdiemTestSupport
import Ledger
import ReviewRules
import Testing
@testable import BatchRun

/// One night of the built binary over a sample inbox, with a pipeline.yml of its own that names
/// the board (`report.organisation`, `report.place`, `report.signers`): the summary line, `status`,
/// the store and the workbook as openpyxl reads it; and, once asked, the workbook printed to PDF
/// by LibreOffice as pdfplumber measures it. Made once per sample and shared by the tests.
final class SampleNight: @unchecked Sendable {
    let root: URL
    let config: PipelineConfig
    let summaryLine: String
    let status: String
    /// read_workbook.py's dump of the consolidated workbook: `sheets`, `rows`, `setup`.
    let book: [String: Any]
    /// Every workbook of the night, the consolidated one first, then one per chi bộ; their dumps.
    let workbooks: [String]
    let books: [String: [String: Any]]
    let ledger: Ledger

    static let place = "Quảng Trị"
    static let superior = "Đảng bộ tỉnh Quảng Trị"
    static let unit = "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh"
    static let preparer = "Nguyễn Thị Thu"
    static let signer = "Lê Văn Hải"

    /// The demo: the inbox `make run` copies, with the bundled pipeline.yml's year, roster and
    /// organisations file (so the tests follow the demo when it moves to another season).
    static let demo = Result { () throws -> SampleNight in
        let bundled = try PipelineConfig.load(path: packageRoot.appendingPathComponent("pipeline.yml").path)
        return try SampleNight("demo", inbox: fixtures.appendingPathComponent("demo-2026/inbox"), year: bundled.year,
                               roster: bundled.roster, organisations: bundled.organisations)
    }

    /// The two-level organisations fixture (Fixtures/organisations): a đảng bộ xã with three chi
    /// bộ, a đảng bộ cơ sở with two chi bộ trực thuộc, their types, no roster.
    static let organisations = Result { () throws -> SampleNight in
        try SampleNight("organisations", inbox: fixtures.appendingPathComponent("organisations/inbox"), year: 2025,
                        roster: nil,
                        organisations: fixtures.appendingPathComponent("organisations/danh-sach-to-chuc-2025.csv").path)
    }

    init(_ name: String, inbox source: URL, year: Int, roster: String?, organisations: String?) throws {
        root = try temporaryDirectory("printed-\(name)")
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file.hasSuffix(".docx") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: inbox.appendingPathComponent(file))
        }
        var yaml = """
            inbox: \(inbox.path)
            workspace: \(root.appendingPathComponent("workspace").path)
            year: \(year)
            intake:
              settle_seconds: 0
            report:
              workbook: \(root.appendingPathComponent("workspace/reports/tong-hop-\(year).xlsx").path)
              per_cell: true
              organisation:
                name: \(Self.unit)
                superior: \(Self.superior)
              place: \(Self.place)
              signers:
                prepared_by: \(Self.preparer)
                title: Phó Bí thư
                name: \(Self.signer)

            """
        if let roster { yaml += "roster: \(roster)\n" }
        if let organisations { yaml += "organisations: \(organisations)\n" }
        let file = root.appendingPathComponent("pipeline.yml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        config = try PipelineConfig.load(path: file.path)

        let run = try runProcess(kiemdiemBinary, ["run", "--config", file.path])
        try #require([0, 3].contains(run.status), "\(run.stderr)")
        summaryLine = try #require(stderrLines(run.stderr).last { $0.hasPrefix("kiemdiem: nhận") }).description
        let status = try runProcess(kiemdiemBinary, ["status", "--config", file.path])
        try #require(status.status == 0, "\(status.stderr)")
        self.status = status.stdout
        let folder = RunSession.perCellFolder(config.workbook)
        let perCell = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".xlsx") }.sorted().map { folder.appendingPathComponent($0).path }
        workbooks = [config.workbook] + perCell
        let script = packageRoot.appendingPathComponent("Tests/BatchRunTests/read_workbook.py").path
        var books: [String: [String: Any]] = [:]
        for path in workbooks {
            let read = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, path])
            try #require(read.status == 0, "openpyxl could not read \(path): \(read.stderr)")
            books[path] = try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any]
        }
        self.books = books
        book = books[config.workbook] ?? [:]
        ledger = try Ledger(path: root.appendingPathComponent("workspace/kiemdiem.sqlite").path)
    }

    var sheets: [String] { sheets(config.workbook) }
    func rows(_ sheet: String) -> [[Any]] { rows(sheet, in: config.workbook) }
    func sheets(_ workbook: String) -> [String] { books[workbook]?["sheets"] as? [String] ?? [] }
    func rows(_ sheet: String, in workbook: String) -> [[Any]] {
        (books[workbook]?["rows"] as? [String: [[Any]]])?[sheet] ?? []
    }
    func setup(_ sheet: String, in workbook: String) -> [String: Any] {
        (books[workbook]?["setup"] as? [String: [String: Any]])?[sheet] ?? [:]
    }

    /// Every workbook printed, converted once (one LibreOffice start for all): each one's pages as
    /// read_pdf.py measures them.
    lazy var printed: Result<[String: [PrintedPage]], any Error> = Result {
        let profile = root.appendingPathComponent("lo-profile")
        let out = root.appendingPathComponent("pdf")
        let result = try runProcess(URL(fileURLWithPath: sofficePath), [
            "--headless", "-env:UserInstallation=file://\(profile.path)", "--convert-to", "pdf", "--outdir", out.path,
        ] + workbooks)
        var pages: [String: [PrintedPage]] = [:]
        for workbook in workbooks {
            let pdf = out.appendingPathComponent(URL(fileURLWithPath: workbook).deletingPathExtension().lastPathComponent + ".pdf")
            try #require(result.status == 0 && FileManager.default.fileExists(atPath: pdf.path), "soffice: \(result.stderr)")
            let script = packageRoot.appendingPathComponent("Tests/BatchRunTests/read_pdf.py").path
            let read = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, pdf.path])
            try #require(read.status == 0, "pdfplumber could not read \(pdf.path): \(read.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as! [String: Any]
            pages[workbook] = (object["pages"] as! [[String: Any]]).map(PrintedPage.init)
        }
        return pages
    }
}

struct PrintedPage {
    let width: Double, height: Double
    let smallest: Double?
    let text: String
    let footer: String
    let fonts: [String]

    init(_ object: [String: Any]) {
        fonts = object["fonts"] as? [String] ?? []
        width = object["width"] as! Double
        height = object["height"] as! Double
        smallest = object["smallest"] as? Double
        text = object["text"] as? String ?? ""
        footer = object["footer"] as? String ?? ""
    }

    /// "Trang 2/14" → 2: the page's number within its sheet (each sheet starts at 1).
    var number: Int? {
        guard let range = footer.range(of: #"Trang (\d+)/"#, options: .regularExpression) else { return nil }
        return Int(footer[range].dropFirst(6).dropLast())
    }

    var isA4: Bool {
        (abs(width - 595) <= 2 && abs(height - 842) <= 2) || (abs(width - 842) <= 2 && abs(height - 595) <= 2)
    }
}

/// The counts of `Tổng hợp` recounted from the store alone (contract §5 definitions): every
/// member of the year by their latest individual form and their current accepted one.
struct StoreCounts: Equatable {
    var submitted = 0, accepted = 0, rejected = 0, exempt = 0, unclassified = 0
    var levels: [Level: Int] = [:]

    init() {}

    init(_ ledger: Ledger, year: Int, committee: String? = nil) throws {
        try ledger.forEachMember(year: year) { member in
            let form = member.latestVerdict == .accepted ? member.current : nil
            if let committee {
                guard let form, TextFolding.fold(form.partyCommittee ?? "") == TextFolding.fold(committee) else { return }
            }
            submitted += 1
            guard let form else { rejected += 1; return }
            accepted += 1
            switch (form.status, form.level) {
            case (.exempt, _): exempt += 1
            case (_, let level?): levels[level, default: 0] += 1
            case (_, nil): unclassified += 1
            }
        }
    }

    /// The nine counts in `Tổng hợp`'s order: Đã nộp … Chưa xếp loại.
    var columns: [Int] {
        [submitted, accepted, rejected, exempt] + Level.allCases.map { levels[$0, default: 0] } + [unclassified]
    }

    var classified: Int { Level.allCases.reduce(0) { $0 + levels[$1, default: 0] } }
}

func int(_ value: Any?) -> Int? { value as? Int ?? (value as? Double).map { Int($0) } }
func text(_ value: Any?) -> String { value == nil || value is NSNull ? "" : "\(value!)" }

/// openpyxl reads back every sheet of the demo's workbook and of the organisations fixture's:
/// the Party document's frame, TT, the subtotals per đảng bộ, the shares, Biểu 6F and the results
/// by type, each equal to what the store holds; and the summary line, `status`, the workbook and
/// the log agree on every count.
@Suite(.serialized) struct WorkbookReadBackTests {
    static func nights() throws -> [SampleNight] { [try SampleNight.demo.get(), try SampleNight.organisations.get()] }

    @Test func everySheetIsFramedAndSigned() throws {
        for night in try Self.nights() {
            #expect(night.sheets.prefix(5) == ["Tổng hợp", "Đảng viên", "Bị từ chối", "Thống kê", "Cảnh báo"])
            #expect(night.sheets.contains("Cần nộp lại") && night.sheets.contains("Biểu 6F")
                    && night.sheets.contains("Kết quả theo loại hình"))
            for sheet in night.sheets {
                let rows = night.rows(sheet)
                let where_ = "\(sheet) (\(night.config.year))"
                #expect(text(rows[0][0]) == SampleNight.superior.uppercased(), "\(where_)")
                #expect(text(rows[1][0]) == SampleNight.unit.uppercased(), "\(where_)")
                #expect(text(rows[2][0]) == "*", "\(where_)")
                #expect(rows[0].contains { text($0) == "ĐẢNG CỘNG SẢN VIỆT NAM" }, "\(where_)")
                #expect(rows[1].contains { text($0).hasPrefix("\(SampleNight.place), ngày ") }, "\(where_)")
                #expect(text(rows[4][0]).contains("NĂM \(night.config.year)"), "\(where_)")
                let (header, body) = table(rows)
                #expect(["TT", "STT"].contains(header.first ?? ""), "\(where_)")
                // TT numbers the body's rows 1, 2, …; subtotals and totals carry none.
                let numbers = body.compactMap { int($0[0]) }
                #expect(numbers == Array(1...max(1, numbers.count)).prefix(numbers.count).map { $0 }, "\(where_)")
                let all = rows.flatMap { $0.map(text) }
                #expect(all.contains { $0.hasPrefix("Ghi chú:") && $0.contains("Kiểm điểm năm \(night.config.year) theo") },
                        "\(where_): the rules applied")
                for line in ["NGƯỜI LẬP BIỂU", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", SampleNight.preparer, SampleNight.signer] {
                    #expect(all.contains(line), "\(where_): \(line)")
                }
            }
        }
    }

    @Test func summaryTotalsSubtotalsAndSharesAreTheStores() throws {
        for night in try Self.nights() {
            let (header, body) = table(night.rows("Tổng hợp"))
            let store = try StoreCounts(night.ledger, year: night.config.year)
            let total = try #require(body.first { text($0[1]) == "Tổng cộng" })
            #expect((2...10).map { int(total[$0]) ?? -1 } == store.columns)
            // Shares of each level over the classified, on every row.
            for (offset, level) in Level.allCases.enumerated() {
                let column = try #require(header.firstIndex(of: "Tỷ lệ \(level.abbreviation)"))
                let share = total[column] as? Double
                if store.classified > 0 {
                    #expect(abs((share ?? -1) - Double(store.levels[level, default: 0]) / Double(store.classified)) < 1e-9)
                } else {
                    #expect(share == nil, "\(offset)")
                }
            }
            // A subtotal per đảng bộ: the sum of its chi bộ rows, and the store's count of its members.
            let cellRows = body.filter { int($0[0]) != nil }
            guard let committeeColumn = header.firstIndex(of: "Đảng bộ") else {
                #expect(cellRows.allSatisfy { text($0[1]) == "(không rõ chi bộ)" }, "cells name their đảng bộ")
                continue
            }
            // A đảng bộ is one however its chi bộ spell it ("ĐẢNG BỘ XÃ …", "Đảng bộ xã …": the demo has both).
            let subtotals = body.filter { text($0[1]).hasPrefix("Cộng ") }
            func key(_ row: [Any]) -> String { OrganisationKey.committee(text(row[committeeColumn])) }
            let committees = Set(cellRows.filter { !text($0[committeeColumn]).isEmpty }.map { text($0[committeeColumn]) })
            #expect(subtotals.count >= Set(committees.map(OrganisationKey.committee)).count && !committees.isEmpty)
            for committee in committees {
                let subtotal = try #require(subtotals.first { key($0) == OrganisationKey.committee(committee) }, "\(committee)")
                let cells = body.filter { int($0[0]) != nil && key($0) == OrganisationKey.committee(committee) }
                for column in 2...10 {
                    #expect(int(subtotal[column]) == cells.reduce(0) { $0 + (int($1[column]) ?? 0) }, "\(committee) \(header[column])")
                }
                let stored = try StoreCounts(night.ledger, year: night.config.year, committee: committee)
                #expect(int(subtotal[3]) == stored.accepted, "\(committee): Hợp lệ")
                #expect((6...9).map { int(subtotal[$0]) ?? -1 } == Level.allCases.map { stored.levels[$0, default: 0] })
            }
            // The members listed are the store's accepted members.
            #expect(table(night.rows("Đảng viên")).body.count == store.accepted)
            #expect(table(night.rows("Cần nộp lại")).body.count == store.rejected)
        }
    }

    @Test func reviewFormSixFIsTheRostersAndTheStores() throws {
        for night in try Self.nights() {
            let rows = table(night.rows("Biểu 6F")).body
            func row(_ number: String) -> [Any]? { rows.first { text($0[0]) == number } }
            #expect(rows.map { text($0[0]) } == ["1", "2", "3", "3.1", "3.2", "3.3", "3.4", "3.5", "4"])
            // Tập thể: the organisations of the year, those with an accepted collective report.
            let organisations = try night.ledger.organisations(year: night.config.year)
            let reported = Set(try night.ledger.collectiveReports(year: night.config.year).compactMap { report in
                report.partyCell.map(OrganisationKey.ofCell) ?? report.partyCommittee.map(OrganisationKey.ofCommittee)
            })
            #expect(int(row("1")?[2]) == organisations.count)
            #expect(int(row("2")?[2]) == organisations.filter { reported.contains($0.organisation.key) }.count)
            #expect(int(row("2")?[2]).map { $0 + (int(row("3")?[2]) ?? 0) } == organisations.count)
            // Đảng viên: from the roster, through the one admission rule, against the store's forms.
            guard let path = night.config.roster else {
                #expect(int(row("2")?[3]) == (try StoreCounts(night.ledger, year: night.config.year)).accepted)
                #expect(int(row("1")?[3]) == nil, "no roster: who had to review is not known")
                continue
            }
            let roster = try RosterFile.load(path: path)
            var lines = Set<Int>()
            try night.ledger.forEachMember(year: night.config.year) { member in
                if let form = member.current, member.latestVerdict == .accepted,
                   let line = roster.entry(fullName: form.fullName, dateOfBirth: form.dateOfBirth, partyCell: form.partyCell)?.line {
                    lines.insert(line)
                }
            }
            let tally = night.config.yearRules.reviewTally(roster, reviewedLines: lines, year: night.config.year)
            let printed = ["1", "2", "3", "3.2", "3.3", "3.4", "3.5"].map { int(row($0)?[3]) }
            #expect(printed == [tally.required, tally.reviewed, tally.notReviewed, tally.newlyAdmitted, tally.exempted,
                                tally.suspended, tally.missing])
            // Every roster row is counted, the unreadable ones too.
            #expect(tally.required == roster.entries.count)
            let warnings = table(night.rows("Cảnh báo")).body.filter { text($0[2]) == "ROSTER_ROW_UNREADABLE" }
            #expect(warnings.count == roster.findings.count)
            #expect(warnings.allSatisfy { text($0[4]).contains("dòng ") })
        }
    }

    @Test func resultsByTypeAreTheStoresOrganisationsAndMembers() throws {
        for night in try Self.nights() {
            let (header, body) = table(night.rows("Kết quả theo loại hình"))
            #expect(Array(header.prefix(4)) == ["TT", "Nội dung", "Tổng số", "Tỷ lệ (%)"])
            let types = header.count - 4
            #expect(types >= 1)
            let a = try #require(body.firstIndex { text($0[0]) == "A" })
            let b = try #require(body.firstIndex { text($0[0]) == "B" })
            let organisations = try night.ledger.organisations(year: night.config.year)
            let store = try StoreCounts(night.ledger, year: night.config.year)
            #expect(int(body[a][2]) == organisations.count)
            #expect(int(body[b][2]) == store.accepted)
            for (offset, level) in Level.allCases.enumerated() {
                let unitCount = organisations.filter {
                    $0.classification.level == level && $0.classification.status != .exempt
                }.count
                #expect(int(body[a + 1 + offset][2]) == unitCount, "A \(level)")
                #expect(int(body[b + 1 + offset][2]) == store.levels[level, default: 0], "B \(level)")
                if store.classified > 0 {
                    let share = body[b + 1 + offset][3] as? Double
                    #expect(abs((share ?? -1) - Double(store.levels[level, default: 0]) / Double(store.classified)) < 1e-9)
                }
            }
            // By level of the tree (7A's blocks, when there is more than one): they add up to A.
            let levels = body.filter { text($0[0]).hasPrefix("A.") }
            let kinds = Set(organisations.map { ResultsByTypeTally.level($0.organisation.kind) })
            #expect(levels.count == (kinds.count > 1 ? kinds.count : 0), "\(kinds)")
            if !levels.isEmpty {
                #expect(levels.reduce(0) { $0 + (int($1[2]) ?? 0) } == int(body[a][2]))
            }
            // Each row's types add up to its total.
            for row in body {
                #expect((0..<types).reduce(0) { $0 + (int(row[4 + $1]) ?? 0) } == int(row[2]), "\(row)")
            }
        }
    }

    /// The summary line, `status`, the workbook and the logs say the same numbers of the night.
    @Test func summaryLineStatusWorkbookAndLogAgree() throws {
        for night in try Self.nights() {
            func numbers(_ line: String, _ pattern: String) throws -> [Int] {
                let regex = try NSRegularExpression(pattern: pattern)
                let match = try #require(regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), "\(line)")
                return (1..<match.numberOfRanges).map { Int(line[Range(match.range(at: $0), in: line)!])! }
            }
            let words = #"hợp lệ (\d+) \((\d+) bản kiểm điểm đảng viên, (\d+) báo cáo tập thể\)"#
            let summary = try numbers(night.summaryLine, #"nhận (\d+) · "# + words + #" · từ chối (\d+) · trùng (\d+)"#)
            let status = try numbers(night.status, #"nhận (\d+), "# + words + #", từ chối (\d+), trùng (\d+)"#)
            #expect(summary == status)
            let (claimed, accepted, members, collective, rejected, duplicates) =
                (summary[0], summary[1], summary[2], summary[3], summary[4], summary[5])
            #expect(claimed == accepted + rejected && members + collective == accepted)
            // The same bytes twice are one submission: the store holds one per distinct file.
            let submissions = try night.ledger.submissions(year: night.config.year, includingForms: false)
            #expect(try night.ledger.arrivalCount() == claimed && submissions.count == claimed - duplicates)

            // The workbook: this first night's members on Tổng hợp and the collective reports apart.
            // A member counts once: the files of the night less the same bytes sent again and the
            // forms a newer one of the same member superseded (DUPLICATE_SUBMISSION).
            let total = try #require(table(night.rows("Tổng hợp")).body.first { text($0[1]) == "Tổng cộng" })
            let store = try StoreCounts(night.ledger, year: night.config.year)
            let arrivals = try night.ledger.arrivals()
            let acceptedIndividual = Set(submissions.filter { $0.verdict == .accepted && $0.kind != .collective }.map(\.sha256))
            let againAccepted = arrivals.filter { $0.duplicate && acceptedIndividual.contains($0.sha256) }.count
            let superseded = submissions.filter { $0.supersededBy != nil }.count
            #expect(int(total[3]) == store.accepted && store.accepted == members - againAccepted - superseded,
                    "\(members) files, \(againAccepted) sent again, \(superseded) superseded")
            let collectives = try night.ledger.collectiveVerdicts(year: night.config.year)
            #expect(collectives.accepted == collective)
            let note = night.rows("Tổng hợp").flatMap { $0.map(text) }.first { $0.hasPrefix("Ghi chú:") } ?? ""
            if collective > 0 { #expect(note.contains("\(collective) hợp lệ"), "\(note)") }
            let sixF = table(night.rows("Biểu 6F")).body.first { text($0[0]) == "2" }
            #expect(int(sixF?[2]) ?? 0 == collective)
            // Refused files are the rejection log's lines and, one member or file each, Tổng hợp's.
            let log = (try? String(contentsOf: URL(fileURLWithPath: night.config.workspace)
                .appendingPathComponent("logs/rejections.jsonl"), encoding: .utf8)) ?? ""
            // One line per finding of each refused file (docs/contract.md §4).
            let findings = submissions.filter { $0.verdict == .rejected }.reduce(0) { $0 + $1.findings.count }
            #expect(log.split(separator: "\n").count == findings && findings >= rejected)
            if rejected > 0 { #expect(night.summaryLine.contains("nhật ký: \(findings) dòng"), "\(night.summaryLine)") }
            #expect(int(total[4]) == store.rejected)
            #expect(store.rejected + collectives.rejected == rejected)
            #expect(table(night.rows("Cần nộp lại")).body.count == store.rejected)
        }
    }
}

/// The workbooks as LibreOffice prints them (`soffice --headless --convert-to pdf`), measured with
/// pdfplumber: A4, one page wide, nothing under 8 pt, and the totals printed are the store's.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: sofficePath),
                             "LibreOffice (soffice) is not installed: ./scripts/install-deps.sh --test installs it"),
       .timeLimit(.minutes(5)))
struct PrintedWorkbookTests {
    /// Each sheet's pages, in workbook order: LibreOffice numbers each sheet's pages from 1.
    static func pagesBySheet(_ night: SampleNight, _ workbook: String) throws -> [(sheet: String, pages: [PrintedPage])] {
        let pages = try night.printed.get()[workbook] ?? []
        var groups: [[PrintedPage]] = []
        for page in pages {
            if page.number == 1 || groups.isEmpty { groups.append([]) }
            groups[groups.count - 1].append(page)
        }
        let sheets = night.sheets(workbook)
        try #require(groups.count == sheets.count, "\(workbook): \(groups.count) printed sheets for \(sheets)")
        return Array(zip(sheets, groups)).map { ($0.0, $0.1) }
    }

    /// Every workbook of both nights: the consolidated ones and one per chi bộ.
    static func workbooks() throws -> [(night: SampleNight, workbook: String)] {
        try WorkbookReadBackTests.nights().flatMap { night in night.workbooks.map { (night, $0) } }
    }

    @Test func everyPageIsA4AtEightPointOrMore() throws {
        var checked = 0
        var smallest = Double.infinity
        // Measured as Excel lays the sheets out: Calibri's metrics, which Carlito has; another
        // substitute (DejaVu Sans) is wider and prints every page smaller than Excel would.
        let fonts = Set(try WorkbookReadBackTests.nights().flatMap { try $0.printed.get().values.joined().flatMap(\.fonts) })
        try #require(fonts.contains { $0.hasPrefix("Carlito") || $0.hasPrefix("Calibri") },
                     "LibreOffice printed with \(fonts.sorted()), not Calibri's metrics: install fonts-crosextra-carlito (./scripts/install-deps.sh --test)")
        for (night, workbook) in try Self.workbooks() {
            let name = URL(fileURLWithPath: workbook).lastPathComponent
            for (sheet, pages) in try Self.pagesBySheet(night, workbook) {
                for (index, page) in pages.enumerated() {
                    #expect(page.isA4, "\(name) \(sheet) page \(index + 1): \(page.width)×\(page.height) pt")
                    let size = try #require(page.smallest, "\(name) \(sheet) page \(index + 1) has no text")
                    #expect(size >= 8, "\(name) \(sheet) page \(index + 1): \(size) pt")
                    smallest = min(smallest, size)
                    checked += 1
                }
            }
        }
        #expect(checked >= 20)
        print("PrintedWorkbookTests: \(try Self.workbooks().count) workbooks, \(checked) pages checked, "
              + "smallest text \(String(format: "%.2f", smallest)) pt")
    }

    @Test func eachSheetIsOnePageWide() throws {
        for (night, workbook) in try Self.workbooks() {
            for (sheet, pages) in try Self.pagesBySheet(night, workbook) {
                let setup = night.setup(sheet, in: workbook)
                #expect(setup["paper"] as? Int == 9, "\(sheet)")
                // One page wide (fitToWidth's default, 1, is left out of the file), as many tall as it takes.
                #expect(setup["fitToPage"] as? Bool == true && (int(setup["fitToWidth"]) ?? 1) == 1
                        && int(setup["fitToHeight"]) == 0, "\(sheet): \(setup)")
                #expect(setup["repeatRows"] as? String == "$6:$6", "\(sheet)")
                let footer = setup["footer"] as? [String] ?? []
                let rows = night.rows(sheet, in: workbook)
                #expect(footer.count == 3 && footer[0].contains(text(rows[4][0]).prefix(20))
                        && footer[1].hasPrefix("Nhật ký: ") && footer[2] == "Trang &P/&N", "\(sheet): \(footer)")
                // The header row repeats on every page: each shows the first column and the last.
                let header = table(rows).header.filter { !$0.isEmpty }
                let first = try #require(header.first)
                let last = try #require(header.last?.split(separator: " ").last.map(String.init))
                for (index, page) in pages.enumerated() {
                    let words = Set(page.text.split(whereSeparator: \.isWhitespace).map(String.init))
                    #expect(words.contains(first) && words.contains(last), "\(sheet) page \(index + 1) lacks \(first) or \(last)")
                }
            }
        }
    }

    @Test func theTotalsPrintedAreTheStores() throws {
        for night in try WorkbookReadBackTests.nights() {
            let sheets = try Self.pagesBySheet(night, night.config.workbook)
            let (_, pages) = try #require(sheets.first { $0.sheet == "Tổng hợp" })
            let line = try #require(pages.flatMap { $0.text.split(separator: "\n") }.first { $0.hasPrefix("Tổng cộng") })
            let printed = line.split(separator: " ").compactMap { Int($0.replacingOccurrences(of: ",", with: "")) }
            let store = try StoreCounts(night.ledger, year: night.config.year)
            #expect(Array(printed.prefix(9)) == store.columns, "\(line)")
            let members = try #require(sheets.first { $0.sheet == "Đảng viên" }).pages
            let names = members.map(\.text).joined(separator: "\n")
            var missing: [String] = []
            try night.ledger.forEachMember(year: night.config.year, acceptedOnly: true) { member in
                if let name = member.current?.fullName, !names.contains(name.split(separator: " ").last.map(String.init) ?? name) {
                    missing.append(name)
                }
            }
            #expect(missing.isEmpty, "members not printed: \(missing)")
        }
    }
}
