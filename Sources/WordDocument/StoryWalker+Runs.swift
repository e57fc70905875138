import KiemdiemCore
import OOXMLPackage

extension StoryWalker {
    // MARK: Runs

    func run(into builder: inout ParagraphBuilder) throws(PackageFailure) {
        var style = session.runStyle(RunProperties(), paragraphStyle: builder.styleID)
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.w, "rPr") {
                style = session.runStyle(try RunProperties.parse(cursor), paragraphStyle: builder.styleID)
                continue
            }
            try runElement(into: &builder, style: style)
        }
    }

    func runChildren(of depth: Int, into builder: inout ParagraphBuilder, style: RunStyle) throws(PackageFailure) {
        while try cursor.nextChild(of: depth) {
            if cursor.kind == .startElement { try runElement(into: &builder, style: style) }
        }
    }

    func runElement(into builder: inout ParagraphBuilder, style: RunStyle) throws(PackageFailure) {
        let name = cursor.name
        if name.namespace == .w {
            switch name.local {
            case "t":
                let raw = try characterData()
                if textVisible { emit(raw, style: style, into: &builder) }
                return
            case "delText", "delInstrText":
                session.trackedChanges = true
                try cursor.skipElement()
                return
            case "instrText":
                try cursor.skipElement()
                return
            case "tab", "ptab":
                if textVisible { builder.append("\t", struck: style.struck) }
                try cursor.skipElement()
                return
            case "br":
                let type = cursor.attribute(.w, "type") ?? "textWrapping"
                if type == "textWrapping" && textVisible { builder.append("\n", struck: style.struck) }
                try cursor.skipElement()
                return
            case "cr":
                if textVisible { builder.append("\n", struck: style.struck) }
                try cursor.skipElement()
                return
            case "noBreakHyphen":
                if textVisible { builder.append("-", struck: style.struck) }
                try cursor.skipElement()
                return
            case "softHyphen":
                try cursor.skipElement()
                return
            case "sym":
                symbol(into: &builder, style: style)
                try cursor.skipElement()
                return
            case "fldChar":
                try fieldCharacter(into: &builder, style: style)
                return
            case "drawing", "pict", "object":
                try drawing(into: &builder)
                return
            case "sdt":
                try inlineContentControl(into: &builder, run: style)
                return
            default:
                break
            }
        } else if name.namespace == .m {
            try math(into: &builder)
            return
        }
        try throughWrapper(at: .run) { d throws(PackageFailure) in try self.runChildren(of: d, into: &builder, style: style) }
    }

    func emit(_ raw: String, style: RunStyle, into builder: inout ParagraphBuilder) {
        var text = raw
        if let legacy = style.legacy {
            let decoded = legacy.decode(raw)
            if decoded != raw { session.legacyFontConverted = true }
            text = decoded
        } else if let symbol = style.symbol {
            for scalar in raw.unicodeScalars {
                if let checked = symbol.checkbox(scalar.value) {
                    builder.appendBox(checked: checked, encoding: .symbol, struck: style.struck)
                } else {
                    builder.append(String(scalar), struck: style.struck)
                }
            }
            return
        }
        builder.append(text, struck: style.struck)
    }

    func symbol(into builder: inout ParagraphBuilder, style: RunStyle) {
        guard textVisible,
              let font = cursor.attribute(.w, "font").flatMap(SymbolFont.forFont),
              let code = cursor.attribute(.w, "char").flatMap({ UInt32($0, radix: 16) }),
              let checked = font.checkbox(code) else { return }
        builder.appendBox(checked: checked, encoding: .symbol, struck: style.struck)
    }

    /// `w:fldChar`: begin/separate/end of a complex field. Legacy form fields keep their state in
    /// `w:ffData` on the begin character: a FORMCHECKBOX has no visible run at all.
    func fieldCharacter(into builder: inout ParagraphBuilder, style: RunStyle) throws(PackageFailure) {
        switch cursor.attribute(.w, "fldCharType") {
        case "begin":
            let visible = textVisible
            var field = OpenField()
            let data = try formFieldData()
            if visible, let checked = data.checkbox {
                builder.appendBox(checked: checked, encoding: .formField, struck: style.struck)
            }
            if visible { field.pendingText = data.dropDownChoice }
            fields.append(field)
            return
        case "separate":
            if !fields.isEmpty { fields[fields.count - 1].inResult = true }
        case "end":
            if let field = fields.popLast(), !field.inResult, let text = field.pendingText, textVisible {
                builder.append(text, struck: style.struck)
            }
        default:
            break
        }
        try cursor.skipElement()
    }

    struct FormFieldData {
        var checkbox: Bool?
        var dropDownChoice: String?
    }

    func formFieldData() throws(PackageFailure) -> FormFieldData {
        var data = FormFieldData()
        var checkedDefault: Bool?
        var checked: Bool?
        var isCheckbox = false
        var entries: [String] = []
        var chosen: Int?
        let depth = cursor.depth
        while try cursor.next() {
            if cursor.kind == .endElement && cursor.depth == depth { break }
            guard cursor.kind == .startElement, cursor.name.namespace == .w else { continue }
            switch cursor.name.local {
            case "checkBox": isCheckbox = true
            case "default":
                if isCheckbox { checkedDefault = OnOff.parse(cursor.attribute(.w, "val")) }
            case "checked": checked = OnOff.parse(cursor.attribute(.w, "val"))
            case "listEntry": entries.append(cursor.attribute(.w, "val") ?? "")
            case "result": chosen = cursor.attribute(.w, "val").flatMap { Int($0) }
            default: break
            }
        }
        if isCheckbox { data.checkbox = checked ?? checkedDefault ?? false }
        if !entries.isEmpty {
            let index = chosen ?? 0
            if entries.indices.contains(index) { data.dropDownChoice = entries[index] }
        }
        return data
    }
}
