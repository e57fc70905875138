import Testing
@testable import ReviewForms

/// The scalar shortcuts of `Lines.swift` give what the Character-level code gave, on random
/// texts with and without scalars that join Characters (combining marks, CR LF, flags).
@Suite struct CharacterPathTests {
    static let alphabet = ["a", "B", " ", "\t", ":", ".", "…", "ệ", "Đ", "☐", "☒", "“", "—", "e\u{0301}", "\r\n",
                           "\u{1F1FB}\u{1F1F3}", "\u{0301}", "0"]

    static func texts(count: Int) -> [String] {
        var state: UInt64 = 2020
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in (0..<(next() % 20)).map { _ in alphabet[next() % alphabet.count] }.joined() }
    }

    @Test func sliceAndCharactersMatchTheCharacterArray() {
        for text in CharacterPathTests.texts(count: 5_000) {
            let chars = Array(text)
            #expect(text.characterArray == chars, "\(text.debugDescription)")
            for (from, to) in [(0, 3), (2, 5), (-1, 100), (4, 2), (1, chars.count)] {
                let lo = max(0, min(from, chars.count))
                let hi = max(lo, min(to, chars.count))
                #expect(text.slice(from, to) == String(chars[lo..<hi]), "\(text.debugDescription) \(from) \(to)")
                #expect(String(characters: chars[lo..<hi]) == String(chars[lo..<hi]))
            }
        }
    }
}
