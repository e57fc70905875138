/// Whether a finding rejects the form or is only reported.
public enum Severity: String, Codable, Sendable, CaseIterable {
    /// Rejects the form (contract §2: a form is rejected iff one finding is an error).
    case error
    /// Kept and reported; the form is still accepted.
    case warning
}

/// The language of the messages auditors read (`report.language` in pipeline.yml).
public enum MessageLanguage: String, Codable, Sendable, CaseIterable {
    case vi
    case en
}

/// One thing the pipeline noticed about one file: a stable code, where it was seen, what was seen,
/// and the facts that explain it. A finding holds no message: only the writers (inspect, the
/// rejection log, the workbook) render one, in the language they are asked for (`message(_:)`).
///
/// Findings are values, returned by every stage; only the driver decides whether to log them,
/// write them to the rejection log or print them.
public struct Finding: Sendable, Equatable, Hashable, Codable {
    public var code: FindingCode
    public var severity: Severity
    /// A dotted path into the form (`member.full_name`), or `file` for package-level faults.
    public var field: String?
    /// The text seen, shortened; `nil` when there is nothing to show.
    public var evidence: String?
    /// Where in the document the reader looked, in the form's own words ("mục VII.2 Tự nhận xếp
    /// loại", "bảng điểm, dòng 3"), so a secretary can point the member at it; `nil` for findings
    /// about the file as a whole.
    public var location: String?
    /// What only the finder knows (a limit, two dates, the levels before and after a rule), as
    /// data: `message(_:)` words it.
    public var detail: FindingDetail?
    /// The rule that made the finding, with its regulation and article (docs/rules.md).
    public var rule: RuleCitation?

    public init(_ code: FindingCode, field: String? = nil, evidence: String? = nil, location: String? = nil,
                severity: Severity? = nil, detail: FindingDetail? = nil, rule: RuleCitation? = nil) {
        self.code = code
        self.severity = severity ?? code.severity
        self.field = field
        self.location = location
        self.detail = detail
        self.rule = rule
        self.evidence = evidence.map { Finding.shorten($0) }
    }

    /// The auditor-facing message in `language`: the code's sentence, the field's name, the
    /// detail, and the rule with its regulation.
    public func message(_ language: MessageLanguage = .vi) -> String {
        var text = code.message(field: field, language: language)
        var parts: [String] = []
        if let detail { parts.append(detail.text(language)) }
        if let rule { parts.append(rule.text(language)) }
        parts.removeAll(where: \.isEmpty)
        if !parts.isEmpty { text += " (" + parts.joined(separator: "; ") + ")" }
        return text
    }

    /// Evidence is for locating the problem, not for copying the form: keep it short.
    public static func shorten(_ text: String, limit: Int = 200) -> String {
        let collapsed = TextFolding.collapseWhitespace(text)
        // No more bytes than the limit, no more Characters: counted only when it may be longer.
        guard collapsed.utf8.count > limit, TextFolding.characterCount(collapsed) > limit else { return collapsed }
        return String(collapsed.prefix(limit)) + "…"
    }
}

extension Array where Element == Finding {
    /// A form is rejected iff at least one of its findings is an error.
    public var rejects: Bool { contains { $0.severity == .error } }
}
