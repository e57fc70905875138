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

/// One thing the pipeline noticed about one file: a stable code, where it was seen and what was seen.
///
/// Findings are values, returned by every stage; only the driver decides whether to log them,
/// write them to the rejection log or print them.
public struct Finding: Sendable, Equatable, Hashable, Codable {
    public var code: FindingCode
    public var severity: Severity
    /// A dotted path into the form (`member.full_name`), or `file` for package-level faults.
    public var field: String?
    public var message: String
    /// The text seen, shortened; `nil` when there is nothing to show.
    public var evidence: String?
    /// Where in the document the reader looked, in the form's own words ("mục VII.2 Tự nhận xếp
    /// loại", "bảng điểm, dòng 3"), so a secretary can point the member at it; `nil` for findings
    /// about the file as a whole.
    public var location: String?

    public init(_ code: FindingCode, field: String? = nil, evidence: String? = nil, location: String? = nil,
                severity: Severity? = nil, detail: String? = nil, language: MessageLanguage = .vi) {
        self.code = code
        self.severity = severity ?? code.severity
        self.field = field
        self.location = location
        self.message = code.message(field: field, detail: detail, language: language)
        self.evidence = evidence.map { Finding.shorten($0) }
    }

    /// Evidence is for locating the problem, not for copying the form: keep it short.
    public static func shorten(_ text: String, limit: Int = 200) -> String {
        let collapsed = TextFolding.collapseWhitespace(text)
        guard collapsed.count > limit else { return collapsed }
        return String(collapsed.prefix(limit)) + "…"
    }
}

extension Array where Element == Finding {
    /// A form is rejected iff at least one of its findings is an error.
    public var rejects: Bool { contains { $0.severity == .error } }
}
