import KiemdiemCore
import OOXMLPackage

extension StoryWalker {
    /// DrawingML/VML: only text boxes carry text. Their paragraphs are a story of their own,
    /// placed after the anchoring paragraph.
    func drawing(into builder: inout ParagraphBuilder) throws(PackageFailure) {
        try drawingChildren(of: cursor.depth, into: &builder)
    }

    func drawingChildren(of depth: Int, into builder: inout ParagraphBuilder) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.w, "txbxContent") {
                let savedFields = fields
                let savedPending = pendingCheckbox
                let savedJoining = joining
                fields = []
                pendingCheckbox = nil
                joining = nil
                var blocks: [Block] = []
                try blockChildren(of: cursor.depth, into: &blocks)
                flushJoining(into: &blocks)
                fields = savedFields
                pendingCheckbox = savedPending
                joining = savedJoining
                builder.floating.append(contentsOf: blocks)
            } else if cursor.name.namespace == .mc && cursor.name.local == "AlternateContent" {
                try alternateContent { d throws(PackageFailure) in try self.drawingChildren(of: d, into: &builder) }
            } else {
                try drawingChildren(of: cursor.depth, into: &builder)
            }
        }
    }
}
