import Foundation
import Testing
@testable import KiemdiemCore

/// `DurableFile.publishAll`: many files, one flush; all published or, before the renames, none.
@Suite struct DurableFileTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("durable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("b"), withIntermediateDirectories: true)
        return url
    }

    static func listing(_ root: URL) -> [String] {
        (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func everyFileIsPublishedWithItsBytesAndNoTemporaryStays() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("cũ".utf8).write(to: root.appendingPathComponent("a/1.docx"))
        let files = (1...5).map { n in
            (path: root.appendingPathComponent("\(n % 2 == 0 ? "a" : "b")/\(n).docx").path, bytes: Array("phiếu \(n)".utf8))
        } + [(path: root.appendingPathComponent("a/1.docx").path, bytes: Array("mới".utf8))]
        try DurableFile.publishAll(files)
        for file in files {
            #expect(FileManager.default.contents(atPath: file.path) == Data(file.bytes), "\(file.path)")
        }
        #expect(Self.listing(root) == ["a", "a/1.docx", "a/2.docx", "a/4.docx", "b", "b/1.docx", "b/3.docx", "b/5.docx"])
    }

    @Test func aFileThatCannotBeWrittenPublishesNothingAndLeavesNoTemporary() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("cũ".utf8).write(to: root.appendingPathComponent("a/1.docx"))
        let files = [
            (path: root.appendingPathComponent("a/1.docx").path, bytes: Array("mới".utf8)),
            (path: root.appendingPathComponent("b/2.docx").path, bytes: Array("hai".utf8)),
            (path: root.appendingPathComponent("khong-co/3.docx").path, bytes: Array("ba".utf8)),
        ]
        #expect(throws: DurableFileError.self) { try DurableFile.publishAll(files) }
        #expect(FileManager.default.contents(atPath: files[0].path) == Data("cũ".utf8))
        #expect(Self.listing(root) == ["a", "a/1.docx", "b"])
    }

    @Test func nothingToPublishTouchesNothing() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try DurableFile.publishAll([])
        #expect(Self.listing(root) == ["a", "b"])
    }
}
