import Foundation

/// A real PostgreSQL server of the tests' own: a cluster made by `initdb` in a temporary folder
/// and started by `pg_ctl` on a Unix socket in that folder (no TCP port, nothing shared with a
/// server the machine may already run), stopped and removed by `stop()`.
///
/// PostgreSQL refuses to run as root; CI runs as root, so there the server runs as the
/// `postgres` user the Debian package creates (`setpriv`), and the folder is made theirs.
public final class PostgresServer: @unchecked Sendable {
    public let root: URL
    /// A libpq URI for the role `kiemdiem` (trust authentication on the socket).
    public let url: String
    private let binaries: URL
    private let runAs: (uid: UInt32, gid: UInt32)?

    /// Why the PostgreSQL tests cannot run here, `nil` when they can: the server's binaries
    /// (Debian `postgresql`, installed by `make test`) or, as root, the `postgres` user.
    public static let unavailable: String? = {
        guard binariesFolder() != nil else {
            return "PostgreSQL tests skipped: no initdb/pg_ctl in /usr/lib/postgresql/*/bin (apt-get install postgresql, or make test)"
        }
        if getuid() == 0, getpwnam("postgres") == nil {
            return "PostgreSQL tests skipped: running as root and there is no postgres user to run the server as"
        }
        return nil
    }()

    static func binariesFolder() -> URL? {
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        return versions.lazy.map { URL(fileURLWithPath: "\(base)/\($0)/bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("pg_ctl").path) }
    }

    /// Makes and starts the cluster; throws with the server's own words when it cannot.
    public init() throws {
        guard let binaries = PostgresServer.binariesFolder() else { throw Failure(PostgresServer.unavailable ?? "no PostgreSQL") }
        self.binaries = binaries
        root = try temporaryDirectory("postgres")
        if getuid() == 0, let user = getpwnam("postgres") {
            runAs = (user.pointee.pw_uid, user.pointee.pw_gid)
        } else {
            runAs = nil
        }
        url = "postgresql:///postgres?host=\(root.path)&user=kiemdiem"
        // The server's user must reach its folder; the test (root) reaches any.
        chmod(root.path, 0o755)
        if let runAs { chown(root.path, runAs.uid, runAs.gid) }
        try run("initdb", ["-D", data.path, "-U", "kiemdiem", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        // fsync off: what the tests kill is kiemdiem, never the server. One socket, no TCP.
        try run("pg_ctl", ["-D", data.path, "-l", root.appendingPathComponent("server.log").path, "-w", "-t", "60",
                           "-o", "-k \(root.path) -c listen_addresses= -c fsync=off -c max_connections=40", "start"])
    }

    private var data: URL { root.appendingPathComponent("data") }

    /// Stops the server (immediately: the data goes with the folder) and removes the folder.
    public func stop() {
        try? run("pg_ctl", ["-D", data.path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs SQL through `psql` as the role `kiemdiem` (what an operator or a fault does to the
    /// database behind kiemdiem's back); returns its unaligned output.
    public func psql(_ sql: String) throws -> String {
        let result = try runProcess(binaries.appendingPathComponent("psql"), ["-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql])
        guard result.status == 0 else { throw Failure("psql exited \(result.status): \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The server's log, for a failing test's message.
    public var log: String {
        (try? String(contentsOf: root.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
    }

    /// Runs one of the server's programs to the end, with `posix_spawn` and `waitpid`: the
    /// server `pg_ctl start` leaves running is a grandchild that keeps whatever it inherited, and
    /// Foundation's `Process` did not see that `pg_ctl` had exited. Output goes to a file.
    private func run(_ program: String, _ arguments: [String]) throws {
        let executable = binaries.appendingPathComponent(program).path
        let output = root.appendingPathComponent("\(program).out").path
        let argv = (runAs.map { ["/usr/bin/setpriv", "--reuid=\($0.uid)", "--regid=\($0.gid)", "--clear-groups", "--"] } ?? [])
            + [executable] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw Failure("\(program): posix_spawn: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS, which Swift does not import.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            let said = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw Failure("\(program) exited with wait status \(status): \(said)\n\(log)")
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
