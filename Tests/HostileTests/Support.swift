import Foundation
import KiemdiemCore

/// The package root, found from this file's path so tests run from any directory.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let hostileRoot = packageRoot.appendingPathComponent("Fixtures/hostile")

func hostileBytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: hostileRoot.appendingPathComponent(name)))
}

/// The built `kiemdiem` executable, which sits next to the test bundle (as in BatchRunTests).
var kiemdiemBinary: URL {
    let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
    var dir = testBinary.deletingLastPathComponent()
    while dir.path != "/" {
        let candidate = dir.appendingPathComponent("kiemdiem")
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/kiemdiem")
}

/// The two fixtures too big to commit (100,000 entries; a 50 MB main part), made once per test
/// process by the generator into a temporary folder.
enum BigFixtures {
    static let folder: Result<URL, BigFixtureError> = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kiemdiem-hostile-\(getpid())")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", hostileRoot.appendingPathComponent("make_hostile.py").path, "--big", dir.path]
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .failure(BigFixtureError(reason: "\(error)"))
        }
        guard process.terminationStatus == 0 else { return .failure(BigFixtureError(reason: "generator failed")) }
        return .success(dir)
    }()

    static func url(_ name: String) throws -> URL { try folder.get().appendingPathComponent(name) }
}

struct BigFixtureError: Error { var reason: String }

/// What a child process cost: its exit status, wall time and peak resident set.
struct ChildCost {
    var status: Int32
    var seconds: Double
    var peakKilobytes: Int
}

/// Runs `kiemdiem inspect --json FILE` as a child (stdout and stderr to /dev/null) and reads its
/// peak RSS from `wait4`'s rusage: Foundation's Process reaps its child itself, so posix_spawn.
func measureInspect(_ file: URL) throws -> ChildCost {
    let arguments = [kiemdiemBinary.path, "inspect", "--json", file.path]
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = ContinuousClock.now
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
    guard spawned == 0 else { throw BigFixtureError(reason: "posix_spawn: \(spawned)") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let elapsed = ContinuousClock.now - start
    let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return ChildCost(status: exit, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                     peakKilobytes: Int(usage.ru_maxrss))
}

extension Finding {
    var brief: String { "\(code.rawValue)/\(severity.rawValue)" }
}
