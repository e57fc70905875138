import Testing
@testable import Workbooks

@Test func WorkbooksModuleLoads() {
    #expect(Bool(true))
}
