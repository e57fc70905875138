import KiemdiemCore
import OOXMLPackage

/// A `ReturnNotice` as a one-page WordprocessingML package (.docx): A4, the Party document's
/// header (left: the organisation and "*"; right: "ĐẢNG CỘNG SẢN VIỆT NAM", place and date), the
/// title, the salutation, the reasons as a table (TT · Chỗ trên mẫu · Thấy trong tệp · Cần làm),
/// where to send the corrected form, "Nơi nhận" and the signer's block. Written part by part with
/// libxml2's writer and packed with libzip (OOXMLPackage's `XMLWriter`, `ZipWriter`).
public enum NoticeDocument {
    /// The package's bytes; `modified` (seconds since 1970) stamps the entries and the core
    /// properties, so the same notice on the same day gives the same file.
    public static func docx(_ notice: ReturnNotice, modified: Int64) throws(PackageWriteError) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", try PackageParts.contentTypes())
        zip.add("_rels/.rels", try PackageParts.packageRelationships())
        zip.add("docProps/core.xml", try PackageParts.coreProperties(title: ReturnNotice.title, modified: modified))
        zip.add("word/_rels/document.xml.rels", try PackageParts.documentRelationships())
        zip.add("word/styles.xml", try PackageParts.styles())
        zip.add("word/document.xml", try body(notice))
        return try zip.archive(modified: modified)
    }

    /// A4 with the margins of a Party document (top and bottom 2 cm, left 3 cm, right 2 cm), in twips.
    static let pageWidth = 11906, pageHeight = 16838
    static let margins = (top: 1134, right: 1134, bottom: 1134, left: 1701)
    static var textWidth: Int { pageWidth - margins.left - margins.right }

    /// Half-points: the letter at 13 pt, the reasons at 12 pt, 11 pt or 10 pt as they grow in number,
    /// so that the page holds them (the notice prints on one sheet; NoticeDocumentTests checks nine).
    static func reasonSize(_ count: Int) -> Int { count <= 4 ? 24 : count <= 7 ? 22 : 20 }
    /// The text seen, cut so a row stays a few lines high.
    static func seenLimit(_ count: Int) -> Int { count <= 7 ? 140 : 90 }

    static func body(_ notice: ReturnNotice) throws(PackageWriteError) -> [UInt8] {
        let xml = try XMLWriter()
        let w = Body(xml: xml)
        xml.start("w:document", [("xmlns:w", PackageParts.wordNamespace), ("xmlns:r", PackageParts.relationshipNamespace)])
        xml.start("w:body")

        let leftWidth = textWidth * 42 / 100
        w.table(widths: [leftWidth, textWidth - leftWidth], borders: false, rows: [[
            notice.organisation.enumerated().map { index, line in
                Para([Run(line.uppercased(), bold: index == notice.organisation.count - 1, size: 24)], align: "center")
            } + [Para([Run("*")], align: "center")],
            [Para([Run(ReturnNotice.partyName, bold: true, underline: true)], align: "center"),
             Para([Run(notice.placeAndDate, italic: true, size: 24)], align: "center", before: 120)],
        ]])
        w.paragraph(Para([Run(ReturnNotice.title, bold: true, size: 28)], align: "center", before: 240))
        w.paragraph(Para([Run(notice.subtitle, italic: true)], align: "center", after: 240))
        w.paragraph(Para([Run(notice.salutation, bold: true)], after: 120))
        w.paragraph(Para([Run(notice.opening)], align: "both", after: 120, firstLine: 567))

        let size = reasonSize(notice.reasons.count)
        let widths = [textWidth * 6 / 100, textWidth * 30 / 100, textWidth * 34 / 100]
        var rows: [[[Para]]] = [["TT", "Chỗ trên mẫu", "Thấy trong tệp", "Cần làm"].map {
            [Para([Run($0, bold: true, size: size)], align: "center")]
        }]
        for (index, reason) in notice.reasons.enumerated() {
            var seen = [Para([Run(FormPlaceText.sentenceCase(reason.problem) + ".", size: size)], line: 240)]
            if let text = reason.seen {
                let limit = seenLimit(notice.reasons.count)
                let cut = text.count > limit ? String(text.prefix(limit)) + "…" : text
                seen.append(Para([Run("“\(cut)”", italic: true, size: max(18, size - 2))], before: 40, line: 240))
            }
            rows.append([[Para([Run("\(index + 1)", size: size)], align: "center", line: 240)],
                         [Para([Run(reason.place, size: size)], line: 240)],
                         seen,
                         [Para([Run(reason.action.isEmpty ? "—" : reason.action, size: size)], line: 240)]])
        }
        w.table(widths: widths + [textWidth - widths.reduce(0, +)], borders: true, rows: rows, headerRows: 1)

        w.paragraph(Para([Run("Nơi gửi lại bản đã sửa: ", bold: true), Run(notice.returnTo + ".")],
                         align: "both", before: 200, after: 80, firstLine: 567))
        w.paragraph(Para([Run(notice.closing, italic: true, size: 24)], align: "both", after: 200, firstLine: 567))

        let receivers = ["- Như trên;"] + [notice.partyCell, notice.partyCommittee].compactMap { $0.map { "- \($0);" } }
            + ["- Lưu hồ sơ kiểm điểm năm \(notice.year)."]
        w.table(widths: [leftWidth, textWidth - leftWidth], borders: false, rows: [[
            [Para([Run("Nơi nhận:", bold: true, italic: true, size: 24)])] + receivers.map { Para([Run($0, size: 22)], line: 240) },
            [Para([Run("NGƯỜI LẬP PHIẾU", bold: true)], align: "center"),
             Para([Run("(Ký, ghi rõ họ tên)", italic: true)], align: "center")],
        ]])

        xml.start("w:sectPr")
        xml.element("w:pgSz", [("w:w", "\(pageWidth)"), ("w:h", "\(pageHeight)")])
        xml.element("w:pgMar", [("w:top", "\(margins.top)"), ("w:right", "\(margins.right)"), ("w:bottom", "\(margins.bottom)"),
                                ("w:left", "\(margins.left)"), ("w:header", "567"), ("w:footer", "567"), ("w:gutter", "0")])
        xml.end()
        xml.end()  // w:body
        xml.end()  // w:document
        return try xml.finish()
    }
}

/// One run of text with its emphasis; `size` in half-points (26 = 13 pt, the letter's size).
struct Run {
    var text: String
    var bold = false
    var italic = false
    var underline = false
    var size = 26

    init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, size: Int = 26) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.size = size
    }
}

/// One paragraph: runs, alignment (`left`, `center`, `both`), spacing before and after in twips.
struct Para {
    var runs: [Run]
    var align = "left"
    var before = 0
    var after = 0
    var firstLine = 0
    /// Line spacing in 240ths of a line: 1.1 for the letter, single in the tables.
    var line = 264

    init(_ runs: [Run], align: String = "left", before: Int = 0, after: Int = 0, firstLine: Int = 0, line: Int = 264) {
        self.runs = runs
        self.align = align
        self.before = before
        self.after = after
        self.firstLine = firstLine
        self.line = line
    }
}

/// Writes paragraphs and tables of the body.
struct Body {
    let xml: XMLWriter

    func paragraph(_ p: Para) {
        xml.start("w:p")
        xml.start("w:pPr")
        xml.element("w:spacing", [("w:before", "\(p.before)"), ("w:after", "\(p.after)"), ("w:line", "\(p.line)"), ("w:lineRule", "auto")])
        if p.firstLine > 0 { xml.element("w:ind", [("w:firstLine", "\(p.firstLine)")]) }
        xml.element("w:jc", [("w:val", p.align)])
        xml.end()
        for run in p.runs {
            xml.start("w:r")
            xml.start("w:rPr")
            if run.bold { xml.element("w:b") }
            if run.italic { xml.element("w:i") }
            if run.underline { xml.element("w:u", [("w:val", "single")]) }
            xml.element("w:sz", [("w:val", "\(run.size)")])
            xml.element("w:szCs", [("w:val", "\(run.size)")])
            xml.end()
            xml.element("w:t", [("xml:space", "preserve")], text: run.text)
            xml.end()
        }
        xml.end()
    }

    /// A table of fixed column widths (twips); each cell a list of paragraphs (one at least).
    func table(widths: [Int], borders: Bool, rows: [[[Para]]], headerRows: Int = 0) {
        xml.start("w:tbl")
        xml.start("w:tblPr")
        xml.element("w:tblW", [("w:w", "\(widths.reduce(0, +))"), ("w:type", "dxa")])
        xml.element("w:tblLayout", [("w:type", "fixed")])
        xml.start("w:tblBorders")
        for edge in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
            xml.element(edge, borders ? [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")] : [("w:val", "nil")])
        }
        xml.end()
        xml.start("w:tblCellMar")
        xml.element("w:left", [("w:w", "80"), ("w:type", "dxa")])
        xml.element("w:right", [("w:w", "80"), ("w:type", "dxa")])
        xml.end()
        xml.end()
        xml.start("w:tblGrid")
        for width in widths { xml.element("w:gridCol", [("w:w", "\(width)")]) }
        xml.end()
        for (index, row) in rows.enumerated() {
            xml.start("w:tr")
            xml.start("w:trPr")
            xml.element("w:cantSplit")
            if index < headerRows { xml.element("w:tblHeader") }
            xml.end()
            for (column, cell) in row.enumerated() {
                xml.start("w:tc")
                xml.start("w:tcPr")
                xml.element("w:tcW", [("w:w", "\(widths[column])"), ("w:type", "dxa")])
                xml.end()
                for p in cell.isEmpty ? [Para([])] : cell { paragraph(p) }
                xml.end()
            }
            xml.end()
        }
        xml.end()
    }
}

enum FormPlaceText {
    /// "chưa đánh dấu ô nào" → "Chưa đánh dấu ô nào".
    static func sentenceCase(_ text: String) -> String {
        guard let first = text.first else { return text }
        return String(first).uppercased() + text.dropFirst()
    }
}
