import Foundation
import Testing
@testable import Workbooks

@Suite struct ExcelTextTests {
    @Test func stripsCharactersIllegalInXML() {
        #expect(ExcelText.cell("a\u{00}b\u{01}c\u{07}d\u{1F}e") == "abcde")
        #expect(ExcelText.cell("tab\tand\nline") == "tab\tand\nline")
        #expect(ExcelText.cell("Word\u{0B}line\u{0C}page") == "Word\nline\npage")
        #expect(ExcelText.cell("dos\r\nmac\rend") == "dos\nmac\nend")
        #expect(ExcelText.cell("x\u{FFFE}y\u{FFFF}z") == "xyz")
        #expect(ExcelText.cell("Nguyễn Thị Ánh Tuyết") == "Nguyễn Thị Ánh Tuyết")
    }

    @Test func cutsAtTheCellLimitWithAMarker() {
        let cut = ExcelText.cell(Fixtures.longAnswer)
        #expect(cut.utf16.count == ExcelText.maxCellLength)
        #expect(cut.hasSuffix(ExcelText.truncationMarker))
        #expect(ExcelText.exceedsCellLimit(Fixtures.longAnswer))

        let exact = String(repeating: "a", count: ExcelText.maxCellLength)
        #expect(ExcelText.cell(exact) == exact)
        #expect(!ExcelText.exceedsCellLimit(exact))
    }

    /// Decomposed Vietnamese (base letter + combining marks) is never cut between the letter
    /// and its marks, and astral characters are never split into half a surrogate pair.
    @Test func cutsOnGraphemeBoundaries() {
        let decomposed = "e\u{0302}\u{0301}"  // ế as three scalars
        let text = String(repeating: decomposed, count: 20_000)
        let cut = ExcelText.cell(text)
        #expect(cut.utf16.count <= ExcelText.maxCellLength)
        #expect(cut.dropLast(ExcelText.truncationMarker.count).allSatisfy { $0 == Character(decomposed) })

        let emoji = String(repeating: "🇻🇳", count: 10_000)
        let cutEmoji = ExcelText.cell(emoji)
        #expect(cutEmoji.utf16.count <= ExcelText.maxCellLength)
        #expect(cutEmoji.dropLast(ExcelText.truncationMarker.count).allSatisfy { $0 == "🇻🇳" })
    }

    @Test func escapesLiteralExcelEscapes() {
        #expect(ExcelText.cell("_x0041_") == "_x005F_x0041_")
        #expect(ExcelText.cell("a_x00e9_b _x12_ _xZZZZ_") == "a_x005F_x00e9_b _x12_ _xZZZZ_")
        #expect(ExcelText.cell("no escapes_here") == "no escapes_here")
    }

    @Test func escapedTextStillFitsTheLibraryLimit() {
        let text = String(repeating: "_x0041_", count: 6_000)  // 42,000 characters
        let cell = ExcelText.cell(text)
        #expect(cell.unicodeScalars.count <= ExcelText.maxCellLength)
        #expect(cell.hasSuffix(ExcelText.truncationMarker))
    }

    @Test func formulaLikeTextIsNotAltered() {
        #expect(ExcelText.cell("=SUM(A1:A3)") == "=SUM(A1:A3)")
    }
}

@Suite struct SheetNameTests {
    @Test func keepsValidNames() {
        #expect(SheetName.sanitise("Chi bộ Văn phòng") == "Chi bộ Văn phòng")
    }

    @Test func replacesForbiddenCharacters() {
        #expect(SheetName.sanitise("Chi bộ [1]: A/B\\C*D?") == "Chi bộ -1-- A-B-C-D-")
    }

    @Test func trimsApostrophesAndEmptyNames() {
        #expect(SheetName.sanitise("'Chi bộ'") == "Chi bộ")
        #expect(SheetName.sanitise("  ") == "Trang")
        #expect(SheetName.sanitise("\u{07}") == "Trang")
    }

    @Test func cutsToThirtyOneCharactersAfterNFC() {
        // NFD input: 40 characters but many more scalars; counted after NFC.
        let nfd = "Chi bộ Tài chính – Kế hoạch và Đầu tư tỉnh".decomposedStringWithCanonicalMapping
        let name = SheetName.sanitise(nfd)
        #expect(name.utf16.count <= SheetName.maxLength)
        #expect(name == "Chi bộ Tài chính – Kế hoạch và")
        #expect(name.unicodeScalars.count == name.precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    @Test func deduplicatesCaseInsensitivelyAndAcrossNormalisation() {
        let long = "Chi bộ Tài chính – Kế hoạch và Đầu tư"
        let first = SheetName.sanitise(long)
        let second = SheetName.sanitise(long, avoiding: [first])
        #expect(second != first)
        #expect(second.hasSuffix(" (2)"))
        #expect(second.utf16.count <= SheetName.maxLength)
        let third = SheetName.sanitise(long.decomposedStringWithCanonicalMapping.uppercased(), avoiding: [first, second])
        #expect(third.hasSuffix(" (3)"))
        #expect(SheetName.sanitise("Tổng hợp", avoiding: ["tổng hợp"]) == "Tổng hợp (2)")
    }

    /// Every name the sanitiser produces is accepted by libxlsxwriter.
    @Test func producesNamesLibxlsxwriterAccepts() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let workbook = try Workbook(path: scratch.file("names.xlsx"))
        var taken: [String] = []
        for raw in ["Chi bộ Văn phòng", "chi bộ văn phòng", "[Chi bộ]", "'quoted'", "a/b", String(repeating: "Đ", count: 40), ""] {
            let name = SheetName.sanitise(raw, avoiding: taken)
            _ = try workbook.addSheet(name)
            taken.append(name)
        }
        try workbook.close()
        let dump = try WorkbookReader.read(scratch.file("names.xlsx"))
        #expect(dump.sheets == taken)
    }
}

/// `ExcelText.cell` returns plain text as it is, in one pass; every other text goes the general
/// way. Both give the same cell.
@Suite struct PlainCellTests {
    static let samples = [
        "", "Nguyễn Văn A", "Hoàn thành tốt nhiệm vụ", "dòng một\ndòng hai", "tab\there", "x_y", "_x", "_x0041_",
        "chuông\u{07}", "cr\r\nlf", "\u{FFFE}", "\u{FFFF}", "ﬁ ligature \u{FB01}", "vt\u{0B}ff\u{0C}",
        String(repeating: "a", count: ExcelText.maxCellLength), String(repeating: "a", count: ExcelText.maxCellLength + 1),
        String(repeating: "ệ", count: 11_000), String(repeating: "ệ", count: 11_000) + "_x0041_",
    ]

    @Test func plainTextIsItsOwnCellAndEveryTextGivesTheGeneralCell() {
        for text in Self.samples {
            #expect(ExcelText.cell(text) == ExcelText.cleanedCell(text), "\(text.prefix(20))")
            if ExcelText.isPlainCell(text) { #expect(ExcelText.cleanedCell(text) == text) }
        }
        #expect(ExcelText.isPlainCell("Nguyễn Văn A"))
        #expect(!ExcelText.isPlainCell("_x0041_"))
        #expect(!ExcelText.isPlainCell("\u{FFFE}"))
        #expect(ExcelText.displayWidth("Nguyễn\nVăn A") == 6)
        #expect(ExcelText.displayWidth("Nguye\u{0302}\u{0303}n") == 6)
    }
}
