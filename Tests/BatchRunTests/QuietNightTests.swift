import KiemdiemTestSupport
import Foundation
import Testing

/// A night that reads no form still rebuilds every standing return notice, the same files, on
/// `intake.workers` threads and before any reader has touched libxml2. Such a night crashed once
/// in CI: libxml2's lazily filled tables begun by two threads at once, now filled once
/// (OOXMLPackage/LibXML2.swift). That race has a window of microseconds and 48 quiet nights here
/// did not hit it again, so this suite guards the quiet night itself, not the race.
@Suite(.serialized) struct QuietNightTests {
    static func notices(_ box: BinaryBox) -> [String] {
        let root = box.workspace.appendingPathComponent("reports/tra-lai-2020")
        let names = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".docx") }.sorted()
    }

    @Test func everyQuietNightRebuildsTheSameNotices() throws {
        let box = try BinaryBox("quiet-nights")
        defer { box.remove() }
        let handle = try FileHandle(forWritingTo: box.config)
        handle.seekToEndOfFile()
        handle.write(Data("\nintake:\n  workers: 4\n".utf8))
        try handle.close()

        let first = try box.kiemdiem(["run"])
        #expect(first.status == 3, "\(first.stderr)")
        let standing = Self.notices(box)
        #expect(standing.count == 5, "\(standing)")
        for _ in 1...4 {
            let quiet = try box.kiemdiem(["run", "-v"])
            #expect(quiet.status == 0, "\(quiet.stderr)")
            #expect(quiet.stderr.contains("nhận 0"), "\(quiet.stderr)")
            #expect(quiet.stderr.contains("đã ghi phiếu trả lại [số=5 "), "\(quiet.stderr)")
            #expect(Self.notices(box) == standing)
        }
    }
}
