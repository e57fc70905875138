/// The rule a finding or a level comes from, with the regulation and article it cites, as
/// ReviewRules defines it (docs/rules.md lists every rule). Data, not a message: the title is
/// given in both languages, so writers pick one and nothing upstream knows the language.
public struct RuleCitation: Sendable, Hashable, Codable {
    /// Stable identifier, as in docs/rules.md (`member.discipline`, `organisation.htxs-members`…).
    public var id: String
    /// The regulation and guidance ("QĐ 366-QĐ/TW, HD 43-HD/BTCTW").
    public var regulation: String
    /// The article within it ("Điều 11 khoản 1.5"), `nil` where the source gives none.
    public var article: String?
    /// Confirmed by a cited source ([C] in docs/rules.md), or inferred ([I]: configurable, off by default).
    public var confirmed: Bool
    /// What the rule says, in Vietnamese and in English.
    public var vietnamese: String
    public var english: String

    public init(id: String, regulation: String, article: String? = nil, confirmed: Bool = true,
                vietnamese: String, english: String) {
        self.id = id
        self.regulation = regulation
        self.article = article
        self.confirmed = confirmed
        self.vietnamese = vietnamese
        self.english = english
    }

    /// "bị kỷ luật trong năm — QĐ 124-QĐ/TW, Điều 12 khoản 4.3".
    public func text(_ language: MessageLanguage) -> String {
        let title = language == .vi ? vietnamese : english
        return title + " — " + source
    }

    /// The regulation and its article.
    public var source: String {
        article.map { "\(regulation), \($0)" } ?? regulation
    }
}
