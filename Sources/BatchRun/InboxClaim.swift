import Foundation
import KiemdiemCore
import OOXMLPackage

/// Moving one upload from the inbox into processing/ (README, "Nothing is lost").
///
/// On one filesystem this is a `rename(2)`. When the inbox is another mount (a share, a bind
/// mount, a tmpfs: the rename fails with EXDEV) the file is copied, and the upload removed only
/// once the copy is on disk and has the upload's SHA-256. The steps, so that a kill at any point
/// leaves exactly one copy that the next run takes (`recoverCopies`):
/// 1. `.src-<claimed>` records the upload's path (its bytes: a name need not be UTF-8), fsync'd;
/// 2. the bytes go to `.copy-<claimed>`, fsync'd, read back and hashed;
/// 3. processing/ is fsync'd, then the upload is unlinked and the inbox fsync'd;
/// 4. `.copy-<claimed>` is renamed to its claimed name and `.src-<claimed>` removed.
enum InboxClaim {
    enum Outcome: Equatable {
        case claimed
        /// Gone between the listing and the claim: nothing to take.
        case vanished
    }

    /// A failure of this upload alone (left in the inbox, reported, the run goes on), as opposed
    /// to a `WorkspaceError` of the workspace (74).
    struct FileFailure: Error {
        let reason: String
    }

    enum Failure: Error {
        case file(FileFailure)
        case workspace(WorkspaceError)
    }

    static let sourcePrefix = ".src-", copyPrefix = ".copy-"

    static func claim(_ entry: InboxEntry, to processing: String, as claimed: String) throws(Failure) -> Outcome {
        let destination = processing + "/" + claimed
        var info = stat()
        if lstat(destination, &info) == 0 { throw .workspace(WorkspaceError("đích đã tồn tại: \(destination)")) }
        if rename(entry.path, destination) == 0 { return .claimed }
        switch errno {
        case ENOENT:
            return lstat(entry.path, &info) == 0 ? try copyFailure() : .vanished
        case EXDEV:
            return try copyAcross(entry, to: processing, as: claimed)
        default:
            throw .file(FileFailure(reason: SystemError.text(errno)))
        }
        func copyFailure() throws(Failure) -> Outcome {
            throw .workspace(WorkspaceError("không chuyển được vào \(processing): \(SystemError.text(ENOENT))"))
        }
    }

    private static func copyAcross(_ entry: InboxEntry, to processing: String, as claimed: String) throws(Failure) -> Outcome {
        let sidecar = processing + "/" + sourcePrefix + claimed
        let copy = processing + "/" + copyPrefix + claimed
        let source = open(entry.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard source >= 0 else {
            if errno == ENOENT { return .vanished }
            throw .file(FileFailure(reason: SystemError.text(errno)))
        }
        defer { close(source) }
        var info = stat()
        guard fstat(source, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw .file(FileFailure(reason: "không phải tệp thường"))
        }
        var rawSource = entry.path.map { UInt8(bitPattern: $0) }
        if rawSource.last == 0 { rawSource.removeLast() }
        do {
            try writeDurably(sidecar, rawSource)
        } catch {
            throw .workspace(error)
        }
        let sourceDigest: String
        do {
            sourceDigest = try copyBytes(from: source, size: Int(info.st_size), to: copy)
        } catch {
            unlink(copy)
            unlink(sidecar)
            throw error
        }
        guard ContentDigest.sha256Hex(fileAt: copy) == sourceDigest else {
            unlink(copy)
            unlink(sidecar)
            throw .workspace(WorkspaceError("bản sao của \(entry.relative) trong \(processing) khác bản gốc (SHA-256)"))
        }
        Workspace.syncDirectory(URL(fileURLWithPath: processing))
        guard unlink(entry.path) == 0 || errno == ENOENT else {
            let reason = SystemError.text(errno)
            unlink(copy)
            unlink(sidecar)
            throw .file(FileFailure(reason: "không xóa được tệp gốc sau khi sao chép: \(reason)"))
        }
        Workspace.syncDirectory(raw: entry.folder)
        guard rename(copy, processing + "/" + claimed) == 0 else {
            throw .workspace(WorkspaceError("không đổi tên được \(copy): \(SystemError.text(errno))"))
        }
        unlink(sidecar)
        return .claimed
    }

    /// Copies at most `size` bytes (what fstat said: a file growing meanwhile is not waited on),
    /// fsyncs the copy and returns the SHA-256 of the bytes read.
    private static func copyBytes(from source: Int32, size: Int, to path: String) throws(Failure) -> String {
        let target = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard target >= 0 else { throw .workspace(WorkspaceError("không tạo được \(path): \(SystemError.text(errno))")) }
        defer { close(target) }
        var bytes = [UInt8](repeating: 0, count: size)
        var count = 0
        while count < size {
            let got = bytes.withUnsafeMutableBytes { read(source, $0.baseAddress! + count, size - count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { throw .file(FileFailure(reason: SystemError.text(errno))) }
            if got == 0 { break }
            count += got
        }
        var written = 0
        while written < count {
            let put = bytes.withUnsafeBytes { write(target, $0.baseAddress! + written, count - written) }
            if put < 0 && errno == EINTR { continue }
            if put <= 0 { throw .workspace(WorkspaceError("không ghi được \(path): \(SystemError.text(errno))")) }
            written += put
        }
        guard fsync(target) == 0 else {
            throw .workspace(WorkspaceError("không ghi được \(path): \(SystemError.text(errno))"))
        }
        return ContentDigest.sha256Hex(Array(bytes[..<count]))
    }

    private static func writeDurably(_ path: String, _ bytes: [UInt8]) throws(WorkspaceError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WorkspaceError("không tạo được \(path): \(SystemError.text(errno))") }
        defer { close(fd) }
        let put = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard put == bytes.count, fsync(fd) == 0 else {
            throw WorkspaceError("không ghi được \(path): \(SystemError.text(errno))")
        }
    }

    /// What a run killed inside a cross-device claim left in processing/. Until the upload is
    /// unlinked the upload is the one copy, and the partial or unconfirmed copy is removed; after
    /// it, the copy (complete and verified before the unlink) is the one, and takes its claimed
    /// name. Returns the claimed names it completed, to be read like any file left in processing/.
    static func recoverCopies(in processing: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: processing)) ?? []
        var completed: [String] = []
        for name in names where name.hasPrefix(sourcePrefix) {
            let claimed = String(name.dropFirst(sourcePrefix.count))
            let sidecar = processing + "/" + name, copy = processing + "/" + copyPrefix + claimed
            var info = stat()
            if lstat(copy, &info) == 0 {
                let source = FileManager.default.contents(atPath: sidecar).map { [UInt8]($0) } ?? []
                let sourcePath = source.map { CChar(bitPattern: $0) } + [0]
                if !source.isEmpty && lstat(sourcePath, &info) == 0 {
                    unlink(copy)
                } else if rename(copy, processing + "/" + claimed) == 0 {
                    completed.append(claimed)
                }
            }
            unlink(sidecar)
        }
        // A copy without its record of the source cannot be told apart from the upload: keep it,
        // never lose one.
        for name in names where name.hasPrefix(copyPrefix) && !names.contains(sourcePrefix + name.dropFirst(copyPrefix.count)) {
            let claimed = String(name.dropFirst(copyPrefix.count))
            if rename(processing + "/" + name, processing + "/" + claimed) == 0 { completed.append(claimed) }
        }
        if !names.isEmpty { Workspace.syncDirectory(URL(fileURLWithPath: processing)) }
        return completed
    }
}
