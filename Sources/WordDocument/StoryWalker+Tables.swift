import KiemdiemCore
import OOXMLPackage

extension StoryWalker {
    // MARK: Tables

    func table() throws(PackageFailure) -> Table {
        var rows: [TableRow] = []
        try tableChildren(of: cursor.depth, into: &rows)
        return Table(rows: rows)
    }

    func tableChildren(of depth: Int, into rows: inout [TableRow]) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            let name = cursor.name
            switch (name.namespace, name.local) {
            case (.w, "tr"):
                if let row = try row() { rows.append(row) }
            case (.w, "sdt"):
                try blockContentControl { d throws(PackageFailure) in try self.tableChildren(of: d, into: &rows) }
            default:
                try throughWrapper(at: .table) { d throws(PackageFailure) in try self.tableChildren(of: d, into: &rows) }
            }
        }
    }

    /// `nil` for a row whose deletion is tracked: accepting the revision removes it.
    func row() throws(PackageFailure) -> TableRow? {
        var cells: [TableCell] = []
        var deleted = false
        try rowChildren(of: cursor.depth, into: &cells, deleted: &deleted)
        return deleted ? nil : TableRow(cells: cells)
    }

    func rowChildren(of depth: Int, into cells: inout [TableCell], deleted: inout Bool) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            let name = cursor.name
            switch (name.namespace, name.local) {
            case (.w, "tc"):
                cells.append(try cell())
            case (.w, "trPr"):
                let pDepth = cursor.depth
                while try cursor.nextChild(of: pDepth) {
                    guard cursor.kind == .startElement else { continue }
                    if cursor.name == XMLName(.w, "del") { deleted = true; session.trackedChanges = true }
                    if cursor.name == XMLName(.w, "ins") { session.trackedChanges = true }
                    try cursor.skipElement()
                }
            case (.w, "sdt"):
                try blockContentControl { d throws(PackageFailure) in
                    try self.rowChildren(of: d, into: &cells, deleted: &deleted)
                }
            default:
                try throughWrapper(at: .row) { d throws(PackageFailure) in
                    try self.rowChildren(of: d, into: &cells, deleted: &deleted)
                }
            }
        }
    }

    func cell() throws(PackageFailure) -> TableCell {
        var result = TableCell(blocks: [])
        var blocks: [Block] = []
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            guard cursor.name == XMLName(.w, "tcPr") else {
                try blockElement(into: &blocks)
                continue
            }
            let pDepth = cursor.depth
            while try cursor.nextChild(of: pDepth) {
                guard cursor.kind == .startElement else { continue }
                if cursor.name.namespace == .w {
                    switch cursor.name.local {
                    case "gridSpan":
                        result.gridSpan = max(1, cursor.attribute(.w, "val").flatMap { Int($0) } ?? 1)
                    case "vMerge":
                        // No value means "continue": the cell above holds the content.
                        result.isMergeContinuation = (cursor.attribute(.w, "val") ?? "continue") == "continue"
                    case "hMerge":
                        if (cursor.attribute(.w, "val") ?? "continue") == "continue" { result.isMergeContinuation = true }
                    case "cellIns", "cellDel", "cellMerge":
                        session.trackedChanges = true
                    default:
                        break
                    }
                }
                try cursor.skipElement()
            }
        }
        flushJoining(into: &blocks)
        result.blocks = blocks
        return result
    }
}
