import Foundation
import Testing
@testable import Workbooks

@Suite struct AtomicPublishTests {
    static let previous = Data("previous report".utf8)

    /// A write that fails half-way (after putting bytes in the temporary file) leaves the
    /// published file as it was and no temporary behind.
    @Test func failedWriteKeepsPreviousFileAndRemovesTemporary() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let target = scratch.file("tong-hop.xlsx")
        try Self.previous.write(to: URL(fileURLWithPath: target))

        var temporaryUsed: String?
        #expect(throws: WorkbookError.self) {
            try AtomicFile.publish(to: target) { (temporary: String) throws(WorkbookError) in
                temporaryUsed = temporary
                // Really build a workbook there, then fail as libxlsxwriter would mid-way.
                try WorkbookWriter.build(Fixtures.report, at: temporary)
                throw WorkbookError("worksheet_write_string: simulated failure", libraryCode: 1)
            }
        }
        let temporary = try #require(temporaryUsed)
        #expect(AtomicFile.split(temporary).directory == scratch.path)
        #expect(!FileManager.default.fileExists(atPath: temporary))
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Self.previous)
        #expect(scratch.contents() == ["tong-hop.xlsx"])
    }

    /// Through the public API: when the final rename cannot happen (the target is a
    /// non-empty directory), the error is reported, the target is untouched, nothing is left.
    @Test func failedRenameLeavesTargetAndNoTemporary() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let target = scratch.file("tong-hop.xlsx")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        try Self.previous.write(to: URL(fileURLWithPath: "\(target)/keep"))

        let error = try #require(throws: WorkbookError.self) {
            try WorkbookWriter.write(Fixtures.report, to: target)
        }
        #expect(error.systemErrno != nil)
        #expect(error.detail.hasPrefix("rename("))
        #expect(scratch.contents() == ["tong-hop.xlsx"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(target)/keep")) == Self.previous)
    }

    /// A missing destination directory fails before anything is written.
    @Test func missingDirectoryIsAnError() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let error = try #require(throws: WorkbookError.self) {
            try WorkbookWriter.write(Fixtures.report, to: scratch.file("absent/tong-hop.xlsx"))
        }
        #expect(error.systemErrno == ENOENT)
    }

    /// A successful write replaces the previous file and leaves only the workbook.
    @Test func successfulWriteReplacesPreviousFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let target = scratch.file("tong-hop.xlsx")
        try Self.previous.write(to: URL(fileURLWithPath: target))
        try WorkbookWriter.write(Fixtures.report, to: target)
        let written = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(written.starts(with: Data("PK".utf8)))
        #expect(scratch.contents() == ["tong-hop.xlsx"])
    }

    /// A kill between libxlsxwriter's making a temporary file and unlinking it left
    /// `tmp.XXXXXXXXXX` in a chi bộ's folder; the next workbook written there removes it, and
    /// nothing else (KillTests).
    @Test func aTemporaryLeftByAKilledWriterIsRemovedByTheNext() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for name in ["tmp.5t7CSbhA35", "tmp.ghi-chu.txt", "tmp.abc"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: scratch.file(name)))
        }
        try WorkbookWriter.write(Fixtures.report, to: scratch.file("a.xlsx"))
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.file("")).sorted()
        #expect(left == ["a.xlsx", "tmp.abc", "tmp.ghi-chu.txt"])
    }

    @Test func splitsPaths() {
        #expect(AtomicFile.split("/a/b/c.xlsx") == ("/a/b", "c.xlsx"))
        #expect(AtomicFile.split("c.xlsx") == (".", "c.xlsx"))
        #expect(AtomicFile.split("/c.xlsx") == ("/", "c.xlsx"))
    }
}
