/// Keys that make the same organisation written two ways one organisation: "CHI BỘ THÔN 1",
/// "Chi bộ Thôn 1" and (after a "Chi bộ:" label) "Thôn 1" are one chi bộ in the archive, the
/// store, the logs and every sheet.
public enum OrganisationKey {
    /// "CHI BỘ VĂN PHÒNG", "Chi bộ Văn phòng" and "Văn phòng" are one cell.
    public static func cell(_ name: String) -> String {
        let folded = TextFolding.fold(name)
        return folded.hasPrefix("chi bo ") ? String(folded.dropFirst(7)) : folded
    }

    /// "ĐẢNG BỘ XÃ TRIỆU PHONG", "Đảng bộ xã Triệu Phong" and "xã Triệu Phong" are one đảng bộ.
    public static func committee(_ name: String) -> String {
        let folded = TextFolding.fold(name)
        return folded.hasPrefix("dang bo ") ? String(folded.dropFirst(8)) : folded
    }

    /// The one key of an organisation of the tree, chi bộ and đảng bộ alike: "chi bo|thon 1",
    /// "dang bo|xa trieu phong". A name without its "Chi bộ"/"Đảng bộ" word is read as `kind`
    /// says, else as a đảng bộ.
    public static func organisation(_ name: String, kind: OrganisationKind? = nil) -> String {
        let folded = TextFolding.fold(name)
        if folded.hasPrefix("chi bo ") || (kind?.isCell == true && !folded.hasPrefix("dang bo ")) {
            return "chi bo|" + cell(name)
        }
        return "dang bo|" + committee(name)
    }

    /// The organisation key of a form's chi bộ and đảng bộ.
    public static func ofCell(_ name: String) -> String { "chi bo|" + cell(name) }
    public static func ofCommittee(_ name: String) -> String { "dang bo|" + committee(name) }
}
