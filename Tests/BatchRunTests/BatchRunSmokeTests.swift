import Testing
@testable import BatchRun

@Test func BatchRunModuleLoads() {
    #expect(Bool(true))
}
