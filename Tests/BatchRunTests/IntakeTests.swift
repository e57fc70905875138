import KiemdiemTestSupport
import Foundation
import Ledger
import Testing

/// Issue 17, "No file can stall the night" and "Nothing silently skipped": one odd file, name
/// or folder in the inbox (or swapped into processing/) is that file's finding or warning, the
/// night goes on, every input ends in exactly one place with its bytes, and the next run has
/// nothing left to do.
@Suite(.serialized) struct IntakeTests {
    static let form = fixtures.appendingPathComponent("inbox-2020/nguyen-van-an.docx")
    static let other = fixtures.appendingPathComponent("inbox-2020/tran-thi-bich-ngoc.docx")

    /// The whole night and the next one: status of the first, and the second changes nothing.
    static func twoNights(_ box: BinaryBox) throws -> ProcessResult {
        let first = try box.kiemdiem(["run"])
        #expect(first.status == 0 || first.status == 3, "\(first.stderr)")
        let before = box.archivedFiles.merging(box.rejectedFiles) { a, _ in a }
        let second = try box.kiemdiem(["run"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("nhận 0"), "\(second.stderr)")
        #expect(box.archivedFiles.merging(box.rejectedFiles) { a, _ in a } == before)
        #expect(box.processingFiles.isEmpty)
        return first
    }

    static func old(_ path: String) {
        var times = [timespec(tv_sec: time(nil) - 600, tv_nsec: 0), timespec(tv_sec: time(nil) - 600, tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW)
    }

    @Test func aNameTooLongForAClaimIsShortenedWithAHashAndFiled() throws {
        let long = String(repeating: "nguyễn-văn-an-", count: 14) + ".docx"
        try #require(long.utf8.count > 225 && long.utf8.count <= 255)
        let box = try BinaryBox("long-name") { inbox in
            try FileManager.default.copyItem(at: Self.form, to: inbox.appendingPathComponent(long))
            try FileManager.default.copyItem(at: Self.other, to: inbox.appendingPathComponent("zz-sau.docx"))
        }
        defer { box.remove() }
        let originals = multiset(Array(box.inboxFiles.values))
        let first = try Self.twoNights(box)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("nhận 2 · hợp lệ 2"), "\(first.stderr)")
        #expect(multiset(box.everyInput) == originals)
        let arrivals = try box.ledger().arrivals()
        let shortened = try #require(arrivals.first { $0.originalName != "zz-sau.docx" })
        #expect(shortened.claimedAs.utf8.count <= 255)
        #expect(shortened.originalName.hasPrefix("nguyễn-văn-an-"))
        #expect(shortened.originalName.hasSuffix(".docx"))
        #expect(shortened.originalName.contains("~"), "shortened with a hash: \(shortened.originalName)")
    }

    /// An upload the batch user cannot read (mode 000, uploaded by another account): claimed,
    /// refused as FILE_UNREADABLE with its bytes kept in rejected/, and the night goes on. Run as
    /// `nobody` (root reads everything); skipped where that cannot be done.
    @Test func anUploadTheBatchUserCannotReadIsRefusedAndTheNightGoesOn() throws {
        let box = try BinaryBox("unreadable")
        defer { box.remove() }
        let asNobody = { (command: [String]) throws -> ProcessResult in
            try runProcess(URL(fileURLWithPath: "/usr/bin/setpriv"),
                           ["--reuid=65534", "--regid=65534", "--clear-groups", kiemdiemBinary.path] + command + ["--config", box.config.path])
        }
        guard getuid() == 0, (try? runProcess(URL(fileURLWithPath: "/bin/chown"), ["-R", "65534:65534", box.root.path]))?.status == 0,
              let probe = try? asNobody(["status"]), probe.status == 0 else {
            print("⚠︎ bỏ qua: không chạy được kiemdiem dưới tài khoản nobody (cần root, setpriv, và quyền chạy tệp \(kiemdiemBinary.path))")
            return
        }
        let locked = box.inbox.appendingPathComponent("nguyen-van-an.docx")
        try #require(chmod(locked.path, 0) == 0)
        let lockedSHA = sha256(of: locked)
        let originals = multiset(Array(box.inboxFiles.values))
        let first = try asNobody(["run"])
        #expect(first.status == 3, "\(first.stderr)")
        #expect(first.stderr.contains("nhận \(OperatorCommandTests.sampleCount) · "), "every file claimed: \(first.stderr)")
        let refused = try #require(try box.ledger().submissions(year: 2020).first { $0.originalName == "nguyen-van-an.docx" })
        #expect(refused.findings.map(\.code) == [.fileUnreadable])
        #expect(box.rejectedFiles[refused.storedPath] == lockedSHA, "kept as it came, in rejected/")
        #expect(multiset(box.everyInput) == originals)
        let second = try asNobody(["run"])
        #expect(second.status == 0 && second.stderr.contains("nhận 0 · "), "\(second.stderr)")
        #expect(box.inboxFiles.isEmpty && box.processingFiles.isEmpty)
    }

    /// A link, a FIFO or a device put in place of a claimed file (as an attacker racing the claim
    /// would leave it in processing/) is refused, never followed or waited on.
    @Test(arguments: ["link-to-form", "link-to-fifo", "link-to-zero", "fifo"])
    func aFileSwappedForSomethingElseIsRefusedNeverFollowed(kind: String) throws {
        let box = try BinaryBox("swapped-\(kind)") { inbox in
            try FileManager.default.copyItem(at: Self.form, to: inbox.appendingPathComponent("nguyen-van-an.docx"))
        }
        defer { box.remove() }
        let processing = box.workspace.appendingPathComponent("processing")
        try FileManager.default.createDirectory(at: processing, withIntermediateDirectories: true)
        let swapped = processing.appendingPathComponent("00000000-0000001--bi-trao.docx").path
        let fifo = box.root.appendingPathComponent("fifo").path
        switch kind {
        case "link-to-form": try FileManager.default.createSymbolicLink(atPath: swapped, withDestinationPath: Self.form.path)
        case "link-to-fifo":
            try #require(mkfifo(fifo, 0o644) == 0)
            try FileManager.default.createSymbolicLink(atPath: swapped, withDestinationPath: fifo)
        case "link-to-zero": try FileManager.default.createSymbolicLink(atPath: swapped, withDestinationPath: "/dev/zero")
        default: try #require(mkfifo(swapped, 0o644) == 0)
        }
        let first = try Self.twoNights(box)
        #expect(first.status == 3, "\(first.stderr)")
        #expect(first.stderr.contains("nhận 2 · hợp lệ 1 (1 bản kiểm điểm đảng viên, 0 báo cáo tập thể) · từ chối 1"), "\(first.stderr)")
        let refused = try #require(try box.ledger().submissions(year: 2020).first { $0.originalName == "bi-trao.docx" })
        #expect(refused.findings.map(\.code) == [.fileUnreadable])
        // Moved as it is (rename never follows): the link or FIFO itself now sits in rejected/.
        var info = stat()
        #expect(lstat(box.workspace.appendingPathComponent(refused.storedPath).path, &info) == 0)
        #expect(info.st_mode & S_IFMT == (kind == "fifo" ? S_IFIFO : S_IFLNK))
        #expect(box.archivedFiles.values.contains(sha256(of: Self.form)))
    }

    @Test func linksFifosAndNonDocxInTheInboxStayWithAWarning() throws {
        let box = try BinaryBox("inbox-odd") { inbox in
            try FileManager.default.copyItem(at: Self.form, to: inbox.appendingPathComponent("nguyen-van-an.docx"))
            let target = inbox.deletingLastPathComponent().appendingPathComponent("dich.docx")
            try FileManager.default.copyItem(at: Self.other, to: target)
            try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("lien-ket.docx").path,
                                                       withDestinationPath: target.path)
            try #require(mkfifo(inbox.appendingPathComponent("ong.docx").path, 0o644) == 0)
        }
        defer { box.remove() }
        let first = try Self.twoNights(box)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("lien-ket.docx") && first.stderr.contains("ong.docx"), "\(first.stderr)")
        #expect(first.stderr.contains("không phải tệp thường"))
        var info = stat()
        #expect(lstat(box.inbox.appendingPathComponent("lien-ket.docx").path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(lstat(box.inbox.appendingPathComponent("ong.docx").path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aNameThatIsNotUTF8IsProcessedAndShownEscaped() throws {
        let box = try BinaryBox("latin1") { _ in }
        defer { box.remove() }
        // "tên.docx" in Latin-1: 0xEA is not UTF-8 on its own.
        let raw: [UInt8] = Array(box.inbox.path.utf8) + Array("/t".utf8) + [0xEA] + Array("n.docx".utf8)
        let bytes = try [UInt8](Data(contentsOf: Self.form))
        let fd = open(raw.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try #require(fd >= 0)
        try #require(write(fd, bytes, bytes.count) == bytes.count)
        close(fd)
        var times = [timespec(tv_sec: time(nil) - 600, tv_nsec: 0), timespec(tv_sec: time(nil) - 600, tv_nsec: 0)]
        utimensat(AT_FDCWD, raw.map { CChar(bitPattern: $0) } + [0], &times, 0)
        let first = try Self.twoNights(box)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("nhận 1 · hợp lệ 1"), "\(first.stderr)")
        let arrival = try #require(try box.ledger().arrivals().first)
        #expect(arrival.originalName == "t\\xEAn.docx")
        #expect(box.archivedFiles.values.contains(sha256(of: Self.form)))
        #expect(box.archivedFiles.keys.contains { $0.hasSuffix("/t\\xEAn.docx") })
    }

    @Test func formsInSubfoldersAreReadAndKeepTheirFolder() throws {
        let box = try BinaryBox("subfolders") { inbox in
            let cell = inbox.appendingPathComponent("chi-bo-van-phong")
            let deep = inbox.appendingPathComponent("a/b/c/d")
            try FileManager.default.createDirectory(at: cell, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.form, to: cell.appendingPathComponent("nguyen-van-an.docx"))
            try FileManager.default.copyItem(at: Self.other, to: deep.appendingPathComponent("qua-sau.docx"))
        }
        defer { box.remove() }
        Self.old(box.inbox.appendingPathComponent("chi-bo-van-phong/nguyen-van-an.docx").path)
        Self.old(box.inbox.appendingPathComponent("a/b/c/d/qua-sau.docx").path)
        let first = try Self.twoNights(box)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("nhận 1 · hợp lệ 1"), "\(first.stderr)")
        #expect(first.stderr.contains("quá sâu") && first.stderr.contains("a/b/c/d"), "never silently skipped: \(first.stderr)")
        let arrival = try #require(try box.ledger().arrivals().first)
        #expect(arrival.originalName == "chi-bo-van-phong/nguyen-van-an.docx")
        #expect(arrival.storedPath.hasSuffix("/nguyen-van-an.docx"))
        // Too deep: left where it is, with its bytes.
        #expect(box.inboxFiles.values.contains(sha256(of: Self.other)))
    }

    @Test func aFutureModificationTimeIsAWarningNotAForeverDeferral() throws {
        let box = try BinaryBox("future") { inbox in
            try FileManager.default.copyItem(at: Self.form, to: inbox.appendingPathComponent("tuong-lai.docx"))
        }
        defer { box.remove() }
        let path = box.inbox.appendingPathComponent("tuong-lai.docx").path
        var times = [timespec(tv_sec: time(nil) + 86_400 * 30, tv_nsec: 0), timespec(tv_sec: time(nil) + 86_400 * 30, tv_nsec: 0)]
        try #require(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let first = try Self.twoNights(box)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("nhận 1 · hợp lệ 1"), "\(first.stderr)")
        #expect(first.stderr.contains("tương lai") && first.stderr.contains("tuong-lai.docx"), "\(first.stderr)")
    }

    /// A crafted name must not forge a log line: its control characters are escaped wherever it
    /// is printed.
    @Test func aNameWithControlCharactersCannotForgeALogLine() throws {
        let crafted = "a\nkiemdiem: nhận 99 · hợp lệ 99\r.docx"
        let box = try BinaryBox("crafted") { inbox in
            try FileManager.default.copyItem(at: Self.form, to: inbox.appendingPathComponent(crafted))
            try Data("không phải docx".utf8).write(to: inbox.appendingPathComponent("b\nforged.txt"))
        }
        defer { box.remove() }
        let first = try box.kiemdiem(["run", "--verbose"])
        #expect(first.status == 0, "\(first.stderr)")
        let raw = first.stderr.split(separator: "\n")
        let lines = stderrLines(first.stderr)
        #expect(!lines.contains { $0.hasPrefix("kiemdiem: nhận 99") }, "\(first.stderr)")
        #expect(!lines.contains { $0.hasPrefix("forged") }, "\(first.stderr)")
        // One event, one line: every line is one of ours, dated, from "kiemdiem:".
        #expect(raw.allSatisfy { unstamped($0)?.hasPrefix("kiemdiem: ") == true }, "\(first.stderr)")
        #expect(lines.filter { $0.hasPrefix("kiemdiem: nhận") }.count == 1)
        #expect(first.stderr.contains("a\\x0Akiemdiem: nhận 99 · hợp lệ 99\\x0D.docx"), "\(first.stderr)")
        #expect(!first.stderr.contains("\r"))
        let arrival = try #require(try box.ledger().arrivals().first)
        #expect(!arrival.originalName.contains("\n") && !arrival.storedPath.contains("\n"))
        #expect(box.archivedFiles.values.contains(sha256(of: Self.form)))
    }

    /// The inbox on another filesystem (a tmpfs here, as a share or a bind mount would be): the
    /// claim copies, fsyncs, verifies and only then removes the upload.
    @Test func anInboxOnAnotherFilesystemIsCopiedVerifiedThenRemoved() throws {
        let box = try BinaryBox("xdev") { _ in }
        defer { box.remove() }
        guard let mount = TmpfsMount(box.inbox) else { return }
        defer { mount.unmount() }
        try BinaryBox.sampleInbox(box.inbox)
        for name in try FileManager.default.contentsOfDirectory(atPath: box.inbox.path) {
            Self.old(box.inbox.appendingPathComponent(name).path)
        }
        let originals = multiset(Array(box.inboxFiles.values))
        let first = try Self.twoNights(box)
        #expect(first.status == 3, "\(first.stderr)")
        #expect(first.stderr.contains("nhận 23 · hợp lệ 18 (17 bản kiểm điểm đảng viên, 1 báo cáo tập thể) · từ chối 5"), "\(first.stderr)")
        #expect(box.inboxFiles.isEmpty)
        #expect(multiset(box.everyInput) == originals)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.workspace.appendingPathComponent("processing").path).isEmpty)
    }
}

/// A tmpfs mounted over a folder for one test: another filesystem than the workspace's.
/// `nil` (and a message saying why the test is skipped) where mounting is refused.
struct TmpfsMount {
    let path: String

    init?(_ url: URL, size: String = "64m") {
        path = url.path
        guard let result = try? runProcess(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path]),
              result.status == 0 else {
            print("⚠︎ bỏ qua: không gắn được tmpfs lên \(url.path) (cần quyền root và mount): cross-device intake not tested here")
            return nil
        }
    }

    func unmount() {
        _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [path])
    }
}
