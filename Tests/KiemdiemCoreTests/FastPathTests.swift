import KiemdiemTestSupport
import Foundation
import Testing
@testable import KiemdiemCore

/// The byte-level fast paths must give what the Character-level originals give, on every text
/// they accept: random texts over the alphabets that matter (leaders, separators, spaces of
/// every kind, Vietnamese letters, ballot boxes).
@Suite struct FastPathTests {
    static let alphabet: [String] = [
        ".", ".", "…", "_", " ", " ", "\t", "\n", "\u{00A0}", "\u{2003}", "\u{3000}", ":", ",", ";", "-",
        "a", "B", "z", "0", "ệ", "Đ", "ư", "Ơ", "É", "ä", "ß", "☐", "☒", "“", "—",
    ]

    static func texts(count: Int, alphabet: [String] = alphabet) -> [String] {
        var generator = SplitMix64(seed: 2020)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...24, using: &generator)
            return (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func stripLeadersFastPathMatchesTheCharacterPath() {
        for text in FastPathTests.texts(count: 20_000) {
            let fast = TextFolding.stripSimpleLeaders(text)
            #expect(fast != nil, "\(text.debugDescription) is simple text")
            #expect(fast ?? nil == TextFolding.stripLeadersByCharacter(text), "\(text.debugDescription)")
        }
        #expect(TextFolding.stripSimpleLeaders("e\u{0301}…") == nil)
        #expect(TextFolding.stripLeaders("Nguye\u{0302}\u{0303}n ……") == "Nguye\u{0302}\u{0303}n")
    }

    @Test func containsLabelMatchesFoundation() {
        let labels = ["a", "ab", "a b", "b:", "ky, ghi ro", ". ", "z0", "ệ", "ab\u{0301}"]
        let alphabet = ["a", "b", " ", ",", ":", ".", "z", "0", "ệ", "e", "\u{0301}", "\u{212A}", "k", "\u{00A0}"]
        for text in FastPathTests.texts(count: 5_000, alphabet: alphabet) {
            for label in labels {
                #expect(text.containsLabel(label) == text.contains(label), "\(text.debugDescription) \(label)")
            }
        }
        #expect("ban kiem diem ca nhan".containsLabel("ca nhan"))
        #expect(!"ban kiem diem ca nha".containsLabel("ca nhan"))
        #expect(!"ca nhan".containsLabel(""))
    }

    @Test func jsonStringsEscapeLikeBefore() {
        let text = "a\"b\\c\n\r\t\u{0001}\u{001F}\u{007F}\u{2028}\u{2029}\u{2027}\u{202A}ệ☒😀"
        #expect(JSONValue.string(text).serialized()
                == #""a\"b\\c\n\r\t\u0001\u001f\#u{7F}\u2028\u2029\#u{2027}\#u{202A}ệ☒😀""#)
    }

    @Test func foldFastPathMatchesTheDecomposition() {
        for text in FastPathTests.texts(count: 20_000) {
            let fast = TextFolding.foldSimple(text)
            #expect(fast != nil, "\(text.debugDescription) is simple text")
            #expect(fast == TextFolding.foldByDecomposition(text), "\(text.debugDescription)")
        }
        // Every simple scalar on its own and between letters.
        for value in UInt32(0)..<0x3001 {
            guard let s = Unicode.Scalar(value), TextFolding.isSimple(s) else { continue }
            for text in [String(s), "A\(s)b", "\(s) \(s)"] {
                let fast = TextFolding.foldSimple(text)
                #expect(fast != nil, "U+\(String(value, radix: 16))")
                #expect(fast == TextFolding.foldByDecomposition(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func simpleWhitespaceIsUnicodeWhitespace() {
        for value in UInt32(0)..<0x3001 {
            guard let s = Unicode.Scalar(value), TextFolding.isSimple(s) else { continue }
            #expect(TextFolding.isSimpleWhitespace(s) == s.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }
}
