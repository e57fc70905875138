import KiemdiemCore
import OOXMLPackage

extension StoryWalker {
    // MARK: Content controls

    struct ControlProperties {
        var control = ContentControl(tag: nil, alias: nil, showingPlaceholder: false)
        var checkbox: Bool?
    }

    func controlProperties() throws(PackageFailure) -> ControlProperties {
        var props = ControlProperties()
        let depth = cursor.depth
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            switch (cursor.name.namespace, cursor.name.local) {
            case (.w, "tag"): props.control.tag = cursor.attribute(.w, "val").map(TextFolding.nfc)
            case (.w, "alias"): props.control.alias = cursor.attribute(.w, "val").map(TextFolding.nfc)
            case (.w, "showingPlcHdr"): props.control.showingPlaceholder = OnOff.parse(cursor.attribute(.w, "val"))
            case (.w14, "checkbox"):
                props.checkbox = false
                let cDepth = cursor.depth
                while try cursor.nextChild(of: cDepth) {
                    guard cursor.kind == .startElement else { continue }
                    if cursor.name == XMLName(.w14, "checked") {
                        props.checkbox = OnOff.parse(cursor.attribute(.w14, "val"))
                    }
                    try cursor.skipElement()
                }
                continue
            default: break
            }
            try cursor.skipElement()
        }
        return props
    }

    /// Enters a control's `w:sdtContent`: what is shown there is either a placeholder or a stale
    /// copy of the checkbox glyph, and in both cases not content.
    func enterControl(_ props: ControlProperties) -> Int {
        var extra = 0
        if props.control.showingPlaceholder { extra += 1 }
        if props.checkbox != nil { extra += 1 }
        suppressed += extra
        return extra
    }

    func blockContentControl(_ content: (Int) throws(PackageFailure) -> Void) throws(PackageFailure) {
        try contentControl { props throws(PackageFailure) in
            if let checked = props.checkbox, textVisible { pendingCheckbox = checked }
            controls.append(props.control)
            let extra = enterControl(props)
            try content(cursor.depth)
            suppressed -= extra
            controls.removeLast()
        }
    }

    func inlineContentControl(into builder: inout ParagraphBuilder, run: RunStyle?) throws(PackageFailure) {
        try contentControl { props throws(PackageFailure) in
            builder.controls.append(props.control)
            if let checked = props.checkbox, textVisible {
                builder.appendBox(checked: checked, encoding: .contentControl, struck: run?.struck ?? false)
            }
            let extra = enterControl(props)
            try inlineChildren(of: cursor.depth, into: &builder)
            suppressed -= extra
        }
    }

    /// The children of a `w:sdt`, at block or run level alike: its properties, then its content,
    /// which `content` reads knowing them (Word writes `w:sdtPr` first).
    private func contentControl(_ content: (ControlProperties) throws(PackageFailure) -> Void) throws(PackageFailure) {
        let depth = cursor.depth
        var props = ControlProperties()
        while try cursor.nextChild(of: depth) {
            guard cursor.kind == .startElement else { continue }
            if cursor.name == XMLName(.w, "sdtPr") {
                props = try controlProperties()
            } else if cursor.name == XMLName(.w, "sdtContent") {
                try content(props)
            } else {
                try cursor.skipElement()
            }
        }
    }
}
