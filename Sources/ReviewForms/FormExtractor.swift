import KiemdiemCore
import WordDocument

/// What the form layer made of a Word document.
public struct FormExtraction: Sendable {
    /// `nil` when the document is not a review form (a `NOT_A_REVIEW_FORM` finding says why).
    public var form: ReviewForm?
    public var findings: [Finding]
    public init(form: ReviewForm?, findings: [Finding]) {
        self.form = form
        self.findings = findings
    }
}

/// Turns blocks into a `ReviewForm` (stage 2).
public struct FormExtractor: Sendable {
    public init() {}
    public func extract(_ document: WordDocument) -> FormExtraction {
        FormExtraction(form: nil, findings: [Finding(.notAReviewForm)])
    }
}
