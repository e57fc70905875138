import Testing
@testable import KiemdiemCore

@Test func KiemdiemCoreModuleLoads() {
    #expect(Bool(true))
}
