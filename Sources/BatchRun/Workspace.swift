import Foundation
import KiemdiemCore
import Ledger

/// An I/O failure on the workspace (exit 74): nothing is lost, the next run finishes the work.
public struct WorkspaceError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The workspace folders of contract §4, and the only code that moves submitted files.
///
/// Every move is a `rename(2)` inside one filesystem, followed by an fsync of the directories
/// involved, so a file is always in exactly one place, whatever moment the process dies.
struct Workspace: Sendable {
    let root: URL
    /// The store: `kiemdiem.sqlite` here, or the board's schema in a shared database.
    let storeLocation: StoreLocation

    var processing: URL { root.appendingPathComponent("processing") }
    var archive: URL { root.appendingPathComponent("archive") }
    var rejected: URL { root.appendingPathComponent("rejected") }
    var logs: URL { root.appendingPathComponent("logs") }
    var store: URL { root.appendingPathComponent("kiemdiem.sqlite") }
    var rejectionLog: URL { logs.appendingPathComponent("rejections.jsonl") }
    var auditLog: URL { logs.appendingPathComponent("audit.jsonl") }

    init(path: String) {
        root = URL(fileURLWithPath: path)
        storeLocation = .sqlite(path: root.appendingPathComponent("kiemdiem.sqlite").path)
    }

    init(_ config: PipelineConfig) {
        root = URL(fileURLWithPath: config.workspace)
        storeLocation = config.storeLocation()
    }

    /// How messages name the store (a shared store's URI without its password).
    var storeName: String { storeLocation.displayName }

    func prepare() throws(WorkspaceError) {
        for dir in [root, processing, archive, rejected, logs] {
            try Workspace.makeDirectory(dir)
        }
    }

    static func makeDirectory(_ url: URL) throws(WorkspaceError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            var info = stat()
            if lstat(url.path, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR {
                throw WorkspaceError("không tạo được thư mục \(url.path): một tệp (không phải thư mục) đang nằm ở đó")
            }
            throw WorkspaceError("không tạo được thư mục \(url.path): \(SystemError.text(error))")
        }
    }

    /// Atomically moves `source` to `destination`, creating its folder; never overwrites.
    static func move(_ source: URL, to destination: URL) throws(WorkspaceError) {
        try moveUnsynced(source, to: destination)
        syncDirectories([destination.deletingLastPathComponent(), source.deletingLastPathComponent()])
    }

    /// The `rename(2)` of `move` without its folder fsyncs, for a group of moves made durable
    /// together by one `syncDirectories` over the folders involved. Until then a power loss may
    /// undo a rename (the file is found where it was: in the inbox, or in processing/ with its
    /// record, and the next run takes it from there); it can never duplicate the file.
    static func moveUnsynced(_ source: URL, to destination: URL) throws(WorkspaceError) {
        try makeDirectory(destination.deletingLastPathComponent())
        try rename(source.path, to: destination.path)
    }

    /// `rename(2)` into an existing folder, never over an existing file.
    static func rename(_ source: String, to destination: String) throws(WorkspaceError) {
        var info = stat()
        if lstat(destination, &info) == 0 { throw WorkspaceError("đích đã tồn tại: \(destination)") }
        guard Glibc.rename(source, destination) == 0 else {
            throw WorkspaceError("không chuyển được \(source) → \(destination): \(SystemError.text(errno))")
        }
    }

    /// fsyncs each folder once, however many renames it took part in.
    static func syncDirectories(_ folders: [URL]) {
        syncDirectories(paths: folders.map(\.path))
    }

    static func syncDirectories(paths folders: [String]) {
        var seen = Set<String>()
        for folder in folders where seen.insert(folder).inserted {
            syncDirectory(URL(fileURLWithPath: folder))
        }
    }

    /// Makes a rename durable: without it the kernel may forget the new directory entry on power loss.
    static func syncDirectory(_ url: URL) {
        syncDirectory(raw: Array(url.path.utf8CString))
    }

    /// The same for a path held as bytes (an inbox folder whose name need not be UTF-8).
    static func syncDirectory(raw path: [CChar]) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// A folder name from an organisation name: NFC, no path separators, not empty.
    static func folderName(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "khong-ro-chi-bo" }
        return isPlainFolderName(text) ? text : cleanedFolderName(text)
    }

    /// `folderName` of any non-empty text: NFC, the characters a file system or Windows refuses
    /// replaced, spaces trimmed, at most 100 Characters.
    static func cleanedFolderName(_ text: String) -> String {
        let cleaned = text.precomposedStringWithCanonicalMapping.map { ch -> Character in
            "/\\:*?\"<>|".contains(ch) || ch.isNewline ? "-" : ch
        }
        let name = String(cleaned).trimmingCharacters(in: .whitespaces)
        return name.isEmpty || name.hasPrefix(".") ? "khong-ro-chi-bo" : String(name.prefix(100))
    }

    /// Whether `folderName` gives `text` back as it is: printable Latin and precomposed
    /// Vietnamese only (NFC already, one scalar per Character: the ranges of WordDocument's
    /// `ParagraphBuilder.triviallyNFCRanges`), no character it replaces, no space or dot it
    /// trims or refuses at the ends, at most 100 long. Nearly every cell's name: the check costs
    /// a pass over the bytes, the general path a Foundation normalisation and a trim per file.
    static func isPlainFolderName(_ text: String) -> Bool {
        var count = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22, 0x2A, 0x2F, 0x3A, 0x3C, 0x3E, 0x3F, 0x5C, 0x7C: return false   // " * / : < > ? \ |
            case 0x20...0x7E, 0xA1...0x2FF, 0x1E00...0x1EFF: count += 1
            default: return false   // controls, line ends (U+0085), no-break space, anything else
            }
        }
        let first = text.unicodeScalars.first!, last = text.unicodeScalars.last!
        return count <= 100 && first != " " && first != "." && last != " "
    }
}

/// One run at a time: `flock(2)` on the workspace folder itself, not on a file in it, so a lock
/// file deleted mid-run (or never there) lets no second run in. The kernel drops the lock when
/// the process dies, even by SIGKILL, so there is never a stale lock to clean up.
final class RunLock {
    private let fd: Int32

    /// `nil` when another run holds the lock.
    convenience init?(workspace: Workspace) throws(WorkspaceError) {
        try self.init(path: workspace.root.path)
    }

    /// `nil` when another run holds the lock.
    init?(path: String) throws(WorkspaceError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw WorkspaceError("không mở được thư mục làm việc \(path): \(SystemError.text(errno))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

extension RunLock {
    /// Whether a live process holds the run's lock on `path`, and which (`status`: a run in
    /// progress is not a killed one). Read from /proc/locks, without taking the lock, so a run
    /// starting at that moment is never refused because of `status`; where /proc/locks cannot be
    /// read, the lock is tried without waiting and let go at once. `pid` is 0 when unknown.
    static func holder(path: String) -> (held: Bool, pid: Int32)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) {
            let dev = UInt64(info.st_dev)
            let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~UInt64(0xfff))
            let minor = (dev & 0xff) | ((dev >> 12) & ~UInt64(0xff))
            let wanted = String(format: "%02llx:%02llx:%llu", major, minor, UInt64(info.st_ino))
            for line in table.split(separator: "\n") {
                let fields = line.split(separator: " ")
                // "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"; waiters are marked "->".
                guard !fields.contains("->"), let kind = fields.firstIndex(of: "FLOCK"), fields.count > kind + 4,
                      fields[kind + 4] == wanted else { continue }
                return (true, Int32(fields[kind + 3]) ?? 0)
            }
            return (false, 0)
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return (true, 0) }
        flock(fd, LOCK_UN)
        return (false, 0)
    }
}
