import Testing
@testable import ReviewRules

@Test func ReviewRulesModuleLoads() {
    #expect(Bool(true))
}
