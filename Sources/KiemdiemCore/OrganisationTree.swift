/// The organisations of a year by key: from the organisations file (kind, parent, type, founding,
/// deciding body, the body's levels) and from the forms, which name the chi bộ and the đảng bộ
/// above it. A form never overrides what the file says; it adds what the file does not know.
public struct OrganisationTree: Sendable, Equatable {
    public private(set) var organisations: [String: Organisation] = [:]
    /// Keys in the order they became known (the file's rows first, then the forms').
    public private(set) var order: [String] = []
    /// Rows of the file that could not be read, with their lines (never fatal).
    public var warnings: [String]

    public init(_ organisations: [Organisation] = [], warnings: [String] = []) {
        self.warnings = warnings
        for organisation in organisations { add(organisation) }
    }

    public subscript(key: String) -> Organisation? { organisations[key] }

    /// Every organisation, in the order it became known.
    public var all: [Organisation] { order.compactMap { organisations[$0] } }

    /// Adds an organisation, or fills what is not known yet of one already there.
    public mutating func add(_ organisation: Organisation) {
        guard var known = organisations[organisation.key] else {
            organisations[organisation.key] = organisation
            order.append(organisation.key)
            return
        }
        known.kind = known.kind ?? organisation.kind
        if known.parentKey == nil {
            known.parentKey = organisation.parentKey
            known.parentName = organisation.parentName
        }
        known.type = known.type ?? organisation.type
        known.founded = known.founded ?? organisation.founded
        known.decidingBody = known.decidingBody ?? organisation.decidingBody
        organisations[organisation.key] = known
    }

    /// What a form names: its chi bộ under its đảng bộ, or (a đảng bộ's own Mẫu 01) the đảng bộ.
    public mutating func add(partyCell: String?, partyCommittee: String?) {
        let committeeKey = partyCommittee.map(OrganisationKey.ofCommittee)
        if let partyCommittee, let committeeKey {
            add(Organisation(key: committeeKey, name: partyCommittee))
        }
        if let partyCell {
            add(Organisation(key: OrganisationKey.ofCell(partyCell), name: partyCell,
                             parentKey: committeeKey, parentName: partyCommittee))
        }
    }

    /// The organisations directly under `key`.
    public func children(of key: String) -> [Organisation] {
        all.filter { $0.parentKey == key }
    }
}
