/// Checkbox glyphs in the symbol fonts forms use, and typed Unicode boxes and ticks.
enum SymbolFont: Sendable, Equatable {
    case wingdings
    case wingdings2

    static func forFont(_ name: String) -> SymbolFont? {
        switch name.trimmingWhitespace.lowercased() {
        case "wingdings": return .wingdings
        case "wingdings 2": return .wingdings2
        default: return nil
        }
    }

    /// Symbol fonts are addressed either by the byte or by its private-use alias U+F0xx.
    func checkbox(_ code: UInt32) -> Bool? {
        let byte = (0xF000...0xF0FF).contains(code) ? code - 0xF000 : code
        switch self {
        case .wingdings:
            switch byte {
            case 0xFE, 0xFD, 0x78, 0xFC, 0xFB: return true
            case 0xA8, 0x6F: return false
            default: return nil
            }
        case .wingdings2:
            switch byte {
            case 0x52, 0x53, 0x54, 0x50, 0x4F: return true
            case 0xA3, 0x2A: return false
            default: return nil
            }
        }
    }
}

enum CheckGlyph {
    static let checked: Unicode.Scalar = "\u{2612}"
    static let unchecked: Unicode.Scalar = "\u{2610}"

    /// ☒ ☑ ✓ ✔ ✗ ✘ ■ read as a ticked box, ☐ □ as an empty one.
    static func state(of scalar: Unicode.Scalar) -> Bool? {
        switch scalar.value {
        case 0x2612, 0x2611, 0x2713, 0x2714, 0x2717, 0x2718, 0x25A0: return true
        case 0x2610, 0x25A1: return false
        default: return nil
        }
    }
}
