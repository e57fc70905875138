import Testing
@testable import KiemdiemCore
@testable import ReviewRules

/// The cross-form rules over a table of accepted forms: no store needed (the Ledger implements
/// the same protocol for the run).
struct TableOfForms: AcceptedForms {
    var meetings: [(CollectiveScope, DatedForm)] = []
    var decisions: [(String, DatedForm)] = []

    func collectiveMeetings(year: Int, _ scope: CollectiveScope) throws -> [DatedForm] {
        meetings.filter { $0.0 == scope }.map(\.1)
    }

    func decisionsBefore(_ date: CivilDate, year: Int, cellKey: String) throws -> [DatedForm] {
        decisions.filter { $0.0 == cellKey && $0.1.date < date }.map(\.1)
    }
}

@Suite struct CrossFormRulesTests {
    static func day(_ d: Int) -> CivilDate { CivilDate(year: 2020, month: 12, day: d)! }

    func member(decided: Int) -> ReviewForm {
        var form = completeForm()
        form.committeeDecision = CommitteeDecision(level: .good, date: Self.day(decided))
        return form
    }

    @Test(arguments: [(5, true), (20, false)])
    func aMemberAfterTheCellsCollectiveReview(decided: Int, fires: Bool) throws {
        let table = TableOfForms(meetings: [(.cell("van phong"), DatedForm(file: "bao-cao.docx", date: Self.day(10)))])
        let findings = try YearRules().orderFindings(for: member(decided: decided), year: 2020, accepted: table)
        #expect(findings.map(\.code) == (fires ? [.dateOrder] : []))
        if fires {
            #expect(findings[0].detail == .order(.memberBeforeCellReview(meeting: Self.day(10))))
            #expect(findings[0].rule?.id == "order.lower-first" && findings[0].rule?.article == "tiểu mục 6 mục II")
        }
    }

    @Test(arguments: [
        // (dates, ids, winner): the later form date wins, then the later arrival; no date loses.
        ([Optional(10), 12], [1, 2], 2),
        ([12, 10], [1, 2], 1),
        ([10, 10], [1, 2], 2),
        ([nil, 1], [2, 1], 1),
        ([nil, nil], [1, 2], 2),
    ] as [([Int?], [Int64], Int64)])
    func whichDuplicateWins(dates: [Int?], ids: [Int64], winner: Int64) throws {
        let candidates = zip(dates, ids).map { date, id in
            DuplicateCandidate(id: id, formDate: date.map(Self.day), file: "f\(id).docx")
        }
        let settled = try #require(YearRules.settleDuplicates(candidates))
        #expect(settled.winner.id == winner)
        #expect(settled.superseded.map(\.0.id) == ids.filter { $0 != winner })
        #expect(settled.superseded.allSatisfy { $0.1.code == .duplicateSubmission && $0.1.evidence == "f\(winner).docx" })
        #expect(YearRules.settleDuplicates([]) == nil)
    }
}
