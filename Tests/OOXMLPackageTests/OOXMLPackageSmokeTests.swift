import Testing
@testable import OOXMLPackage

@Test func OOXMLPackageModuleLoads() {
    #expect(Bool(true))
}
