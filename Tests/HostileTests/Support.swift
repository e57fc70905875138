import Foundation
import KiemdiemCore
import KiemdiemTestSupport

let hostileRoot = packageRoot.appendingPathComponent("Fixtures/hostile")

func hostileBytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: hostileRoot.appendingPathComponent(name)))
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

/// Runs `kiemdiem inspect --json FILE` as a grandchild under a small Python parent and reads its
/// peak RSS from that parent's `RUSAGE_CHILDREN`. Spawning it from this test process directly would
/// not do: Linux carries the parent's high-water mark into a child's `ru_maxrss` across `exec`,
/// so every child would "peak" at the size of the test process itself.
func measureInspect(_ file: URL) throws -> ChildCost {
    let script = """
        import resource, subprocess, sys, time
        start = time.monotonic()
        done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.monotonic() - start
        print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, elapsed)
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, kiemdiemBinary.path, "inspect", "--json", file.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
    guard process.terminationStatus == 0, fields.count == 3, let status = Int32(fields[0]),
          let peak = Int(fields[1]), let seconds = Double(fields[2].trimmingCharacters(in: .whitespacesAndNewlines)) else {
        throw BigFixtureError(reason: "measuring \(file.lastPathComponent) failed")
    }
    return ChildCost(status: status, seconds: seconds, peakKilobytes: peak)
}

extension Finding {
    var brief: String { "\(code.rawValue)/\(severity.rawValue)" }
}
