import Foundation
import KiemdiemCore
import OOXMLPackage
import Testing
@testable import WordDocument

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reader")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(name)))
    }

    static func read(_ name: String, limits: PackageLimits = PackageLimits()) throws -> WordDocument {
        try WordReader(limits: limits).read(try bytes(name))
    }

    static func failure(_ name: String) throws -> FindingCode? {
        let data = try bytes(name)
        do throws(ReadFailure) {
            _ = try WordReader().read(data)
            return nil
        } catch {
            return error.finding.code
        }
    }
}

/// Every paragraph in reading order, table cells included (row by row, cell by cell).
func paragraphs(_ blocks: [Block]) -> [Paragraph] {
    var out: [Paragraph] = []
    for block in blocks {
        switch block {
        case .paragraph(let p): out.append(p)
        case .table(let t): for row in t.rows { for cell in row.cells { out += paragraphs(cell.blocks) } }
        }
    }
    return out
}

func texts(_ document: WordDocument) -> [String] {
    paragraphs(document.body).map(\.text)
}

func tables(_ blocks: [Block]) -> [Table] {
    blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
}
