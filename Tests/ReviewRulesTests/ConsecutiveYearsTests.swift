import KiemdiemCore
import ReviewRules
import Testing

@Suite struct ConsecutiveYearsTests {
    @Test func twoUnsatisfactoryYearsRunningAreFlaggedForScreening() {
        let levels: [Int: Level] = [2019: .unsatisfactory, 2020: .unsatisfactory, 2021: .good]
        #expect(HistoryFlag.flags(levels: levels, year: 2020) == [.twoYearsUnsatisfactory])
        #expect(HistoryFlag.flags(levels: levels, year: 2019).isEmpty, "one year is not two")
        #expect(HistoryFlag.flags(levels: levels, year: 2021).isEmpty)
        #expect(HistoryFlag.flags(levels: [2018: .unsatisfactory, 2020: .unsatisfactory], year: 2020).isEmpty,
                "a year without a level breaks the run")
    }

    @Test func excellentYearsRunningCountBackFromTheYear() {
        let levels: [Int: Level] = [2019: .excellent, 2020: .excellent, 2021: .excellent, 2022: .good, 2023: .excellent]
        #expect(HistoryFlag.flags(levels: levels, year: 2021) == [.excellentYears(3)])
        #expect(HistoryFlag.flags(levels: levels, year: 2020) == [.excellentYears(2)])
        #expect(HistoryFlag.flags(levels: levels, year: 2023).isEmpty)
        #expect(HistoryFlag.excellentYears(3).vietnamese == "3 năm liền hoàn thành xuất sắc nhiệm vụ")
        #expect(HistoryFlag.twoYearsUnsatisfactory.vietnamese == "Hai năm liền không hoàn thành nhiệm vụ")
    }
}
