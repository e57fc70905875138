import KiemdiemCore
import OOXMLPackage
import Testing
@testable import WordDocument

@Test func item01TextSplitAcrossRunsIsJoined() throws {
    let doc = try Fixture.read("01-split-runs.docx")
    #expect(texts(doc) == ["Họ và tên: Nguyễn Văn An"])
    #expect(doc.findings.isEmpty)
    #expect(doc.unknownElements.isEmpty)
}

@Test func item02TrackedChangesAcceptInsertionsDropDeletions() throws {
    let doc = try Fixture.read("02-tracked-changes.docx")
    #expect(texts(doc) == ["Xếp loại: Hoàn thành tốt nhiệm vụ", "Giữ đoạn mới", "7"])
    #expect(doc.findings.map(\.code) == [.trackedChanges])
    #expect(doc.findings.first?.severity == .warning)
}

/// Word accepts a deleted paragraph mark by letting the next paragraph continue the text on the
/// same line, with that next paragraph's properties; never across a table or out of a cell.
@Test func item02DeletedParagraphMarksJoinTheNextParagraph() throws {
    let doc = try Fixture.read("21-deleted-paragraph-marks.docx")
    #expect(texts(doc) == ["Họ và tên: Nguyễn Văn A", "Ngày sinh: 01/02/1980, quê Hà Nam", "Mục tiếp", "Còn lại",
                           "Dòng chèn", "Dòng sau", "Nguyễn Văn Bình", "Xếp loại: ☒ Xuất sắc, ☐ Tốt",
                           "Mức: Hoàn thành tốt nhiệm vụ", "Trước bảng", "Ô cuối", "Ô A và Ô B", "Sau bảng", "Cuối"])
    #expect(doc.findings.map(\.code) == [.trackedChanges])
    #expect(doc.unknownElements.isEmpty)
    let ps = paragraphs(doc.body)

    // The surviving mark is the last one's: its style, its number; the joined ones never count.
    #expect(ps[0].styleID == nil)
    #expect(ps[1].styleID == "GhiChu")
    #expect(ps[1].numberingLabel == "I.")
    #expect(ps[2].numberingLabel == "II.")

    let boxes = ps[7]
    #expect(boxes.checkboxes == [Checkbox(checked: true, encoding: .contentControl, offset: 10),
                                 Checkbox(checked: false, encoding: .symbol, offset: 22)])
    let characters = Array(boxes.text)
    #expect(boxes.checkboxes.map { characters[$0.offset] } == ["☒", "☐"])
    #expect(boxes.contentControls.map(\.tag) == ["xuat_sac"])
    #expect(ps[8].struck == ["Hoàn thành tốt"])

    // Body: paragraph, ..., the paragraph before the table, the table, two paragraphs.
    let table = try #require(tables(doc.body).first)
    #expect(table.rows[0].cells.map(\.text) == ["Ô cuối", "Ô A và Ô B"])
    #expect(table.rows[0].cells.map(\.blocks.count) == [1, 1])
    guard case .paragraph(let last) = try #require(doc.body.last) else { Issue.record("body ends in a table"); return }
    #expect(last.text == "Cuối")
}

@Test func item03FieldsShowOnlyTheirResult() throws {
    let doc = try Fixture.read("03-fields.docx")
    #expect(texts(doc) == ["Họ và tên: Trần Thị Bình", "Ngày: bà Bình", "3 / 5", "Mục lục"])
}

@Test func item04ContentControlsAtEveryLevel() throws {
    let doc = try Fixture.read("04-content-controls.docx")
    let ps = paragraphs(doc.body)
    #expect(ps.map(\.text) == ["Chi bộ 3", "Họ và tên: Lê Văn Cường", "Chức vụ: ", "Ô 1", "Ô 2", "Dòng A", "Dòng B",
                               "Nhãn", "Giá trị ô", ""])
    #expect(ps[0].contentControls == [ContentControl(tag: "party_cell", alias: "Chi bộ", showingPlaceholder: false)])
    #expect(ps[1].contentControls == [ContentControl(tag: "full_name", alias: "Họ và tên", showingPlaceholder: false)])
    #expect(ps[2].contentControls == [ContentControl(tag: "position", alias: "Chức vụ", showingPlaceholder: true)])
    #expect(ps[3].contentControls.map(\.tag) == ["tbl_tag"])
    #expect(ps[4].contentControls.map(\.tag) == ["tbl_tag"])
    #expect(ps[5].contentControls.map(\.tag) == ["row_tag"])
    #expect(ps[6].contentControls.map(\.tag) == ["row_tag"])
    #expect(ps[7].contentControls.isEmpty)
    #expect(ps[8].contentControls.map(\.tag) == ["cell_tag"])
    #expect(ps[9].contentControls == [ContentControl(tag: "strengths", alias: "Ưu điểm", showingPlaceholder: true)])
}

@Test func item05CheckboxesInFourEncodings() throws {
    let doc = try Fixture.read("05-checkboxes.docx")
    let ps = paragraphs(doc.body)
    #expect(ps.map(\.text) == ["☒ Hoàn thành xuất sắc ☐ Hoàn thành tốt",
                               "☒ Có ☒ Mặc định ☐ Không",
                               "☒ A ☐ B ☒ C ☐ D ☒ E",
                               "☒ Tốt ☒ Khá ☐ Trung bình ☐ Yếu ☒ Kém"])
    #expect(ps[0].checkboxes == [Checkbox(checked: true, encoding: .contentControl, offset: 0),
                                 Checkbox(checked: false, encoding: .contentControl, offset: 22)])
    #expect(ps[0].contentControls.map(\.tag) == ["level_excellent", "level_good"])
    #expect(ps[1].checkboxes.map(\.checked) == [true, true, false])
    #expect(ps[1].checkboxes.allSatisfy { $0.encoding == .formField })
    #expect(ps[2].checkboxes.map(\.checked) == [true, false, true, false, true])
    #expect(ps[2].checkboxes.allSatisfy { $0.encoding == .symbol })
    #expect(ps[2].checkboxes.map(\.offset) == [0, 4, 8, 12, 16])
    #expect(ps[3].checkboxes.map(\.checked) == [true, true, false, false, true])
    #expect(ps[3].checkboxes.allSatisfy { $0.encoding == .glyph })
}

@Test func item06TextBoxReadOnceAfterItsAnchor() throws {
    let doc = try Fixture.read("06-text-box.docx")
    #expect(texts(doc) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Mẫu 2A-KĐ", "Ban hành kèm theo", "Độc lập - Tự do - Hạnh phúc"])
    #expect(doc.unknownElements.isEmpty)
}

@Test func item07StrictReadsLikeTransitional() throws {
    let doc = try Fixture.read("07-strict.docx")
    let ps = paragraphs(doc.body)
    #expect(ps.map(\.text) == ["Bản kiểm điểm\tStrict", "Ưu điểm", "Phạm Thị Dung", "Ô strict"])
    #expect(ps[1].numberingLabel == "1.")
    #expect(ps[1].styleID == "ListNumber")
    #expect(ps[2].contentControls.map(\.tag) == ["full_name"])
    #expect(doc.unknownElements.isEmpty)
    #expect(doc.findings.isEmpty)
}

@Test func item08AutomaticNumberingLabels() throws {
    let doc = try Fixture.read("08-numbering.docx")
    let ps = paragraphs(doc.body)
    #expect(ps.map { $0.numberingLabel ?? "-" } == ["I.", "1.", "2.", "a)", "b)", "2.1.", "II.", "1.",
                                                    "•", "-", "C.", "D.", "(i)", "III.", "IV.", "-"])
    #expect(ps[0].displayText == "I. Ưu điểm")
    #expect(ps[0].text == "Ưu điểm")
    #expect(ps[13].styleID == "MucLon")
}

@Test func item09TablesSpansMergesAndNesting() throws {
    let doc = try Fixture.read("09-tables.docx")
    let table = try #require(tables(doc.body).first)
    #expect(table.rows.count == 4)
    #expect(table.rows[0].cells.map(\.gridSpan) == [2])
    #expect(table.rows[1].cells.map(\.isMergeContinuation) == [false, false])
    #expect(table.rows[2].cells.map(\.isMergeContinuation) == [true, false])
    #expect(table.rows[1].cells[0].text == "Gộp dọc")
    let outer = table.rows[3].cells[0]
    #expect(outer.text == "Ngoài\nLồng 1\nLồng 2\nSau lồng")
    let nested = try #require(tables(outer.blocks).first)
    #expect(nested.rows[0].cells.map(\.text) == ["Lồng 1", "Lồng 2"])
    #expect(texts(doc) == ["Tiêu đề gộp", "Gộp dọc", "B2", "", "B3", "Ngoài", "Lồng 1", "Lồng 2", "Sau lồng", "B4", ""])
}

@Test func item10WrappersArePassedThrough() throws {
    let doc = try Fixture.read("10-wrappers.docx")
    #expect(texts(doc) == ["Ngày 15/12/2025 tại Hà Nội, xem cổng thông tin trái phải thêm điều khiển"])
    #expect(doc.unknownElements.isEmpty)
}

@Test func item11AltChunkIsCounted() throws {
    let doc = try Fixture.read("11-altchunk.docx")
    #expect(doc.altChunks == 1)
    #expect(texts(doc) == ["Trước", "Sau"])
}

@Test func item12SpecialCharactersAreUnified() throws {
    let doc = try Fixture.read("12-special-chars.docx")
    #expect(texts(doc) == ["Họ và tên:\tNguyễn Văn An",
                           "kiểmđiểm viênngày 01-12-2025",
                           "dòng 1\ndòng 2trangcột\ncr\nhết",
                           "Đảng viên mẫusố"])
}

@Test func item13LegacyFontsAreConverted() throws {
    let doc = try Fixture.read("13-legacy-fonts.docx")
    #expect(texts(doc) == ["Cộng hòa xã hội chủ nghĩa Việt Nam",
                           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                           "Đảng bộ tỉnh",
                           "Cộng hòa xã hội chủ nghĩa Việt Nam",
                           "Đảng bộ tỉnh",
                           "Unicode bình thường"])
    #expect(doc.findings.map(\.code) == [.legacyFontConverted])
    let defaults = try Fixture.read("13b-legacy-defaults.docx")
    #expect(texts(defaults) == ["Bản kiểm điểm"])
}

@Test func item14TextIsNFC() throws {
    let doc = try Fixture.read("14-nfd.docx")
    let ts = texts(doc)
    #expect(ts.map { Array($0.unicodeScalars) } == [Array("Nguyễn Thị Hồng Nhự".precomposedScalars),
                                                    Array("Đảng viên".precomposedScalars)])
    #expect(ts[0].unicodeScalars.count == 19)
}

@Test func item15UnknownElementsAreCountedNotDropped() throws {
    let doc = try Fixture.read("15-unknown-and-strike.docx")
    #expect(doc.unknownElements == ["word/document.xml": ["w:foo": 2, "w:bar": 1, "w15:weird": 1]])
    let ps = paragraphs(doc.body)
    #expect(ps[0].text == "Mức: trong fooHoàn thành xuất sắc / Hoàn thành tốt / Không hoàn thành")
    #expect(ps[0].struck == ["Hoàn thành xuất sắc", "Không hoàn thành"])
    #expect(ps[0].styleID == "Normal")
    #expect(ps[1].text == "ảnh")
}

@Test func headersAreReadFirstDefaultEven() throws {
    let doc = try Fixture.read("16-headers.docx")
    #expect(paragraphs(doc.headers).map(\.text) == ["Đầu trang đầu", "Đầu trang mặc định"])
    #expect(texts(doc) == ["Thân"])
}

@Test func brokenStylesDegradeToAWarning() throws {
    let doc = try Fixture.read("17-broken-styles.docx")
    #expect(texts(doc) == ["Vẫn đọc được"])
    #expect(doc.findings == [Finding(.malformedXML, field: "file", evidence: "word/styles.xml", severity: .warning)])
}

@Test func relocatedMainPartIsRead() throws {
    #expect(texts(try Fixture.read("18-relocated-main.docx")) == ["Phần chính ở chỗ khác"])
}

@Test func spreadsheetIsNotAWordDocument() throws {
    #expect(try Fixture.failure("package/spreadsheet.xlsx.docx") == .notAWordDocument)
}

@Test func packageFailuresSurfaceAsReadFailures() throws {
    #expect(try Fixture.failure("package/empty.docx") == .emptyFile)
    #expect(try Fixture.failure("package/encrypted.docx") == .encryptedDocument)
    #expect(try Fixture.failure("package/legacy.doc.docx") == .legacyWordFormat)
    #expect(try Fixture.failure("package/doctype-xxe.docx") == .unsafeXML)
    #expect(try Fixture.failure("package/invalid-utf8.docx") == .malformedXML)
    #expect(try Fixture.failure("package/zip-bomb.docx") == .archiveLimitExceeded)
    #expect(try Fixture.failure("package/no-main-part.docx") == .notAWordDocument)
    #expect(try Fixture.failure("package/valid-minimal.docx") == nil)
}

@Test func item08NumberingSurvivesALibreOfficeSave() throws {
    // LibreOffice splits lists into several w:num of one w:abstractNum: they must continue.
    let doc = try Fixture.read("19-libreoffice-numbering.docx")
    let ps = paragraphs(doc.body)
    #expect(ps.map(\.text) == paragraphs(try Fixture.read("08-numbering.docx").body).map(\.text))
    #expect(ps.map { $0.numberingLabel ?? "-" } == ["I.", "1.", "2.", "a)", "b)", "2.1.", "II.", "1.",
                                                    "•", "-", "C.", "D.", "(i)", "III.", "IV.", "-"])
}

@Test func item05CheckboxesSurviveALibreOfficeSave() throws {
    let doc = try Fixture.read("20-libreoffice-checkboxes.docx")
    let ps = paragraphs(doc.body)
    #expect(ps.map(\.text) == ["☒ Hoàn thành xuất sắc ☐ Hoàn thành tốt", "☒ Có ☒ Mặc định ☐ Không",
                               "☒ A ☐ B ☒ C ☐ D ☒ E", "☒ Tốt ☒ Khá ☐ Trung bình ☐ Yếu ☒ Kém"])
    #expect(ps.map { $0.checkboxes.map(\.encoding) } == [[.contentControl, .contentControl],
                                                         [.formField, .formField, .formField],
                                                         Array(repeating: .symbol, count: 5),
                                                         Array(repeating: .glyph, count: 5)])
}

@Test func duplicateEntryNamesAreRefused() throws {
    #expect(try Fixture.failure("package/duplicate-names.docx") == .corruptArchive)
}

@Test func pathTraversalEntriesAreIgnoredNotFollowed() throws {
    #expect(texts(try Fixture.read("package/path-traversal.docx")) == ["Đường dẫn"])
}
