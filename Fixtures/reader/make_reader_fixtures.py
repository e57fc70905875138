#!/usr/bin/env python3
"""Writes the reader's quirk fixtures: small Word-shaped .docx packages, one per quirk of
field-notes §1.2, and hostile/broken packages for the package layer.

Run from anywhere: python3 Fixtures/reader/make_reader_fixtures.py
Only the standard library is used; output is deterministic (fixed timestamps, seeded text)."""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2025, 12, 1, 8, 0, 0)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_DECL = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 w15 wp14"'
)
STRICT_NS_DECL = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships" '
    'xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)
SECT = ('<w:sectPr w:rsidR="00A51B2C"><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
REL_T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
REL_S = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def zinfo(name, compress=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = compress
    return info


def write_zip(path, entries, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            if isinstance(data, str):
                data = data.encode("utf-8")
            z.writestr(zinfo(name, compress), data)


def content_types(extra_overrides=()):
    overrides = [
        ('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
        ('/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'),
        ('/word/numbering.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml'),
        ('/word/settings.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml'),
        ('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
    ] + list(extra_overrides)
    body = ''.join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + body + '</Types>')


def rels(items):
    body = ''.join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"{extra}/>' for i, t, target, extra in items)
    return DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + body + '</Relationships>'


def document(body, ns=NS_DECL, sect=SECT):
    return DECL + f'<w:document {ns}><w:body>{body}{sect}</w:body></w:document>'


DEFAULT_STYLES = (
    DECL + f'<w:styles {NS_DECL}><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>'
    '<w:sz w:val="24"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '</w:styles>')


def docx(name, body, styles=DEFAULT_STYLES, numbering=None, headers=None, extra_parts=(), extra_rels=(),
         ns=NS_DECL, sect=SECT, strict=False):
    base = REL_S if strict else REL_T
    doc_rels = [("rId1", base + "styles", "styles.xml", ""), ("rId2", base + "settings", "settings.xml", "")]
    parts = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", rels([("rId1", base + "officeDocument", "word/document.xml", ""),
                              ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                               "docProps/core.xml", "")])),
        ("word/document.xml", document(body, ns=ns, sect=sect)),
        ("word/settings.xml", DECL + f'<w:settings {ns}><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
                                     '<w:characterSpacingControl w:val="doNotCompress"/></w:settings>'),
        ("docProps/core.xml", DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                                     'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>kiemdiem</dc:creator></cp:coreProperties>'),
    ]
    if styles is not None:
        parts.append(("word/styles.xml", styles))
    if numbering is not None:
        parts.append(("word/numbering.xml", numbering))
        doc_rels.append(("rId3", base + "numbering", "numbering.xml", ""))
    for index, (rid, part_name, xml) in enumerate(headers or []):
        parts.append(("word/" + part_name, xml))
        doc_rels.append((rid, base + "header", part_name, ""))
    parts.extend(extra_parts)
    doc_rels.extend(extra_rels)
    parts.insert(3, ("word/_rels/document.xml.rels", rels(doc_rels)))
    write_zip(os.path.join(HERE, name), parts)


def r(text, rpr="", rsid="00B12C3D"):
    space = ' xml:space="preserve"' if text != text.strip() or text == "" else ""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r w:rsidR="{rsid}">{props}<w:t{space}>{text}</w:t></w:r>'


def p(inner, ppr="", pid="1A2B3C4D"):
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return (f'<w:p w14:paraId="{pid}" w14:textId="77777777" w:rsidR="00A51B2C" w:rsidRDefault="00A51B2C" '
            f'w:rsidP="00C4D5E6">{props}{inner}</w:p>')


VI = '<w:lang w:val="vi-VN"/>'

# 01: text split across runs -------------------------------------------------------------------
docx("01-split-runs.docx",
     p('<w:bookmarkStart w:id="0" w:name="_GoBack"/>' + r("H", VI) + r("ọ và t", VI, "00D7E8F9")
       + '<w:proofErr w:type="spellStart"/>' + r("ên", VI) + '<w:proofErr w:type="spellEnd"/>'
       + r(": ", VI) + '<w:bookmarkEnd w:id="0"/>'
       + '<w:r><w:lastRenderedPageBreak/><w:t>Nguyễn</w:t></w:r>' + r(" Văn ", VI, "00E1F2A3") + r("An", VI)))

# 02: tracked changes ----------------------------------------------------------------------------
docx("02-tracked-changes.docx",
     p(r("Xếp loại: ") +
       '<w:del w:id="1" w:author="Bí thư" w:date="2025-12-01T08:00:00Z"><w:r><w:delText>Hoàn thành nhiệm vụ</w:delText></w:r></w:del>'
       '<w:ins w:id="2" w:author="Bí thư" w:date="2025-12-01T08:00:00Z"><w:r><w:t>Hoàn thành tốt nhiệm vụ</w:t></w:r></w:ins>')
     + p('<w:moveFrom w:id="3" w:author="A" w:date="2025-12-01T08:00:00Z"><w:r><w:t>Đoạn cũ</w:t></w:r></w:moveFrom>'
         + r("Giữ") +
         '<w:moveTo w:id="4" w:author="A" w:date="2025-12-01T08:00:00Z"><w:r><w:t xml:space="preserve"> đoạn mới</w:t></w:r></w:moveTo>')
     + p('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
         '<w:del w:id="5" w:author="A" w:date="2025-12-01T08:00:00Z"><w:r><w:delInstrText xml:space="preserve"> PAGE </w:delInstrText></w:r></w:del>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'))

# 03: fields -------------------------------------------------------------------------------------
FB = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
FS = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
FE = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def instr(text):
    return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


docx("03-fields.docx",
     p(r("Họ và tên: ") + FB + instr(' MERGEFIELD  HoTen  \\* MERGEFORMAT ') + FS + r("Trần Thị Bình") + FE)
     + p(r("Ngày: ") + FB + instr(' IF ') + FB + instr(' MERGEFIELD Gioi ') + FS + r("Nữ") + FE
         + instr(' = "Nữ" "bà" "ông" ') + FS + r("bà") + FE + r(" Bình"))
     + p('<w:fldSimple w:instr=" PAGE   \\* MERGEFORMAT "><w:r><w:rPr><w:noProof/></w:rPr><w:t>3</w:t></w:r></w:fldSimple>'
         + r(" / ") + '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>5</w:t></w:r></w:fldSimple>')
     + p(FB + instr(' HYPERLINK \\l "_Toc123" ') + FS + r("Mục lục") + FE))

# 04: content controls at five levels --------------------------------------------------------------


def sdt_pr(tag, alias, extra="", sid="-1200000001"):
    return (f'<w:sdtPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr>'
            f'<w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{sid}"/>{extra}</w:sdtPr>')


def tc(content, tcpr='<w:tcW w:w="4536" w:type="dxa"/>'):
    return f'<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>'


def tr(cells, trpr=""):
    return f'<w:tr w:rsidR="00A51B2C" w14:paraId="0A0B0C0D" w14:textId="77777777">{trpr}{cells}</w:tr>'


def tbl(rows, grid=(4536, 4536)):
    cols = ''.join(f'<w:gridCol w:w="{g}"/>' for g in grid)
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
            f'</w:tblPr><w:tblGrid>{cols}</w:tblGrid>{rows}</w:tbl>')


PLACEHOLDER = '<w:showingPlcHdr/>'
docx("04-content-controls.docx",
     # body level
     f'<w:sdt>{sdt_pr("party_cell", "Chi bộ")}<w:sdtEndPr/><w:sdtContent>' + p(r("Chi bộ 3")) + '</w:sdtContent></w:sdt>'
     # run level, filled and placeholder
     + p(r("Họ và tên: ") + f'<w:sdt>{sdt_pr("full_name", "Họ và tên", sid="11")}<w:sdtContent>' + r("Lê Văn Cường")
         + '</w:sdtContent></w:sdt>')
     + p(r("Chức vụ: ") + f'<w:sdt>{sdt_pr("position", "Chức vụ", PLACEHOLDER + "<w:text/>", sid="12")}<w:sdtContent>'
         + '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Click or tap here to enter text.</w:t></w:r>'
         + '</w:sdtContent></w:sdt>')
     # table level
     + f'<w:sdt>{sdt_pr("tbl_tag", "Bảng")}<w:sdtContent>'
     + tbl(tr(tc(p(r("Ô 1"))) + tc(p(r("Ô 2"))))) + '</w:sdtContent></w:sdt>'
     # row and cell level
     + tbl(f'<w:sdt>{sdt_pr("row_tag", "Dòng")}<w:sdtContent>' + tr(tc(p(r("Dòng A"))) + tc(p(r("Dòng B"))))
           + '</w:sdtContent></w:sdt>'
           + tr(tc(p(r("Nhãn"))) + f'<w:sdt>{sdt_pr("cell_tag", "Ô")}<w:sdtContent>' + tc(p(r("Giá trị ô")))
                + '</w:sdtContent></w:sdt>'))
     # block-level placeholder
     + f'<w:sdt>{sdt_pr("strengths", "Ưu điểm", PLACEHOLDER)}<w:sdtContent>'
     + p('<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Nhập ưu điểm.</w:t></w:r>') + '</w:sdtContent></w:sdt>')

# 05: checkboxes in four encodings ------------------------------------------------------------------


def w14_checkbox(tag, checked, glyph):
    state = "1" if checked else "0"
    return (f'<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
            f'<w:tag w:val="{tag}"/><w:id w:val="-170000000{state}"/><w14:checkbox><w14:checked w14:val="{state}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
            '</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" '
            f'w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>')


def form_checkbox(checked_xml):
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:calcOnExit w:val="0"/>'
            f'<w:checkBox><w:sizeAuto/>{checked_xml}</w:checkBox></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


docx("05-checkboxes.docx",
     # w14: the stale glyph disagrees with the state; state wins
     p(w14_checkbox("level_excellent", True, "☐") + r(" Hoàn thành xuất sắc ") + w14_checkbox("level_good", False, "☒")
       + r(" Hoàn thành tốt"))
     + p(form_checkbox('<w:default w:val="0"/><w:checked/>') + r(" Có ") + form_checkbox('<w:default w:val="1"/>')
         + r(" Mặc định ") + form_checkbox('<w:default w:val="0"/>') + r(" Không"))
     + p('<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>' + r(" A ")
         + '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>' + r(" B ")
         + '<w:r><w:sym w:font="Wingdings 2" w:char="0052"/></w:r>' + r(" C ")
         + '<w:r><w:sym w:font="Wingdings" w:char="6F"/></w:r>' + r(" D ")
         + '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>\uf078</w:t></w:r>' + r(" E"))
     + p(r("☒ Tốt ✓ Khá □ Trung bình ☐ Yếu ■ Kém")))

# 06: text boxes under mc:AlternateContent ---------------------------------------------------------
TXBX = ('<w:txbxContent>' + p(r("Mẫu 2A-KĐ"), pid="2B3C4D5E") + p(r("Ban hành kèm theo"), pid="3C4D5E6F")
        + '</w:txbxContent>')
docx("06-text-box.docx",
     p(r("ĐẢNG CỘNG SẢN VIỆT NAM") +
       '<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
       '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
       'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1" wp14:anchorId="5C0A5D4B" wp14:editId="1F2E3D4C">'
       '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>4114800</wp:posOffset></wp:positionH>'
       '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1371600" cy="457200"/>'
       '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="217" name="Text Box 2"/>'
       '<wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
       '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1">'
       '<a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr><wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/>'
       '<a:ext cx="1371600" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
       f'<wps:txbx>{TXBX}</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t" anchorCtr="0"><a:noAutofit/>'
       '</wps:bodyPr></wps:wsp></a:graphicData></a:graphic><wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth>'
       '</wp14:sizeRelH></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" '
       'o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>'
       '</v:shapetype><v:shape id="Text Box 2" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:324pt;'
       f'width:108pt;height:36pt;z-index:251659264"><v:textbox>{TXBX}</v:textbox>'
       '<w10:wrap type="square"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
     + p(r("Độc lập - Tự do - Hạnh phúc")))

# 07: Strict OOXML ---------------------------------------------------------------------------------
STRICT_STYLES = (DECL + f'<w:styles {STRICT_NS_DECL}><w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
                 '<w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>'
                 '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
STRICT_NUMBERING = (DECL + f'<w:numbering {STRICT_NS_DECL}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                    '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
docx("07-strict.docx",
     p(r("Bản kiểm điểm") + '<w:r><w:tab/><w:t>Strict</w:t></w:r>')
     + p(r("Ưu điểm"), ppr='<w:pStyle w:val="ListNumber"/>')
     + f'<w:sdt><w:sdtPr><w:tag w:val="full_name"/><w:id w:val="5"/></w:sdtPr><w:sdtContent>' + p(r("Phạm Thị Dung"))
     + '</w:sdtContent></w:sdt>'
     + tbl(tr(tc(p(r("Ô strict"))))),
     styles=STRICT_STYLES, numbering=STRICT_NUMBERING, ns=STRICT_NS_DECL,
     sect='<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>', strict=True)

# 08: automatic numbering --------------------------------------------------------------------------


def lvl(ilvl, fmt, text, start=1, extra=""):
    return (f'<w:lvl w:ilvl="{ilvl}" w:tplc="04090013"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/>'
            f'</w:pPr>{extra}</w:lvl>')


NUMBERING = (DECL + f'<w:numbering {NS_DECL}>'
             '<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0"><w:nsid w:val="1A2B3C4D"/>'
             '<w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="0409000F"/>'
             + lvl(0, "upperRoman", "%1.") + lvl(1, "decimal", "%2.") + lvl(2, "lowerLetter", "%3)")
             + lvl(3, "decimal", "%2.%4.") + '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
             + lvl(0, "bullet", "\uf0b7", extra='<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>')
             + lvl(1, "bullet", "-") + '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="singleLevel"/>'
             + lvl(0, "upperLetter", "%1.") + lvl(1, "lowerRoman", "(%2)") + '</w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
             '<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>'
             '</w:numbering>')
NUM_STYLES = DEFAULT_STYLES.replace('</w:styles>',
    '<w:style w:type="paragraph" w:styleId="MucLon"><w:name w:val="Muc lon"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="MucLon2"><w:name w:val="Muc lon 2"/><w:basedOn w:val="MucLon"/></w:style>'
    '</w:styles>')


def np(text, num, ilvl=0, style=""):
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "")
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    return p(r(text), ppr=ppr)


docx("08-numbering.docx",
     np("Ưu điểm", 1, 0) + np("Chính trị", 1, 1) + np("Đạo đức", 1, 1) + np("Lối sống", 1, 2) + np("Tác phong", 1, 2)
     + np("Chi tiết", 1, 3) + np("Hạn chế", 1, 0) + np("Nguyên nhân", 1, 1)
     + np("Gạch đầu dòng", 2, 0) + np("Gạch cấp 2", 2, 1)
     + np("Bắt đầu từ C", 3, 0) + np("Tiếp D", 3, 0) + np("La mã nhỏ", 3, 1)
     + np("Theo kiểu đoạn", None, style="MucLon") + np("Kế thừa basedOn", None, style="MucLon2")
     + p(r("Không đánh số"), ppr='<w:pStyle w:val="MucLon"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'),
     styles=NUM_STYLES, numbering=NUMBERING)

# 09: tables ---------------------------------------------------------------------------------------
NESTED = tbl(tr(tc(p(r("Lồng 1"))) + tc(p(r("Lồng 2")))))
docx("09-tables.docx",
     tbl(tr(tc(p(r("Tiêu đề gộp")), '<w:tcW w:w="9072" w:type="dxa"/><w:gridSpan w:val="2"/>'))
         + tr(tc(p(r("Gộp dọc")), '<w:tcW w:w="4536" w:type="dxa"/><w:vMerge w:val="restart"/>') + tc(p(r("B2"))))
         + tr(tc(p(""), '<w:tcW w:w="4536" w:type="dxa"/><w:vMerge/>') + tc(p(r("B3"))))
         + tr(tc(p(r("Ngoài")) + NESTED + p(r("Sau lồng"))) + tc(p(r("B4")))))
     + p(""))

# 10: transparent wrappers -------------------------------------------------------------------------
docx("10-wrappers.docx",
     p(r("Ngày ")
       + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date"><w:smartTagPr>'
         '<w:attr w:name="Year" w:val="2025"/></w:smartTagPr>'
         '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">' + r("15/12/2025") + '</w:smartTag>'
         '</w:smartTag>'
       + r(" tại ") + '<w:customXml w:element="place"><w:customXmlPr/>' + r("Hà Nội") + '</w:customXml>'
       + r(", xem ") + '<w:hyperlink r:id="rId9" w:history="1">' + r("cổng thông tin", '<w:rStyle w:val="Hyperlink"/>') + '</w:hyperlink>'
       + '<w:dir w:val="ltr">' + r(" trái") + '</w:dir>' + '<w:bdo w:val="ltr">' + r(" phải") + '</w:bdo>'
       + '<w:ins w:id="7" w:author="A" w:date="2025-12-01T00:00:00Z">' + r(" thêm") + '</w:ins>'
       + '<w:sdt><w:sdtPr><w:id w:val="9"/></w:sdtPr><w:sdtContent>' + r(" điều khiển") + '</w:sdtContent></w:sdt>'),
     extra_rels=[("rId9", REL_T + "hyperlink", "https://dangcongsan.vn/", ' TargetMode="External"')])

# 11: altChunk -------------------------------------------------------------------------------------
docx("11-altchunk.docx", p(r("Trước")) + '<w:altChunk r:id="rId20"/>' + p(r("Sau")),
     extra_parts=[("word/afchunk.htm", "<html><body><p>Nội dung nhúng</p></body></html>")],
     extra_rels=[("rId20", REL_T + "aFChunk", "afchunk.htm", "")])

# 12: special characters ---------------------------------------------------------------------------
docx("12-special-chars.docx",
     p(r("Họ và tên:") + '<w:r><w:tab/></w:r>' + r("Nguyễn Văn An"),
       ppr='<w:tabs><w:tab w:val="left" w:pos="2835"/><w:tab w:val="right" w:leader="dot" w:pos="9072"/></w:tabs>')
     + p(r("kiểm") + '<w:r><w:softHyphen/></w:r>' + r("điểm\u00ad viên") + '<w:r><w:t>ngày 01</w:t><w:noBreakHyphen/>'
         '<w:t>12</w:t><w:noBreakHyphen/><w:t>2025</w:t></w:r>')
     + p(r("dòng 1") + '<w:r><w:br/></w:r>' + r("dòng 2") + '<w:r><w:br w:type="page"/></w:r>'
         + r("trang") + '<w:r><w:br w:type="column"/></w:r>' + r("cột") + '<w:r><w:cr/></w:r>' + r("cr")
         + '<w:r><w:br w:type="textWrapping" w:clear="all"/></w:r>' + r("hết"))
     + p(r("Đảng\u00a0viên\u200b \ufeffmẫu\u2060\u200c\u200dsố")))

# 13: legacy Vietnamese fonts ----------------------------------------------------------------------
LEGACY_STYLES = DEFAULT_STYLES.replace('</w:styles>',
    '<w:style w:type="character" w:styleId="TCVNChar"><w:name w:val="TCVN char"/>'
    '<w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="VNIBase"><w:name w:val="VNI base"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="VNIDerived"><w:name w:val="VNI derived"/><w:basedOn w:val="VNIBase"/></w:style>'
    '</w:styles>')
VNTIME = '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'
docx("13-legacy-fonts.docx",
     p(r("Céng hßa x· héi chñ nghÜa ViÖt Nam", VNTIME))
     + p(r("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", '<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/>'))
     + p(r("§¶ng bé tØnh", '<w:rStyle w:val="TCVNChar"/>'))
     + p(r("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", '<w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/>'))
     + p(r("Ñaûng boä tænh"), ppr='<w:pStyle w:val="VNIDerived"/>')
     + p(r("Unicode bình thường")),
     styles=LEGACY_STYLES)
DEFAULTS_TCVN = DEFAULT_STYLES.replace(
    '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>',
    '<w:rFonts w:ascii=".VnArial" w:hAnsi=".VnArial"/>')
docx("13b-legacy-defaults.docx", p(r("B¶n kiÓm ®iÓm")), styles=DEFAULTS_TCVN)

# 14: decomposed (NFD) text ------------------------------------------------------------------------
NFD = "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng Nhu\u031b\u0323"
docx("14-nfd.docx", p(r(NFD)) + p(r("Đ\u1ea3ng vie\u0302n")))

# 15: unknown elements, known-ignored formatting, strike -------------------------------------------
docx("15-unknown-and-strike.docx",
     p(r("Mức: ") + '<w:foo><w:r><w:t>trong foo</w:t></w:r></w:foo><w:foo/>'
       + r("Hoàn thành xuất sắc", '<w:strike/>') + r(" / ") + r("Hoàn thành tốt", '<w:strike w:val="0"/>')
       + r(" / ") + r("Không", '<w:dstrike/>') + r(" hoàn thành", '<w:dstrike w:val="true"/>'),
       ppr='<w:pStyle w:val="Normal"/><w:spacing w:before="120"/><w:jc w:val="both"/><w:rPr><w:b/></w:rPr>')
     + '<w:bar/>'
     + p('<w:r><w:rPr><w:b/><w:i/><w:sz w:val="28"/><w:color w:val="FF0000"/></w:rPr>'
         '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="Ảnh"/>'
         '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="x"/></a:graphic>'
         '</wp:inline></w:drawing><w:t>ảnh</w:t></w:r><w15:weird/>'))

# 16: headers --------------------------------------------------------------------------------------


def header(text):
    return DECL + f'<w:hdr {NS_DECL}>' + p(r(text)) + '</w:hdr>'


docx("16-headers.docx", p(r("Thân")),
     headers=[("rId7", "header1.xml", header("Đầu trang mặc định")), ("rId8", "header2.xml", header("Đầu trang đầu"))],
     sect='<w:sectPr><w:headerReference w:type="default" r:id="rId7"/><w:headerReference w:type="first" r:id="rId8"/>'
          '<w:pgSz w:w="11906" w:h="16838"/><w:titlePg/></w:sectPr>')

# 17: a broken secondary part ----------------------------------------------------------------------
docx("17-broken-styles.docx", p(r("Vẫn đọc được")), styles=DECL + f'<w:styles {NS_DECL}><w:style w:styleId="A">')

# 18: main part found through _rels/.rels, not at word/document.xml --------------------------------
parts = [("[Content_Types].xml", content_types()),
         ("_rels/.rels", rels([("rId1", REL_T + "officeDocument", "/doc/main.xml", "")])),
         ("doc/main.xml", document(p(r("Phần chính ở chỗ khác")))),
         ("doc/_rels/main.xml.rels", rels([("rId1", REL_T + "styles", "../word/styles.xml", "")])),
         ("word/styles.xml", DEFAULT_STYLES)]
write_zip(os.path.join(HERE, "18-relocated-main.docx"), parts)

# 21: deleted paragraph marks: accepting the deletion joins a paragraph with the next one ---------
DEL_MARK = '<w:rPr><w:del w:id="{}" w:author="Bí thư" w:date="2025-12-01T08:00:00Z"/></w:rPr>'
INS_MARK = '<w:rPr><w:ins w:id="{}" w:author="Bí thư" w:date="2025-12-01T08:00:00Z"/></w:rPr>'
MARK_STYLES = NUM_STYLES.replace('</w:styles>',
    '<w:style w:type="paragraph" w:styleId="Nhan"><w:name w:val="Nhan"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="GhiChu"><w:name w:val="Ghi chu"/><w:basedOn w:val="Normal"/></w:style>'
    '</w:styles>')
NUM1 = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
docx("21-deleted-paragraph-marks.docx",
     # a label split from its value
     p(r("Họ và tên"), ppr='<w:pStyle w:val="Nhan"/>' + DEL_MARK.format(30))
     + p(r(": Nguyễn Văn A"), ppr='<w:jc w:val="both"/>')
     # a chain of three: the last paragraph's style and numbering survive, the first's never counts
     + p(r("Ngày sinh"), ppr='<w:pStyle w:val="Nhan"/>' + NUM1 + DEL_MARK.format(31))
     + p(r(": 01/02/1980"), ppr=DEL_MARK.format(32))
     + p(r(", quê Hà Nam"), ppr='<w:pStyle w:val="GhiChu"/>' + NUM1 + '<w:jc w:val="center"/>')
     + p(r("Mục tiếp"), ppr=NUM1)
     # a whole deleted paragraph disappears
     + p('<w:del w:id="33" w:author="Bí thư" w:date="2025-12-01T08:00:00Z"><w:r><w:delText>Đoạn bỏ</w:delText></w:r></w:del>',
         ppr=DEL_MARK.format(34))
     + p(r("Còn lại"))
     # an inserted mark changes nothing
     + p(r("Dòng chèn"), ppr=INS_MARK.format(35)) + p(r("Dòng sau"))
     # a letter and its combining marks on both sides of the mark
     + p(r("Nguye"), ppr=DEL_MARK.format(36)) + p(r("\u0302\u0303n Văn Bình"))
     # checkboxes on both sides of the mark
     + p(r("Xếp loại: ") + w14_checkbox("xuat_sac", True, "☐") + r(" Xuất sắc"), ppr=DEL_MARK.format(37))
     + p(r(", ") + '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>' + r(" Tốt"))
     # struck text running over the mark
     + p(r("Mức: ") + r("Hoàn thành", '<w:strike/>'), ppr=DEL_MARK.format(38))
     + p(r(" tốt", '<w:strike/>') + r(" nhiệm vụ"))
     # never into a table, never out of a cell; the last paragraph of the body stays
     + p(r("Trước bảng"), ppr=DEL_MARK.format(39))
     + tbl(tr(tc(p(r("Ô cuối"), ppr=DEL_MARK.format(40)))
              + tc(p(r("Ô A"), ppr=DEL_MARK.format(41)) + p(r(" và Ô B")))))
     + p(r("Sau bảng"))
     + p(r("Cuối"), ppr=DEL_MARK.format(42)),
     styles=MARK_STYLES, numbering=NUMBERING)

# Package-layer fixtures ---------------------------------------------------------------------------
PK = os.path.join(HERE, "package")
os.makedirs(PK, exist_ok=True)
MIN_PARTS = [("[Content_Types].xml", content_types()),
             ("_rels/.rels", rels([("rId1", REL_T + "officeDocument", "word/document.xml", "")]))]


def minimal(path, document_xml, extra=(), compress=zipfile.ZIP_DEFLATED):
    write_zip(os.path.join(PK, path), MIN_PARTS + [("word/document.xml", document_xml)] + list(extra), compress)


open(os.path.join(PK, "empty.docx"), "wb").close()
rng = random.Random(1)
with open(os.path.join(PK, "random.docx"), "wb") as f:
    f.write(bytes(rng.randrange(256) for _ in range(4096)))


def ole(streams):
    """A compound-file header plus a directory sector naming `streams` (UTF-16LE), as Office writes them."""
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    header[0x18:0x1C] = struct.pack("<HH", 0x3E, 3)
    header[0x1C:0x20] = struct.pack("<HH", 0xFFFE, 9)
    directory = bytearray()
    for name in ["Root Entry"] + streams:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[0:len(encoded)] = encoded
        entry[64:66] = struct.pack("<H", len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    return bytes(header) + bytes(directory) + bytes(512 - len(directory) % 512)


with open(os.path.join(PK, "legacy.doc.docx"), "wb") as f:
    f.write(ole(["WordDocument", "1Table", "\x05SummaryInformation"]))
with open(os.path.join(PK, "encrypted.docx"), "wb") as f:
    f.write(ole(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))

minimal("valid-minimal.docx", document(p(r("Hợp lệ"))))
with open(os.path.join(PK, "valid-minimal.docx"), "rb") as f:
    whole = f.read()
with open(os.path.join(PK, "truncated.docx"), "wb") as f:
    f.write(whole[: len(whole) // 2])

# Bad CRC: store document.xml uncompressed and flip one byte of its data.
minimal("bad-crc.docx", document(p(r("Kiểm tra CRC"))), compress=zipfile.ZIP_STORED)
path = os.path.join(PK, "bad-crc.docx")
data = bytearray(open(path, "rb").read())
marker = data.find(b"Ki\xe1\xbb\x83m tra")
data[marker] ^= 0x20
open(path, "wb").write(bytes(data))

# Zip bomb: 1 GiB of zeros, deflated while streaming (about 1 MB on disk).
bomb_path = os.path.join(PK, "zip-bomb.docx")
with zipfile.ZipFile(bomb_path, "w") as z:
    for name, xml in MIN_PARTS + [("word/document.xml", document(p(r("bom"))))]:
        z.writestr(zinfo(name), xml)
    info = zinfo("word/media/zeros.bin")
    info._compresslevel = 9  # 3.11 has no public setter on ZipInfo
    with z.open(info, "w", force_zip64=True) as out:
        block = bytes(1 << 20)
        for _ in range(1024):
            out.write(block)

# A bomb whose headers lie: a 30 MB entry declared as 2,000 bytes.
lying_path = os.path.join(PK, "lying-bomb.docx")
payload = bytes(30 << 20)
with zipfile.ZipFile(lying_path, "w") as z:
    for name, xml in MIN_PARTS:
        z.writestr(zinfo(name), xml)
    z.writestr(zinfo("word/document.xml"), (document(p(r("x"))).encode() + b"<!--" + payload + b"-->")[: len(payload)])
raw = bytearray(open(lying_path, "rb").read())
target = b"word/document.xml"
for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
    start = 0
    while True:
        at = raw.find(signature, start)
        if at < 0:
            break
        name_len_offset = 26 if signature == b"PK\x03\x04" else 28
        name_len = struct.unpack_from("<H", raw, at + name_len_offset)[0]
        name_at = at + (30 if signature == b"PK\x03\x04" else 46)
        if raw[name_at:name_at + name_len] == target:
            struct.pack_into("<I", raw, at + size_offset, 2000)
        start = at + 4
open(lying_path, "wb").write(bytes(raw))

# Many entries: past the default cap of 5,000.
with zipfile.ZipFile(os.path.join(PK, "many-entries.docx"), "w") as z:
    for name, xml in MIN_PARTS + [("word/document.xml", document(p(r("nhiều"))))]:
        z.writestr(zinfo(name), xml)
    for i in range(6000):
        z.writestr(zinfo(f"x/{i}", zipfile.ZIP_STORED), b"")

minimal("path-traversal.docx", document(p(r("Đường dẫn"))),
        extra=[("../../evil.xml", "<x/>"), ("/etc/passwd", "root"), ("word/../../escape.xml", "<y/>")])

write_zip(os.path.join(PK, "spreadsheet.xlsx.docx"), [
    ("[Content_Types].xml", content_types()),
    ("_rels/.rels", rels([("rId1", REL_T + "officeDocument", "xl/workbook.xml", "")])),
    ("xl/workbook.xml", DECL + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                              '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1" '
                              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>'),
])

write_zip(os.path.join(PK, "no-main-part.docx"), [("[Content_Types].xml", content_types()),
                                                  ("docProps/app.xml", "<Properties/>")])

minimal("doctype-xxe.docx", '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        + document(p(r("&xxe;"))).replace(DECL, ""))
laughs = ''.join(f'<!ENTITY lol{i} "' + f'&lol{i - 1};' * 10 + '">' for i in range(1, 10))
minimal("billion-laughs.docx", '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">' + laughs + ']>\n'
        + document(p(r("&lol9;"))).replace(DECL, ""))
minimal("undeclared-entity.docx", document(p(r("&xxe;"))))
minimal("deep-nesting.docx", document(p("<w:customXml w:element=\"x\">" * 100000 + "</w:customXml>" * 100000)))
bad_utf8 = document(p(r("@@"))).encode("utf-8").replace(b"@@", b"Nguy\xc3\x28n \xff")
minimal("invalid-utf8.docx", bad_utf8)
minimal("malformed.docx", document(p(r("không đóng thẻ"))).replace("</w:body>", ""))

with zipfile.ZipFile(os.path.join(PK, "duplicate-names.docx"), "w") as z:
    import warnings
    warnings.simplefilter("ignore")
    for name, xml in MIN_PARTS + [("word/document.xml", document(p(r("Bản thứ nhất")))),
                                  ("word/document.xml", document(p(r("Bản thứ hai"))))]:
        z.writestr(zinfo(name), xml)

# A 5 MB main part for the memory test: varied paragraphs, as a long real form would be.
words = ("đảng viên chi bộ kiểm điểm ưu điểm hạn chế khuyết điểm nguyên nhân biện pháp khắc phục "
         "nhiệm vụ chính trị đạo đức lối sống tác phong lề lối làm việc năm công tác").split()
paragraphs = []
size = 0
i = 0
while size < 5 * 1024 * 1024:
    text = " ".join(rng.choice(words) for _ in range(rng.randrange(8, 30))) + f" {i}."
    xml = p(r(text[: len(text) // 2], VI, f"00{rng.randrange(1 << 24):06X}") + r(text[len(text) // 2:], VI))
    paragraphs.append(xml)
    size += len(xml.encode())
    i += 1
minimal("large-5mb.docx", document("".join(paragraphs)))
# LibreOffice round trips (19, 20): committed as written by LibreOffice 7 on the dev machine;
# regenerate with `--libreoffice` (needs /usr/bin/soffice).
if "--libreoffice" in sys.argv:
    with tempfile.TemporaryDirectory() as tmp:
        for source, target in (("08-numbering.docx", "19-libreoffice-numbering.docx"),
                               ("05-checkboxes.docx", "20-libreoffice-checkboxes.docx")):
            shutil.copy(os.path.join(HERE, source), os.path.join(tmp, target))
            subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo-profile-reader", "--headless",
                            "--convert-to", "docx:MS Word 2007 XML", "--outdir", os.path.join(tmp, "out"),
                            os.path.join(tmp, target)], check=True, capture_output=True)
            shutil.copy(os.path.join(tmp, "out", target), os.path.join(HERE, target))
print("fixtures written to", HERE)
