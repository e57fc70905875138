import Foundation
import Testing
@testable import KiemdiemCore

@Suite struct TextFoldingTests {
    @Test(arguments: [
        ("Họ và tên", "ho va ten"),
        ("HỌ VÀ TÊN", "ho va ten"),
        ("Đảng ủy", "dang uy"),
        ("Đảng uỷ", "dang uy"),
        ("chuyển hoá", "chuyen hoa"),
        ("chuyển hóa", "chuyen hoa"),
        ("  Chi\tbộ \u{00A0} Văn   phòng ", "chi bo van phong"),
        ("Ho\u{0323}\u{0302} va\u{0300} te\u{0302}n", "ho va ten"),
    ])
    func foldsAccentsCaseAndSpacing(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test func nfcComposesDecomposedVietnamese() {
        let decomposed = "Nguye\u{0302}\u{0303}n"
        #expect(TextFolding.nfc(decomposed).unicodeScalars.count == 6)
        #expect(TextFolding.nfc(decomposed) == "Nguyễn")
    }

    @Test(arguments: [
        ("……………", nil),
        ("....................", nil),
        (": Nguyễn Văn An ………", "Nguyễn Văn An"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("  …… Văn phòng Sở ……  ", "Văn phòng Sở"),
        ("T.Ư. Đoàn", "T.Ư. Đoàn"),
        ("___", nil),
    ] as [(String, String?)])
    func stripsDotLeaders(input: String, expected: String?) {
        #expect(TextFolding.stripLeaders(input) == expected)
    }
}

@Suite struct LevelTests {
    @Test(arguments: [
        ("Hoàn thành xuất sắc nhiệm vụ", Level.excellent),
        ("HOÀN THÀNH TỐT NHIỆM VỤ", .good),
        ("Hoàn Thành Nhiệm Vụ", .satisfactory),
        ("Không hoàn thành nhiệm vụ", .unsatisfactory),
        ("HTXSNV", .excellent),
        ("H.T.X.S", .excellent),
        ("httnv", .good),
        ("HTNV", .satisfactory),
        ("KHTNV", .unsatisfactory),
        ("hoan thanh tot nhiem vu", .good),
    ])
    func parsesLabelsAndAbbreviations(text: String, level: Level) {
        #expect(Level.parse(text) == level)
    }

    @Test func criterionScaleIsNotALevel() {
        #expect(Level.parse("Trung bình") == nil)
        #expect(Level.parse("Kém") == nil)
        #expect(CriterionRating.parse("Trung bình") == .average)
        #expect(CriterionRating.parse(" Tốt ") == .good)
    }

    @Test func levelsOrderBestHighest() {
        #expect(Level.good < Level.excellent)
        #expect(Level.unsatisfactory < Level.satisfactory)
    }
}

@Suite struct CivilDateTests {
    @Test func rejectsDatesThatDoNotExist() {
        #expect(CivilDate(year: 2020, month: 11, day: 31) == nil)
        #expect(CivilDate(year: 2021, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2020, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2020, month: 13, day: 1) == nil)
    }

    @Test func isoRoundTrip() {
        let date = CivilDate(year: 2020, month: 5, day: 3)!
        #expect(date.iso == "2020-05-03")
        #expect(CivilDate(iso: "2020-05-03") == date)
    }

    @Test func wholeMonths() {
        let a = CivilDate(year: 2020, month: 6, day: 15)!
        #expect(a.months(until: CivilDate(year: 2020, month: 12, day: 15)!) == 6)
        #expect(a.months(until: CivilDate(year: 2020, month: 12, day: 14)!) == 5)
    }
}

@Suite struct FindingCatalogueTests {
    @Test func everyCodeHasMessagesInBothLanguages() {
        for code in FindingCode.allCases {
            #expect(!code.message(language: .vi).isEmpty)
            #expect(!code.message(language: .en).isEmpty)
            #expect(code.message(language: .vi) != code.message(language: .en))
        }
    }

    @Test func severitiesFollowTheContract() {
        let warnings: Set<FindingCode> = [.duplicateSubmission, .levelCapped, .levelDiffersFromSelf, .quotaExceeded,
                                          .exemptMember, .legacyFontConverted, .trackedChanges, .decisionConflictsWithRule,
                                          .rosterRowUnreadable, .packageSuperseded]
        for code in FindingCode.allCases {
            #expect((code.severity == .warning) == warnings.contains(code), "\(code.rawValue)")
        }
    }

    @Test func messageNamesTheFieldInVietnamese() {
        let finding = Finding(.missingField, field: "member.full_name")
        #expect(finding.message(.vi).contains("Họ và tên"))
        #expect(finding.message(.en) == "Required field missing — field: member.full_name")
        #expect(finding.severity == .error)
    }

    /// A finding holds data; the writer picks the language: the same value gives both messages,
    /// with its detail and its rule's regulation.
    @Test func theWriterChoosesTheLanguage() throws {
        let rule = RuleCitation(id: "member.discipline", regulation: "QĐ 124-QĐ/TW, HD 25-HD/BTCTW",
                                article: "Điều 12 khoản 4.3", vietnamese: "bị kỷ luật trong năm", english: "disciplined in the year")
        let finding = Finding(.decisionConflictsWithRule, field: "committee_decision.level",
                              detail: .decisionKept(decided: .good, ruleAllows: .unsatisfactory), rule: rule)
        #expect(finding.message(.vi).contains("giữ nguyên quyết định HTTNV; theo quy định tối đa KHTNV"))
        #expect(finding.message(.vi).contains("bị kỷ luật trong năm — QĐ 124-QĐ/TW, HD 25-HD/BTCTW, Điều 12 khoản 4.3"))
        #expect(finding.message(.en).contains("decision HTTNV kept; the rule allows at most KHTNV"))
        #expect(finding.message(.en).contains("disciplined in the year — QĐ 124-QĐ/TW"))
        let dates = Finding(.dateOrder, field: "cell_review.date",
                            detail: .datesReversed(field: "date", date: CivilDate(year: 2020, month: 12, day: 20)!,
                                                   laterField: "cell_review.date", laterDate: CivilDate(year: 2020, month: 12, day: 15)!))
        #expect(dates.message(.vi).hasSuffix("(ngày tự kiểm điểm 2020-12-20 sau ngày chi bộ đề xuất 2020-12-15)"))
        #expect(dates.message(.en).hasSuffix("(self-review date 2020-12-20 after cell review date 2020-12-15)"))
        // Stored and read back as data, it renders the same.
        let decoded = try JSONDecoder().decode(Finding.self, from: JSONEncoder().encode(finding))
        #expect(decoded == finding && decoded.message(.en) == finding.message(.en))
    }
}

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderAndEscapes() {
        let value: JSONValue = .object([("b", .int(1)), ("a", .string("Tốt \"x\"\n")), ("n", .null), ("d", .double(92.5))])
        #expect(value.serialized() == #"{"b":1,"a":"Tốt \"x\"\n","n":null,"d":92.5}"#)
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONValue.string("a\u{0001}b").serialized() == #""a\u0001b""#)
    }
}

@Suite struct CivilDateConversionTests {
    @Test(arguments: [(0, "1970-01-01"), (-1, "1969-12-31"), (18_628, "2021-01-01"), (-5_367, "1955-04-23"), (11_016, "2000-02-29")])
    func daysSince1970(days: Int, iso: String) {
        #expect(CivilDate(daysSince1970: days)?.iso == iso)
    }

    @Test(arguments: [("12/05/1980", "1980-05-12"), ("5-12-2020", "2020-12-05"), ("5.12.2020", "2020-12-05"), ("2020-12-05", "2020-12-05")])
    func looseFormats(text: String, iso: String) {
        #expect(CivilDate(loose: text)?.iso == iso)
    }

    @Test func looseRejectsWhatIsNotADate() {
        #expect(CivilDate(loose: "31/11/1980") == nil)
        #expect(CivilDate(loose: "12/05/80") == nil)
        #expect(CivilDate(loose: "hôm qua") == nil)
    }
}

/// The store's dates: "YYYY-MM-DD" read from its bytes and written back the same.
@Suite struct CivilDateISOTests {
    @Test func everyDayOfTwoYearsRoundTripsAndBadTextIsRefused() {
        var count = 0
        for year in [1900, 2024, 2200] {
            for month in 1...12 {
                for day in 1...CivilDate.daysIn(month: month, year: year) {
                    let date = CivilDate(year: year, month: month, day: day)!
                    #expect(CivilDate(iso: date.iso) == date)
                    #expect(date.iso.count == 10)
                    count += 1
                }
            }
        }
        #expect(count == 365 + 366 + 365)
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(CivilDate(iso: "2023-13-01") == nil)
        #expect(CivilDate(iso: "2023-1x-01") == nil)
        #expect(CivilDate(iso: "1899-12-31") == nil)
        #expect(CivilDate(iso: "2020-5-3") == CivilDate(year: 2020, month: 5, day: 3))   // the general path
        #expect(CivilDate(iso: "") == nil)
        #expect(CivilDate(year: 2020, month: 5, day: 3)!.iso == "2020-05-03")
    }
}
