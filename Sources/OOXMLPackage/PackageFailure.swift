import KiemdiemCore

/// Why a package (or one of its parts) could not be read: exactly one package-level finding.
public struct PackageFailure: Error, Sendable, Equatable {
    public var finding: Finding
    public init(_ finding: Finding) { self.finding = finding }

    public init(_ code: FindingCode, evidence: String? = nil, detail: String? = nil) {
        self.finding = Finding(code, field: "file", evidence: evidence, detail: detail.map(FindingDetail.technical))
    }

    public var code: FindingCode { finding.code }
}
