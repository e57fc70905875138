import KiemdiemCore
import OOXMLPackage
import ReviewForms
import ReviewRules
import WordDocument

/// `kiemdiem inspect`: read → extract → validate → classify one file, touching no workspace.
public struct Inspector: Sendable {
    public init() {}
}
