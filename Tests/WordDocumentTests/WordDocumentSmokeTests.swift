import Testing
@testable import WordDocument

@Test func WordDocumentModuleLoads() {
    #expect(Bool(true))
}
