import KiemdiemCore

extension YearRules {
    /// The level above's view of the order of work (QĐ 366 Điều 12.2, docs/rules.md "Tổ chức
    /// đảng"; "cấp dưới trước, cấp trên sau"): the subordinates of a classified organisation that
    /// were not yet decided when it was, or were decided after it (both dates known). Empty when
    /// the organisation's own level is not final. A listing for the superior, never a change of
    /// level: the organisation's own year already carries `DATE_ORDER` where its book says so.
    public func subordinatesClassifiedAfter(_ organisation: OrganisationResult,
                                            subordinates: [OrganisationResult]) -> [OrganisationResult] {
        guard organisation.classification.status == .final else { return [] }
        let decided = organisation.organisation.reclassifiedOn ?? organisation.organisation.decidedOn
        return subordinates.filter { unit in
            switch unit.classification.status {
            case .exempt: return false
            case .provisional, .unclassified: return true
            case .final:
                let unitDecided = unit.organisation.reclassifiedOn ?? unit.organisation.decidedOn
                guard let decided, let unitDecided else { return false }
                return unitDecided > decided
            }
        }
    }
}
