#if canImport(Glibc)
import Glibc
import CLinux
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call that failed while publishing a file: the call, its message, and `errno`.
public struct DurableFileError: Error, Sendable, CustomStringConvertible {
    /// The call as written in the message ("rename(/a/.b.tmp-1-x, /a/b)").
    public var call: String
    /// The system call's name ("rename"), or "open" when no temporary name was free.
    public var function: String
    public var systemErrno: Int32?
    public var description: String
}

/// Publishes a file so that readers see either the previous version or the complete new one
/// (the workbook and the return notices, README "The workbook").
///
/// The nightly run may be killed or fail half-way; the board must never open a truncated
/// file. The new file is written under a temporary name in the destination directory (same
/// file system, so `rename(2)` is atomic), flushed with `fsync`, renamed over the target, and the
/// directory is flushed so the rename itself survives a crash.
public enum DurableFile {
    /// The mark of a temporary: `.<base>.tmp-<pid>-<random>`. A run killed while writing leaves
    /// one; whoever holds the run lock may remove those it finds.
    public static let temporaryMark = ".tmp-"

    /// Whether `name` (a file name, no folder) is a temporary left while writing a file whose
    /// name ends in `suffix` (".docx"): what a sweep under the run lock may remove.
    public static func isTemporary(_ name: String, ofFileEndingIn suffix: String) -> Bool {
        name.hasPrefix(".") && name.contains(suffix + temporaryMark)
    }

    /// Runs `write` with a fresh temporary path next to `path`, then renames it over `path`.
    /// On any failure the temporary file is removed and the previous `path` is left untouched;
    /// `write`'s own error is rethrown as it is.
    public static func publish(to path: String, _ write: (String) throws -> Void) throws {
        let (directory, base) = split(path)
        let temporary = try reserveTemporary(in: directory, base: base)
        do {
            try write(temporary)
            try syncFile(at: temporary)
            guard rename(temporary, path) == 0 else { throw systemError("rename(\(temporary), \(path))", "rename") }
        } catch {
            unlink(temporary)
            throw error
        }
        // The new file is in place; a failure here only means the rename might not survive a
        // power cut, which the caller should still hear about.
        try syncDirectory(at: directory)
    }

    /// `bytes` published at `path`.
    public static func publish(_ bytes: [UInt8], to path: String) throws {
        try publish(to: path) { temporary in try write(bytes, to: temporary) }
    }

    /// `bytes` as the whole content of the (reserved, empty) file at `path`, not flushed.
    private static func write(_ bytes: [UInt8], to path: String) throws(DurableFileError) {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("open(\(path))", "open") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + written, raw.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw systemError("write(\(path))", "write") }
            written += n
        }
    }

    /// Publishes many files at once with the guarantee of `publish(_:to:)` for each: every file
    /// is written under its temporary name, the file system is flushed ONCE (`syncfs`), then each
    /// is renamed over its path and each directory flushed once. A year's thousand return notices
    /// cost a few flushes instead of two each (one fsync is a journal commit, about 3 ms).
    ///
    /// On a failure before the renames nothing is published and every temporary is removed; a
    /// failure during the renames leaves the files renamed so far published (each complete) and
    /// removes the others' temporaries. A kill leaves temporaries, which the caller's next run
    /// sweeps (`temporaryMark`).
    public static func publishAll(_ files: [(path: String, bytes: [UInt8])]) throws {
        guard !files.isEmpty else { return }
        var temporaries: [String] = []
        var renamed = 0
        defer { for temporary in temporaries[renamed...] { unlink(temporary) } }
        for file in files {
            let (directory, base) = split(file.path)
            let temporary = try reserveTemporary(in: directory, base: base)
            temporaries.append(temporary)
            try write(file.bytes, to: temporary)
        }
        try syncFileSystem(of: split(files[0].path).directory)
        for (file, temporary) in zip(files, temporaries) {
            guard rename(temporary, file.path) == 0 else { throw systemError("rename(\(temporary), \(file.path))", "rename") }
            renamed += 1
        }
        var directories: [String] = []
        for file in files {
            let directory = split(file.path).directory
            if !directories.contains(directory) { directories.append(directory) }
        }
        for directory in directories { try syncDirectory(at: directory) }
    }

    /// Splits a path into its directory (`.` when none) and last component.
    public static func split(_ path: String) -> (directory: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// Creates an empty, exclusively named file (`.<base>.tmp-<pid>-<random>`) so two runs can
    /// never write to the same temporary; the leading dot keeps it out of casual listings.
    private static func reserveTemporary(in directory: String, base: String) throws(DurableFileError) -> String {
        for _ in 0..<8 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let candidate = "\(directory)/.\(base)\(temporaryMark)\(getpid())-\(suffix)"
            // Mode 0666 filtered by the umask: the published file gets ordinary permissions.
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 {
                close(fd)
                return candidate
            }
            if errno != EEXIST { throw systemError("open(\(candidate))", "open") }
        }
        let call = "could not reserve a temporary file in \(directory)"
        throw DurableFileError(call: call, function: "open", systemErrno: nil, description: call)
    }

    private static func syncFile(at path: String) throws(DurableFileError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("open(\(path))", "open") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw systemError("fsync(\(path))", "fsync") }
    }

    /// Flushes the file system that holds `directory`: every file written to it so far is on disk.
    private static func syncFileSystem(of directory: String) throws(DurableFileError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("open(\(directory))", "open") }
        defer { close(fd) }
        guard syncfs(fd) == 0 else { throw systemError("syncfs(\(directory))", "syncfs") }
    }

    private static func syncDirectory(at path: String) throws(DurableFileError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("open(\(path))", "open") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw systemError("fsync(\(path))", "fsync") }
    }

    private static func systemError(_ call: String, _ function: String) -> DurableFileError {
        let code = errno
        return DurableFileError(call: call, function: function, systemErrno: code,
                                description: "\(call): \(SystemError.text(code))")
    }
}
