import Foundation
import Testing
@testable import Workbooks

@Suite struct DeterminismTests {
    /// The same report must give the same bytes, so a nightly run that changes nothing does
    /// not look like a new report (and checksums in the audit log stay meaningful).
    @Test func sameReportGivesByteIdenticalFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try WorkbookWriter.write(Fixtures.report, to: scratch.file("a.xlsx"))
        // Past a second boundary, so a wall-clock timestamp anywhere in the file would show.
        Thread.sleep(forTimeInterval: 1.1)
        try WorkbookWriter.write(Fixtures.report, to: scratch.file("b.xlsx"))
        let first = try Data(contentsOf: URL(fileURLWithPath: scratch.file("a.xlsx")))
        let second = try Data(contentsOf: URL(fileURLWithPath: scratch.file("b.xlsx")))
        #expect(first.count > 0)
        #expect(first == second)
    }

    /// `createdAt == 0` would mean "now" to libxlsxwriter; the writer must still be reproducible.
    @Test func epochCreationTimeIsStillDeterministic() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var report = Fixtures.report
        report.createdAt = 0
        try WorkbookWriter.write(report, to: scratch.file("a.xlsx"))
        Thread.sleep(forTimeInterval: 1.1)
        try WorkbookWriter.write(report, to: scratch.file("b.xlsx"))
        let first = try Data(contentsOf: URL(fileURLWithPath: scratch.file("a.xlsx")))
        let second = try Data(contentsOf: URL(fileURLWithPath: scratch.file("b.xlsx")))
        #expect(first == second)
    }

    /// A different creation time changes `docProps/core.xml`, proving the stamp is really used.
    @Test func creationTimeComesFromTheReport() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var report = Fixtures.report
        try WorkbookWriter.write(report, to: scratch.file("a.xlsx"))
        report.createdAt += 86_400
        try WorkbookWriter.write(report, to: scratch.file("b.xlsx"))
        let core = try WorkbookReader.run(["/usr/bin/unzip", "-p", scratch.file("a.xlsx"), "docProps/core.xml"])
        let text = String(decoding: core.stdout, as: UTF8.self)
        #expect(text.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:created>"))
        #expect(text.contains("<dc:creator>Đảng bộ Khối Cơ quan tỉnh</dc:creator>"))
        let first = try Data(contentsOf: URL(fileURLWithPath: scratch.file("a.xlsx")))
        let second = try Data(contentsOf: URL(fileURLWithPath: scratch.file("b.xlsx")))
        #expect(first != second)
    }

    /// libxlsxwriter formats the creation time with `gmtime()`, which shares one static buffer
    /// per process: concurrent writes with different times (here, and a workbook stamped "now"
    /// like the one `SheetNameTests` builds) could swap dates. Writes from many threads must
    /// still give each report its own bytes. A stress check: the race window is small, so a
    /// pass is evidence, not proof; `Workbook.close()` holds the lock that closes it.
    @Test func concurrentWritesStayDeterministic() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var other = Fixtures.report
        other.createdAt = 86_400 * 365
        let reports = [Fixtures.report, other]
        for (index, report) in reports.enumerated() {
            try WorkbookWriter.write(report, to: scratch.file("reference-\(index).xlsx"))
        }
        let references = try (0..<2).map { try Data(contentsOf: URL(fileURLWithPath: scratch.file("reference-\($0).xlsx"))) }
        let directory = scratch.path
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<6 {
                group.addTask {
                    var mismatches = 0
                    for round in 0..<6 {
                        let which = (task + round) % 2
                        let path = "\(directory)/run-\(task)-\(round).xlsx"
                        try WorkbookWriter.write(reports[which], to: path)
                        if try Data(contentsOf: URL(fileURLWithPath: path)) != references[which] { mismatches += 1 }
                    }
                    return mismatches
                }
            }
            // Workbooks without a creation time are stamped "now" by libxlsxwriter.
            group.addTask {
                for round in 0..<12 {
                    let workbook = try Workbook(path: "\(directory)/now-\(round).xlsx")
                    _ = try workbook.addSheet("Trang")
                    try workbook.close()
                }
                return 0
            }
            return try await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
