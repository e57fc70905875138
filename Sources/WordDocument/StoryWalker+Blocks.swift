import KiemdiemCore
import OOXMLPackage

extension StoryWalker {
    // MARK: Block level (body, cells, text boxes, headers, block-level sdt)

    func blockChildren(of depth: Int, into blocks: inout [Block]) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            if cursor.kind == .startElement { try blockElement(into: &blocks) }
        }
    }

    func blockElement(into blocks: inout [Block]) throws(PackageFailure) {
        let name = cursor.name
        if name.namespace == .w {
            switch name.local {
            case "p":
                blocks.append(contentsOf: try paragraph())
                return
            case "tbl":
                // Word never joins a paragraph with a table: the mark before a table stays.
                flushJoining(into: &blocks)
                blocks.append(.table(try table()))
                return
            case "sdt":
                // A block-level control holds whole paragraphs: joining across its edge would
                // give one paragraph two different sets of enclosing controls.
                flushJoining(into: &blocks)
                try blockContentControl { depth throws(PackageFailure) in try self.blockChildren(of: depth, into: &blocks) }
                flushJoining(into: &blocks)
                return
            case "altChunk":
                session.altChunks += 1
                try cursor.skipElement()
                return
            case "sectPr":
                try sectionProperties()
                return
            default:
                break
            }
        }
        if name.namespace == .m {
            // A display equation at block level is a paragraph of its own.
            flushJoining(into: &blocks)
            var builder = ParagraphBuilder(controls: controls)
            try math(into: &builder)
            blocks.append(.paragraph(builder.finish()))
            return
        }
        try throughWrapper(at: .block) { depth throws(PackageFailure) in try self.blockChildren(of: depth, into: &blocks) }
    }


    func sectionProperties() throws(PackageFailure) {
        var references: [HeaderReference] = []
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.w, "headerReference"), let id = cursor.attribute(.r, "id") {
                references.append(HeaderReference(type: cursor.attribute(.w, "type") ?? "default", relationshipID: id))
            }
            try cursor.skipElement()
        }
        headerReferences.append(references)
    }
}
