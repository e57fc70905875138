import KiemdiemTestSupport
import Foundation
import Ledger
import Testing

/// Issue 17, "Disk full is exit 74 everywhere": the whole box (inbox, workspace, store) on a
/// small ext4 filesystem of its own, filled up. `run` and `status` exit 74, never die of SIGBUS
/// (the store keeps no memory-mapped file), nothing is lost, and once space is freed the next run
/// finishes the night. Needs root and a loop device (CI has both); skipped with a message where
/// either is missing.
@Suite(.serialized) struct DiskFullTests {
    /// An 8 MiB ext4 image mounted through a loop device.
    struct LoopDisk {
        let image: URL
        let mount: URL

        init?(_ name: String) throws {
            let base = try temporaryDirectory(name)
            image = base.appendingPathComponent("disk.img")
            mount = base.appendingPathComponent("mnt")
            try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
            let steps: [(String, [String])] = [
                ("/usr/bin/truncate", ["-s", "8M", image.path]),
                ("/sbin/mkfs.ext4", ["-q", "-F", "-m", "0", image.path]),
                ("/bin/mount", ["-o", "loop", image.path, mount.path]),
            ]
            for (tool, arguments) in steps {
                let result = try? runProcess(URL(fileURLWithPath: tool), arguments)
                guard let result, result.status == 0 else {
                    print("⚠︎ bỏ qua DiskFullTests: \(tool) \(arguments.joined(separator: " ")) không chạy được "
                          + "(cần quyền root và thiết bị loop): \(result?.stderr ?? "")")
                    try? FileManager.default.removeItem(at: base)
                    return nil
                }
            }
        }

        func remove() {
            _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [mount.path])
            try? FileManager.default.removeItem(at: image.deletingLastPathComponent())
        }

        /// Writes zeros until the filesystem refuses, then gives back `leave` bytes.
        func fill(leaving leave: Int) throws -> URL {
            let filler = mount.appendingPathComponent("filler")
            let fd = open(filler.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            try #require(fd >= 0)
            let block = [UInt8](repeating: 0, count: 64 << 10)
            while write(fd, block, block.count) > 0 {}
            var small = [UInt8](repeating: 0, count: 1024)
            while write(fd, &small, small.count) > 0 {}
            fsync(fd)
            if leave > 0 {
                var info = stat()
                fstat(fd, &info)
                ftruncate(fd, max(0, info.st_size - off_t(leave)))
                fsync(fd)
            }
            close(fd)
            return filler
        }
    }

    /// 0: not one block free; 32 and 96 KiB: the run starts, records some files and fails
    /// further on (log, store, workbook), wherever the space runs out.
    @Test(arguments: [0, 32 << 10, 96 << 10])
    func aFullDiskIsExit74AndTheNextRunFinishes(leave: Int) throws {
        guard let disk = try LoopDisk("full-\(leave)") else { return }
        defer { disk.remove() }
        let root = disk.mount.appendingPathComponent("srv")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let box = try BinaryBox("disk-full", at: root)
        // A first night, then a second night's uploads: the store and the archive are not empty
        // when the disk fills up.
        #expect(try box.kiemdiem(["run"]).status == 3)
        try KillTests.makeInputs(box.inbox, count: 40)
        for name in try FileManager.default.contentsOfDirectory(atPath: box.inbox.path) {
            IntakeTests.old(box.inbox.appendingPathComponent(name).path)
        }
        let originals = multiset(box.everyInput)
        let filler = try disk.fill(leaving: leave)

        let run = try box.kiemdiem(["run"])
        #expect(run.status == 74, "exit 74, never a signal: \(run.status) \(run.stderr)")
        #expect(run.stderr.contains("đầy") || run.stderr.contains("ENOSPC"), "\(run.stderr)")
        #expect(multiset(box.everyInput) == originals, "every input in exactly one place, with its bytes")
        let status = try box.kiemdiem(["status"])
        #expect(status.status == 74, "\(status.status) \(status.stderr)")
        #expect(status.stderr.contains("gần đầy"), "\(status.stderr)")
        #expect(status.stdout.contains("Đang xử lý dở (processing/)"), "status still says what it knows")
        let second = try box.kiemdiem(["run"])
        #expect(second.status == 74, "\(second.stderr)")
        #expect(multiset(box.everyInput) == originals)
        // Every other command that opens the store: an answer or 74, never a signal (a WAL
        // store died here of SIGBUS, status 7).
        for (command, allowed) in [(["report"], [0, 74]), (["verify-log"], [0, 65, 74]), (["audit"], [0, 74])] as [([String], [Int32])] {
            let result = try box.kiemdiem(command)
            #expect(allowed.contains(result.status), "\(command): \(result.status) \(result.stderr)")
        }
        #expect(multiset(box.everyInput) == originals)

        try FileManager.default.removeItem(at: filler)
        #expect(try box.kiemdiem(["status"]).status == 0)
        try OperationsTests.finishesTheNight(box, originals: originals)
        let audit = try box.kiemdiem(["verify-log"])
        #expect(audit.status == 0, "\(audit.stdout)")
        for suffix in ["-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: box.workspace.appendingPathComponent("kiemdiem.sqlite" + suffix).path),
                    "no memory-mapped WAL index")
        }
    }
}
