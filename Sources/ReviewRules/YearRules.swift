import KiemdiemCore

/// The rules of a run: every ruleset's book with pipeline.yml's overrides applied, resolved once
/// (`init`) and handed to every stage that judges. Pure: no store, no files, no language.
public struct YearRules: Sendable, Equatable {
    public var options: RuleOptions
    private var books: [Ruleset: RuleBook]

    /// - Parameter books: the year defaults; a test (or a new review year) passes its own.
    public init(options: RuleOptions = RuleOptions(), books: [RuleBook] = Ruleset.allCases.map(RuleBook.standard)) {
        self.options = options
        self.books = Dictionary(books.map { ($0.ruleset, $0.applying(options)) }, uniquingKeysWith: { _, last in last })
    }

    /// The batch year (`run`, or `inspect --year`): a form of another year is `YEAR_MISMATCH`.
    public var batchYear: Int? {
        get { options.batchYear }
        set { options.batchYear = newValue }
    }

    /// The book of a ruleset; the standard one if this run was given none for it.
    public func book(_ ruleset: Ruleset) -> RuleBook {
        books[ruleset] ?? RuleBook.resolved(ruleset, options: options)
    }

    /// The book of a review year.
    public func book(year: Int) -> RuleBook { book(Ruleset(reviewYear: year)) }
}
