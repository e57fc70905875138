import Testing
@testable import ReviewForms

@Test func ReviewFormsModuleLoads() {
    #expect(Bool(true))
}
