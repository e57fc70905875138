import Foundation
import KiemdiemTestSupport
import Testing

/// libpq is loaded only when a shared store is used (PostgresClient/LibPQ.swift): linked, it and
/// the twenty libraries it needs were loaded by every start of the program. The binary names
/// no libpq among the libraries the loader must find, and still reaches a server when asked
/// (SharedStoreTests, RollupCommandTests' unreachable store).
@Suite struct FootprintTests {
    @Test func theProgramDoesNotLinkLibpq() throws {
        let dynamic = try runProcess(URL(fileURLWithPath: "/usr/bin/readelf"), ["-d", kiemdiemBinary.path])
        #expect(dynamic.status == 0, "\(dynamic.stderr)")
        let needed = dynamic.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        #expect(needed.contains { $0.contains("libxml2") }, "readelf lists the linked libraries: \(needed)")
        #expect(!needed.contains { $0.contains("libpq") || $0.contains("krb5") || $0.contains("ldap") }, "\(needed)")
    }
}
