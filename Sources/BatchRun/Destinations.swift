import Foundation

/// The folders a run files into (archive/<year>/<cell>/, rejected/<day>/), each listed once:
/// choosing a free name ("ten.docx", then "ten (2).docx", …) then costs no `stat` per file and
/// making the folder no walk up its path (a fifth of the recording thread in perf). The listing
/// stays true for the whole run because only the run holding the lock writes into these
/// folders, and every name this run gives out is added to it, moved there or not yet.
struct Destinations {
    let root: String
    /// Relative folder → the names in it and the names already given out.
    private var folders: [String: Set<String>] = [:]

    init(workspace: Workspace) {
        root = workspace.root.path
    }

    /// A relative path "folder/name" not taken yet, and now taken; the folder exists afterwards.
    mutating func give(_ name: String, in folder: String) throws(WorkspaceError) -> String {
        var names: Set<String>
        if let known = folders[folder] {
            names = known
        } else {
            let path = root + "/" + folder
            try Workspace.makeDirectory(URL(fileURLWithPath: path))
            names = Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
        }
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        var candidate = name
        var n = 2
        while names.contains(candidate) {
            candidate = ext.isEmpty ? "\(base) (\(n))" : "\(base) (\(n)).\(ext)"
            n += 1
        }
        names.insert(candidate)
        folders[folder] = names
        return folder + "/" + candidate
    }

    /// The absolute path of a relative one.
    func path(_ relative: String) -> String { root + "/" + relative }
}
