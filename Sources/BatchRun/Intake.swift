import Foundation
import KiemdiemCore
import OOXMLPackage

/// One entry found in the inbox: its path as the kernel knows it (bytes, which need not be
/// UTF-8) and as a person reads it (escaped, see `DisplayName`).
struct InboxEntry: Sendable {
    /// The absolute path, NUL-terminated, for the system calls.
    let path: [CChar]
    /// Its folder, NUL-terminated: the folder to fsync once the file has left it.
    let folder: [CChar]
    /// Relative to the inbox, "chi-bo-1/ten.docx": the subfolder is kept as provenance.
    let relative: String
    /// The last component, escaped.
    let name: String
    let info: stat
}

/// Which inbox entries the run may take, and how they are found.
enum Intake {
    enum Decision: Equatable {
        case ready
        /// Ready, but its modification time is in the future: the uploader's clock is wrong, so
        /// there is no telling when it settled. Taken, with a warning (README, "Only finished
        /// uploads are taken").
        case readyFromTheFuture
        case unsettled
        case notDocx
        /// A link, a FIFO, a device: never followed or opened; left in the inbox with a warning.
        case notRegular
        case ignored
    }

    /// How deep subfolders of the inbox are read (boards sort uploads by chi bộ): deeper ones
    /// are reported, never silently skipped.
    static let maxDepth = 3

    /// Only settled `.docx` files (any case; `rollup` takes `.kiemdiem` packages); Word's owner files (`~$…`), LibreOffice locks
    /// (`.~lock…`), temporary and hidden files are someone's work in progress. The `lstat(2)`
    /// came with the entry (FileManager's attributes cost several times that at 100,000 files).
    static func classify(_ entry: InboxEntry, settleSeconds: Double, now: Date, suffix: String = ".docx") -> Decision {
        let name = entry.name
        if ignoredName(name) { return .ignored }
        guard entry.info.st_mode & S_IFMT == S_IFREG else { return .notRegular }
        guard name.lowercased().hasSuffix(suffix) else { return .notDocx }
        let modified = Double(entry.info.st_mtim.tv_sec) + Double(entry.info.st_mtim.tv_nsec) / 1e9
        let age = now.timeIntervalSince1970 - modified
        if age >= settleSeconds { return .ready }
        // A few seconds ahead is a share's clock drifting during an upload: wait. Further ahead
        // can never settle by waiting, so it must not defer the file forever.
        return -age > max(settleSeconds, 1) ? .readyFromTheFuture : .unsettled
    }

    static func ignoredName(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$") || name.lowercased().hasSuffix(".tmp")
    }

    /// Every entry of the inbox and of its subfolders down to `maxDepth`, in name order of the
    /// relative paths. Hidden folders are someone's work in progress, like hidden files;
    /// linked folders are not followed. `tooDeep` names the folders left unread (too deep, or
    /// not readable, with the reason).
    static func list(_ inbox: String) throws(WorkspaceError) -> (entries: [InboxEntry], tooDeep: [String]) {
        var entries: [InboxEntry] = []
        var tooDeep: [String] = []
        guard let top = opendir(inbox) else {
            throw WorkspaceError("không đọc được hộp thư đến \(DisplayName.escaped(inbox)): \(SystemError.text(errno))")
        }
        closedir(top)
        func walk(_ folder: [UInt8], relative: String, depth: Int) {
            guard let dir = opendir(folder.map { CChar(bitPattern: $0) } + [0]) else {
                tooDeep.append(relative + " (\(SystemError.text(errno)))")
                return
            }
            defer { closedir(dir) }
            while let item = readdir(dir) {
                var raw = withUnsafeBytes(of: item.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if raw == [0x2E] || raw == [0x2E, 0x2E] { continue }
                let name = DisplayName.escaped(bytes: raw)
                var path = folder
                path.append(UInt8(ascii: "/"))
                path += raw
                raw = path
                raw.append(0)
                var info = stat()
                let cPath = raw.map { CChar(bitPattern: $0) }
                guard lstat(cPath, &info) == 0 else { continue }   // gone since readdir: nothing to take
                let shown = relative.isEmpty ? name : relative + "/" + name
                if info.st_mode & S_IFMT == S_IFDIR {
                    if name.hasPrefix(".") { continue }
                    if depth >= maxDepth { tooDeep.append(shown); continue }
                    walk(path, relative: shown, depth: depth + 1)
                    continue
                }
                entries.append(InboxEntry(path: cPath, folder: folder.map { CChar(bitPattern: $0) } + [0], relative: shown,
                                          name: name, info: info))
            }
        }
        walk(Array(inbox.utf8), relative: "", depth: 0)
        entries.sort { $0.relative < $1.relative }
        return (entries, tooDeep.sorted())
    }
}

/// The name a file carries in processing/, and the name it is recorded under.
///
/// "00000012-0000001--chi-bo-1%2Ften.docx": the run id, the claim's sequence number in the run,
/// and the original relative path with "%" and "/" encoded. Zero padding makes the name order
/// the claim order, so the files an interrupted run left are finished in the order they arrived,
/// whatever the clock did (no timestamp in it). The run id makes it unique across runs
/// (arrivals.claimed_as is UNIQUE). A name that would not fit NAME_MAX is shortened and given a
/// hash of the whole, and the shortened name is the one recorded, so a run killed before
/// recording it records the same name as an uninterrupted one.
enum ClaimedName {
    static let nameMax = 255

    static func make(relative: String, runID: Int64, sequence: Int) -> String {
        let prefix = String(format: "%08lld-%07d--", runID, sequence)
        var encoded = relative.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
        let room = nameMax - prefix.utf8.count
        if encoded.utf8.count > room {
            let digest = String(ContentDigest.sha256Hex(Array(relative.utf8)).prefix(12))
            let ext = (relative as NSString).pathExtension
            let tail = "~" + digest + (ext.isEmpty || ext.utf8.count > 16 ? "" : "." + ext)
            var head = ""
            for character in encoded {
                guard head.utf8.count + character.utf8.count + tail.utf8.count <= room else { break }
                head.append(character)
            }
            // Never cut through a "%2F": it would decode to a different name.
            if let percent = head.suffix(2).lastIndex(of: "%") { head = String(head[..<percent]) }
            encoded = head + tail
        }
        return prefix + encoded
    }

    /// The recorded original path ("chi-bo-1/ten.docx") of a claimed name; names of older
    /// versions ("20201231T220509-000001-00001--ten.docx") carry it after "--" too.
    static func original(_ claimed: String) -> String {
        guard let range = claimed.range(of: "--") else { return claimed }
        return String(claimed[range.upperBound...]).replacingOccurrences(of: "%2F", with: "/")
            .replacingOccurrences(of: "%25", with: "%")
    }

    /// The name the file is filed under in archive/ or rejected/: the last component.
    static func fileName(ofOriginal original: String) -> String {
        // NSString's lastPathComponent, without bridging the string for every file.
        guard ByteSearch.contains(original, byte: UInt8(ascii: "/")) else { return original }
        return original.split(separator: "/").last.map(String.init) ?? original
    }
}
