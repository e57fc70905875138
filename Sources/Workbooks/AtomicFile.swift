#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KiemdiemCore

/// Publishes a file so that readers see either the previous version or the complete new one.
///
/// The nightly run may be killed or fail half-way; the board must never open a truncated
/// workbook. The new file is written under a temporary name in the destination directory
/// (same file system, so `rename(2)` is atomic), flushed with `fsync`, renamed over the target,
/// and the directory is flushed so the rename itself survives a crash.
public enum AtomicFile {
    /// Runs `write` with a fresh temporary path next to `path`, then renames it over `path`.
    /// On any failure the temporary file is removed and the previous `path` is left untouched.
    static func publish(to path: String, _ write: (String) throws(WorkbookError) -> Void) throws(WorkbookError) {
        let (directory, base) = split(path)
        let temporary = try reserveTemporary(in: directory, base: base)
        do throws(WorkbookError) {
            try write(temporary)
            try syncFile(at: temporary)
            guard rename(temporary, path) == 0 else {
                throw systemError("rename(\(temporary), \(path))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
        // The new file is in place; a failure here only means the rename might not survive a
        // power cut, which the caller should still hear about.
        try syncDirectory(at: directory)
    }

    /// Publishes `bytes` at `path` the same way: the result packages of `kiemdiem export`, which
    /// the level above must never receive cut short.
    public static func publish(_ bytes: [UInt8], to path: String) throws(WorkbookError) {
        try publish(to: path) { (temporary: String) throws(WorkbookError) in
            let fd = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw systemError("open(\(temporary))") }
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let put = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
                if put < 0 && errno == EINTR { continue }
                guard put > 0 else { throw systemError("write(\(temporary))") }
                written += put
            }
        }
    }

    /// Splits a path into its directory (`.` when none) and last component.
    static func split(_ path: String) -> (directory: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// Creates an empty, exclusively named file (`.<base>.tmp-<pid>-<random>`) so two runs can
    /// never write to the same temporary; the leading dot keeps it out of casual listings.
    private static func reserveTemporary(in directory: String, base: String) throws(WorkbookError) -> String {
        for _ in 0..<8 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let candidate = "\(directory)/.\(base).tmp-\(getpid())-\(suffix)"
            // Mode 0666 filtered by the umask: the published workbook gets ordinary permissions.
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 {
                close(fd)
                return candidate
            }
            if errno != EEXIST { throw systemError("open(\(candidate))") }
        }
        throw WorkbookError("could not reserve a temporary file in \(directory)", function: "open")
    }

    private static func syncFile(at path: String) throws(WorkbookError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("open(\(path))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw systemError("fsync(\(path))") }
    }

    private static func syncDirectory(at path: String) throws(WorkbookError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("open(\(path))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw systemError("fsync(\(path))") }
    }

    private static func systemError(_ call: String) -> WorkbookError {
        let code = errno
        let message = SystemError.text(code)
        return WorkbookError("\(call): \(message)", function: call, systemErrno: code)
    }
}
