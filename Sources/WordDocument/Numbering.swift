import OOXMLPackage

/// `numbering.xml`: list definitions (`w:abstractNum`) and their instances (`w:num`).
struct NumberingDefinitions: Sendable {
    struct Level: Sendable {
        var start = 0
        var format = "decimal"
        var text: String?
    }
    struct Instance: Sendable {
        var abstractID: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    var abstracts: [Int: [Int: Level]] = [:]
    /// `w:numStyleLink`: this definition takes its levels from a numbering style.
    var styleLinks: [Int: String] = [:]
    var instances: [Int: Instance] = [:]

    static let empty = NumberingDefinitions()

    static func parse(_ bytes: [UInt8], part: String, limits: PackageLimits) throws(PackageFailure) -> NumberingDefinitions {
        try XMLCursor.read(bytes, part: part, limits: limits) { cursor throws(PackageFailure) in
            var defs = NumberingDefinitions()
            while try cursor.next() {
                guard cursor.kind == .startElement, cursor.name.namespace == .w else { continue }
                switch cursor.name.local {
                case "abstractNum":
                    guard let id = cursor.attribute(.w, "abstractNumId").flatMap({ Int($0) }) else {
                        try cursor.skipElement(); continue
                    }
                    var levels: [Int: Level] = [:]
                    let depth = cursor.depth
                    while try cursor.nextChild(of: depth) {
                        guard cursor.kind == .startElement else { continue }
                        if cursor.name == XMLName(.w, "lvl") {
                            let ilvl = cursor.attribute(.w, "ilvl").flatMap { Int($0) } ?? 0
                            levels[ilvl] = try parseLevel(cursor)
                        } else if cursor.name == XMLName(.w, "numStyleLink") {
                            defs.styleLinks[id] = cursor.attribute(.w, "val")
                            try cursor.skipElement()
                        } else {
                            try cursor.skipElement()
                        }
                    }
                    defs.abstracts[id] = levels
                case "num":
                    guard let id = cursor.attribute(.w, "numId").flatMap({ Int($0) }) else {
                        try cursor.skipElement(); continue
                    }
                    var instance = Instance(abstractID: -1)
                    let depth = cursor.depth
                    while try cursor.nextChild(of: depth) {
                        guard cursor.kind == .startElement else { continue }
                        if cursor.name == XMLName(.w, "abstractNumId") {
                            instance.abstractID = cursor.attribute(.w, "val").flatMap { Int($0) } ?? -1
                            try cursor.skipElement()
                        } else if cursor.name == XMLName(.w, "lvlOverride") {
                            let ilvl = cursor.attribute(.w, "ilvl").flatMap { Int($0) } ?? 0
                            let oDepth = cursor.depth
                            while try cursor.nextChild(of: oDepth) {
                                guard cursor.kind == .startElement else { continue }
                                if cursor.name == XMLName(.w, "startOverride") {
                                    instance.startOverrides[ilvl] = cursor.attribute(.w, "val").flatMap { Int($0) }
                                    try cursor.skipElement()
                                } else if cursor.name == XMLName(.w, "lvl") {
                                    instance.levelOverrides[ilvl] = try parseLevel(cursor)
                                } else {
                                    try cursor.skipElement()
                                }
                            }
                        } else {
                            try cursor.skipElement()
                        }
                    }
                    defs.instances[id] = instance
                default:
                    break
                }
            }
            return defs
        }
    }

    private static func parseLevel(_ cursor: XMLCursor) throws(PackageFailure) -> Level {
        var level = Level()
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name.namespace == .w {
                switch cursor.name.local {
                case "start": level.start = cursor.attribute(.w, "val").flatMap { Int($0) } ?? 0
                case "numFmt": level.format = cursor.attribute(.w, "val") ?? "decimal"
                case "lvlText": level.text = cursor.attribute(.w, "val")
                default: break
                }
            }
            try cursor.skipElement()
        }
        return level
    }

    /// The list definition behind `numID`, following a numbering-style link once.
    func abstractID(of numID: Int, styles: StyleSheet) -> Int {
        guard let instance = instances[numID] else { return -1 }
        if let link = styleLinks[instance.abstractID],
           let linkedNum = styles.chain(link).lazy.compactMap({ $0.numbering?.numID }).first,
           let linked = instances[linkedNum] {
            return linked.abstractID
        }
        return instance.abstractID
    }

    func level(_ ilvl: Int, numID: Int, styles: StyleSheet) -> Level? {
        guard let instance = instances[numID] else { return nil }
        if let override = instance.levelOverrides[ilvl] { return override }
        return abstracts[abstractID(of: numID, styles: styles)]?[ilvl]
    }
}

/// List counters in document order: renders "1.", "a)", "II." labels.
///
/// Word counts per list *definition*: two `w:num` instances of one `w:abstractNum` continue each
/// other (LibreOffice splits one list into several such instances when it saves). An instance
/// with a `w:startOverride` restarts that level the first time it is used.
struct NumberingCounters: Sendable {
    private var counters: [Int: [Int?]] = [:]
    private var restarted: Set<Int> = []

    mutating func label(numID: Int, level ilvl: Int, definitions: NumberingDefinitions,
                        styles: StyleSheet) -> String? {
        guard numID != 0, (0...8).contains(ilvl),
              let instance = definitions.instances[numID],
              let level = definitions.level(ilvl, numID: numID, styles: styles) else { return nil }
        let list = definitions.abstractID(of: numID, styles: styles)
        var values = counters[list] ?? Array(repeating: nil, count: 9)
        func startValue(_ l: Int) -> Int {
            instance.startOverrides[l] ?? definitions.level(l, numID: numID, styles: styles)?.start ?? 0
        }
        let restartKey = numID &* 16 &+ ilvl
        if let override = instance.startOverrides[ilvl], !restarted.contains(restartKey) {
            restarted.insert(restartKey)
            values[ilvl] = override
        } else {
            values[ilvl] = values[ilvl].map { $0 + 1 } ?? startValue(ilvl)
        }
        for deeper in (ilvl + 1)..<9 { values[deeper] = nil }
        counters[list] = values

        if level.format == "none" { return "" }
        let template = level.text ?? "%\(ilvl + 1)."
        if level.format == "bullet" { return NumberFormat.bullet(template) }
        var out = ""
        var scalars = Array(template.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "%", let digit = scalars.first, let n = Int(String(digit)), (1...9).contains(n) {
                scalars = scalars.dropFirst()
                let l = n - 1
                let value = values[l] ?? startValue(l)
                let format = l == ilvl ? level.format
                    : (definitions.level(l, numID: numID, styles: styles)?.format ?? "decimal")
                out += NumberFormat.render(value, format: format)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

enum NumberFormat {
    static func render(_ value: Int, format: String) -> String {
        switch format {
        case "upperRoman": return roman(value)
        case "lowerRoman": return roman(value).lowercased()
        case "upperLetter": return letters(value)
        case "lowerLetter": return letters(value).lowercased()
        case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : "\(value)"
        case "none", "bullet": return ""
        default: return "\(value)"
        }
    }

    /// Symbol-font bullets live in the private use area; the page shows a bullet.
    static func bullet(_ text: String) -> String {
        if text.unicodeScalars.contains(where: { (0xE000...0xF8FF).contains($0.value) }) { return "•" }
        return text
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return "\(value)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = value
        var out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    /// Word's letter numbering repeats the letter: A…Z, AA…ZZ, AAA…
    static func letters(_ value: Int) -> String {
        guard value > 0 else { return "\(value)" }
        let letter = Character(UnicodeScalar(UInt8(65 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }
}
