import KiemdiemCore
import Testing
@testable import WordDocument

/// The fast path that skips Foundation's NFC must agree with it wherever it is taken.
@Test func triviallyNFCRangesAreStable() {
    let scalars = ParagraphBuilder.triviallyNFCRanges.flatMap { range in range.compactMap(Unicode.Scalar.init) }
    // Every scalar alone is NFC (NFC_Quick_Check=Yes)…
    for scalar in scalars {
        let text = String(String.UnicodeScalarView([scalar]))
        #expect(TextFolding.nfc(text).unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(String(scalar.value, radix: 16))")
    }
    // …and no adjacent pair composes: one string holding every ordered pair (a b a c … a z, then b …)
    // stays the same under NFC.
    var all = String.UnicodeScalarView()
    for first in scalars where first.value >= 0x41 {
        for second in scalars { all.append(first); all.append(second) }
        let text = String(all)
        #expect(TextFolding.nfc(text).unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(String(first.value, radix: 16))")
        all.removeAll(keepingCapacity: true)
    }
}
