/// Keys that make the same organisation written two ways one organisation.
public enum OrganisationKey {
    /// "CHI BỘ VĂN PHÒNG", "Chi bộ Văn phòng" and "Văn phòng" are one cell.
    public static func cell(_ name: String) -> String {
        let folded = TextFolding.fold(name)
        return folded.hasPrefix("chi bo ") ? String(folded.dropFirst(7)) : folded
    }

    public static func committee(_ name: String) -> String {
        let folded = TextFolding.fold(name)
        return folded.hasPrefix("dang bo ") ? String(folded.dropFirst(8)) : folded
    }
}
