import OOXMLPackage
import Testing

@Suite struct MessageAuthenticationTests {
    /// RFC 4231 test case 2: the HMAC-SHA-256 of the audit chain is the standard one.
    @Test func hmacSHA256MatchesRFC4231() {
        #expect(MessageAuthentication.hmacSHA256Hex(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hexRoundTripsAndRefusesWhatIsNotHex() {
        #expect(Hex.encode([0x00, 0xAB, 0xFF]) == "00abff")
        #expect(Hex.decode("00abFF") == [0x00, 0xAB, 0xFF])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(MessageAuthentication.randomBytes(32)?.count == 32)
    }
}
