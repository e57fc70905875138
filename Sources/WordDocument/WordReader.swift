import KiemdiemCore
import OOXMLPackage

/// Why a file could not be read as a Word document: one finding with a package-level code.
public struct ReadFailure: Error, Sendable {
    public var finding: Finding
    public init(_ finding: Finding) { self.finding = finding }
}

/// Reads a .docx from memory into blocks (stage 1 of the batch).
public struct WordReader: Sendable {
    public var limits: PackageLimits
    public init(limits: PackageLimits = PackageLimits()) { self.limits = limits }

    public func read(_ bytes: [UInt8]) throws(ReadFailure) -> WordDocument {
        throw ReadFailure(Finding(.notAZip, field: "file"))
    }
}
