import Foundation

/// The folders a run files into (archive/<year>/<cell>/, rejected/<day>/) and the names it has
/// given out there but not yet moved into them. A free name ("ten.docx", then "ten (2).docx",
/// …) costs one `lstat` per candidate, and a folder is made once per run: FileManager's
/// existence checks and its directory walk per move were a fifth of the recording thread.
/// Memory stays flat: what is on disk is asked of the disk, only the current batch is kept.
struct Destinations {
    let root: String
    /// Folders known to exist (relative).
    private var made: Set<String> = []
    /// Relative paths given to files of the batch being recorded, not on disk yet.
    private var pending: Set<String> = []

    init(workspace: Workspace) {
        root = workspace.root.path
    }

    /// A relative path "folder/name" free on disk and not given out in this batch; the folder
    /// exists afterwards.
    mutating func give(_ name: String, in folder: String) throws(WorkspaceError) -> String {
        if !made.contains(folder) {
            try Workspace.makeDirectory(URL(fileURLWithPath: root + "/" + folder))
            made.insert(folder)
        }
        var candidate = folder + "/" + name
        var n = 2
        var info = stat()
        // Split only when the name is taken (rare): NSString's path methods bridge the string.
        lazy var base = (name as NSString).deletingPathExtension
        lazy var ext = (name as NSString).pathExtension
        while pending.contains(candidate) || lstat(root + "/" + candidate, &info) == 0 {
            candidate = folder + "/" + (ext.isEmpty ? "\(base) (\(n))" : "\(base) (\(n)).\(ext)")
            n += 1
        }
        pending.insert(candidate)
        return candidate
    }

    /// The batch's files are where they were given to go (or the batch failed): forget them.
    mutating func settle() {
        pending.removeAll(keepingCapacity: true)
    }

    /// The absolute path of a relative one.
    func path(_ relative: String) -> String { root + "/" + relative }
}
