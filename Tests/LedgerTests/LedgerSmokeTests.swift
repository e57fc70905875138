import Testing
@testable import Ledger

@Test func LedgerModuleLoads() {
    #expect(Bool(true))
}
