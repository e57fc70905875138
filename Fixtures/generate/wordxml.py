"""The third writer: a .docx package built directly with zipfile, its XML shaped the way Microsoft Word
writes it.

What makes it Word-like (and what a reader must cope with):
  * every paragraph carries w14:paraId / w14:textId and w:rsidR / w:rsidRDefault / w:rsidP; runs carry
    w:rsidRPr, and run text is split at rsid boundaries, also in the middle of a word ("Họ và t" + "ên:");
  * w:proofErr spellStart/spellEnd markers between runs, w:bookmarkStart/End (_GoBack and a named one),
    w:lastRenderedPageBreak at the start of a run, the paragraph mark's own w:rPr in w:pPr;
  * mc:Ignorable="w14 w15 wp14" on the root, a final w:sectPr (A4);
  * styles.xml with w:docDefaults (Times New Roman 14 pt), settings.xml with w:rsids, fontTable.xml,
    [Content_Types].xml, _rels/.rels, word/_rels/document.xml.rels, docProps/core.xml and app.xml;
  * tick boxes as Word content controls (w:sdt with w14:checkbox, ☒ U+2612 / ☐ U+2610 in MS Gothic inside
    w:sdtContent) or, in older forms, as w:sym w:font="Wingdings" w:char="F0FE" (checked) / "F0A8" (unchecked);
  * borderless tables (no table style, no borders) for the header and signature blocks, a bordered grid for
    the score table.

The document model is the one of make_fixtures.py: ("p", runs, props), ("table", rows of cells of
paragraph blocks), ("grid", rows of cell strings, first row the header).
All ids are derived from the file name, so the output is byte-for-byte reproducible.
"""

import hashlib
import io
import random
import zipfile
from xml.sax.saxutils import escape

ZIP_TIME = (1980, 1, 1, 0, 0, 0)      # Word stamps its package entries with the DOS epoch

NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
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
      'mc:Ignorable="w14 w15 wp14"')

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
GOTHIC = '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/>'
JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
SYM = {"☒": "F0FE", "☐": "F0A8"}


class _Ids:
    """Deterministic ids for one document: rsids, paraIds, sdt ids."""

    def __init__(self, seed):
        self.rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:16], 16))
        self.rsids = sorted({"00" + "%06X" % self.rng.randrange(0x100000, 0xFFFFFF) for _ in range(7)})
        self.root = self.rsids[0]

    def rsid(self):
        return self.rng.choice(self.rsids)

    def para_id(self):
        return "%08X" % self.rng.randrange(0x01000000, 0x7FFFFFFF)

    def sdt_id(self):
        return str(self.rng.randrange(-2147483000, 2147483000))


def _rpr(f, extra=""):
    bits = extra
    if f.get("b"):
        bits += "<w:b/><w:bCs/>"
    if f.get("i"):
        bits += "<w:i/><w:iCs/>"
    if f.get("u"):
        bits += '<w:u w:val="single"/>'
    return f"<w:rPr>{bits}</w:rPr>" if bits else ""


def _t(text):
    sp = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:t{sp}>{escape(text)}</w:t>"


class _Writer:
    def __init__(self, ids, checkbox):
        self.ids = ids
        self.checkbox = checkbox       # "sdt" | "sym"
        self.bookmark = 0
        self.paras = 0

    # -- runs -------------------------------------------------------------------------------
    def _text_run(self, text, f, first_in_para):
        """One visible stretch of text, split into rsid runs (also mid-word), tabs as w:tab."""
        out = []
        # Word's favourite: the label typed in two sessions
        cuts = []
        if text.startswith("Họ và tên:"):
            cuts = [7]
        elif len(text) > 6 and self.ids.rng.random() < 0.55:
            cuts = sorted(self.ids.rng.sample(range(2, len(text) - 1), min(2, len(text) - 3) if len(text) > 40 else 1))
        pieces, last = [], 0
        for c in cuts + [len(text)]:
            if c > last:
                pieces.append(text[last:c])
            last = c
        for k, piece in enumerate(pieces):
            proof = self.ids.rng.random() < 0.12 and k > 0
            if proof:
                out.append('<w:proofErr w:type="spellStart"/>')
            body = ""
            if first_in_para and k == 0 and self.paras % 37 == 36:
                body += "<w:lastRenderedPageBreak/>"
            parts = piece.split("\t")
            for j, part in enumerate(parts):
                if j:
                    body += "<w:tab/>"
                if part:
                    body += _t(part)
            out.append(f'<w:r w:rsidRPr="{self.ids.rsid()}">{_rpr(f)}{body}</w:r>')
            if proof:
                out.append('<w:proofErr w:type="spellEnd"/>')
        return out

    def _box(self, glyph, f):
        checked = glyph == "☒"
        if self.checkbox == "sym":
            return [f'<w:r w:rsidRPr="{self.ids.rsid()}">{_rpr(f)}<w:sym w:font="Wingdings" w:char="{SYM[glyph]}"/></w:r>']
        return [
            "<w:sdt><w:sdtPr>" + _rpr(f, GOTHIC) + f'<w:id w:val="{self.ids.sdt_id()}"/>'
            "<w14:checkbox>" + f'<w14:checked w14:val="{1 if checked else 0}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent><w:r w:rsidRPr="{self.ids.rsid()}">'
            + _rpr(f, GOTHIC.replace("/>", ' w:hint="eastAsia"/>')) + f"<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"]

    # -- blocks -----------------------------------------------------------------------------
    def paragraph(self, blk, in_cell=False):
        runs, props = blk[1], blk[2]
        self.paras += 1
        rs = self.ids.rsid()
        ppr = ""
        if props.get("align"):
            ppr += f'<w:jc w:val="{JC[props["align"]]}"/>'
        mark = runs[0][1] if runs else {}
        ppr += _rpr(mark)
        out = [f'<w:p w14:paraId="{self.ids.para_id()}" w14:textId="77777777" w:rsidR="{rs}" '
               f'w:rsidRDefault="{self.ids.rsid()}" w:rsidP="{self.ids.rsid()}">']
        if ppr:
            out.append(f"<w:pPr>{ppr}</w:pPr>")
        first = True
        mark_name = None
        for text, f in runs:
            if not text:
                continue
            # a named bookmark around the member's name, as mail-merge templates leave them
            if text.startswith("Họ và tên:") and mark_name is None:
                mark_name = self.bookmark = self.bookmark + 1
                out.append(f'<w:bookmarkStart w:id="{mark_name}" w:name="HoTen"/>')
            seg = ""
            for ch in text:
                if ch in SYM:
                    if seg:
                        out += self._text_run(seg, f, first)
                        first = False
                        seg = ""
                    out += self._box(ch, f)
                    first = False
                else:
                    seg += ch
            if seg:
                out += self._text_run(seg, f, first)
                first = False
        if mark_name is not None:
            out.append(f'<w:bookmarkEnd w:id="{mark_name}"/>')
        out.append("</w:p>")
        return "".join(out)

    def table(self, rows, widths, grid=False):
        borders = ""
        if grid:
            b = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                        for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
            borders = f"<w:tblBorders>{b}</w:tblBorders>"
        out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{borders}'
               '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
               'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
        out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
        out.append("</w:tblGrid>")
        for row in rows:
            out.append(f'<w:tr w:rsidR="{self.ids.rsid()}" w14:paraId="{self.ids.para_id()}" w14:textId="77777777">')
            for w, cell in zip(widths, row):
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>')
                out += [self.paragraph(p, True) for p in cell]
                out.append("</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def body(self, blocks):
        out = []
        last_p = max(k for k, b in enumerate(blocks) if b[0] == "p")
        for k, blk in enumerate(blocks):
            if blk[0] == "p":
                x = self.paragraph(blk)
                if k == last_p:       # where the cursor was when the file was saved
                    self.bookmark += 1
                    x = x.replace("</w:p>", f'<w:bookmarkStart w:id="{self.bookmark}" w:name="_GoBack"/>'
                                            f'<w:bookmarkEnd w:id="{self.bookmark}"/></w:p>')
                out.append(x)
            elif blk[0] == "table":
                rows = blk[1]
                widths = [4111, 5245] if len(rows[0]) == 2 else [9356 // len(rows[0])] * len(rows[0])
                out.append(self.table(rows, widths))
            else:   # grid: [[str]]; header row bold and centred, numbers centred
                rows = []
                for r, row in enumerate(blk[1]):
                    cells = []
                    for c, text in enumerate(row):
                        align = "center" if r == 0 or c != 1 else "left"
                        cells.append([("p", [(text, {"b": r == 0 or text == "Tổng cộng", "i": False, "u": False})],
                                       {"align": align})])
                    rows.append(cells)
                out.append(self.table(rows, [850, 5106, 1700, 1700], grid=True))
        sect = (f'<w:sectPr w:rsidR="{self.ids.root}" w:rsidSect="{self.ids.rsid()}">'
                '<w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/>'
                '<w:cols w:space="708"/><w:docGrid w:linePitch="381"/></w:sectPr>')
        return (XML_DECL + f"<w:document {NS}><w:body>" + "".join(out) + sect + "</w:body></w:document>")


STYLES = (XML_DECL +
          '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
          'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">'
          '<w:docDefaults><w:rPrDefault><w:rPr>'
          '<w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
          '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
          '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/>'
          '</w:pPr></w:pPrDefault></w:docDefaults>'
          '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" '
          'w:defQFormat="0" w:count="376"><w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/>'
          '<w:lsdException w:name="Table Grid" w:uiPriority="39"/></w:latentStyles>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
          '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
          '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
          '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
          '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
          '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
          '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
          '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
          '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
          '</w:styles>')

FONT_TABLE = (XML_DECL +
              '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
              '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
              '<w:font w:name="MS Gothic"><w:altName w:val="ＭＳ ゴシック"/><w:panose1 w:val="020B0609070205080204"/>'
              '<w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
              '<w:font w:name="Wingdings"><w:panose1 w:val="05000000000000000000"/><w:charset w:val="02"/>'
              '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
              '</w:fonts>')

CONTENT_TYPES = (XML_DECL +
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                 '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
                 '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                 '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                 '</Types>')

ROOT_RELS = (XML_DECL +
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             '</Relationships>')

DOC_RELS = (XML_DECL +
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>')


def _settings(ids):
    rsids = "".join(f'<w:rsid w:val="{r}"/>' for r in ids.rsids)
    return (XML_DECL +
            '<w:settings xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
            'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">'
            '<w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/>'
            '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '</w:compat>'
            f'<w:rsids><w:rsidRoot w:val="{ids.root}"/>{rsids}</w:rsids>'
            '<w:themeFontLang w:val="en-US"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
            '<w15:docId w15:val="{' + hashlib.sha256(ids.root.encode()).hexdigest()[:8].upper() + '-1D2C-4B7A-9E33-5A0C0F1E2D3B}"/>'
            '</w:settings>')


def _core(author, date):
    d, mo, y = date
    stamp = f"{y:04d}-{mo:02d}-{d:02d}T01:00:00Z"
    return (XML_DECL +
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title></dc:title><dc:subject></dc:subject><dc:creator>{escape(author)}</dc:creator>'
            f'<cp:keywords></cp:keywords><dc:description></dc:description><cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy>'
            f'<cp:revision>3</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')


def _app(words, chars, paras):
    return (XML_DECL +
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Pages>3</Pages><Words>{words}</Words>'
            f'<Characters>{chars}</Characters><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>'
            f'<Lines>{max(1, chars // 80)}</Lines><Paragraphs>{paras}</Paragraphs><ScaleCrop>false</ScaleCrop>'
            '<Company></Company><LinksUpToDate>false</LinksUpToDate>'
            f'<CharactersWithSpaces>{chars + words}</CharactersWithSpaces><SharedDoc>false</SharedDoc>'
            '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>')


def _all_text(blocks):
    out = []
    for blk in blocks:
        if blk[0] == "p":
            out.append("".join(t for t, _ in blk[1]))
        elif blk[0] == "table":
            for row in blk[1]:
                for cell in row:
                    out += _all_text(cell)
        else:
            out += [" ".join(r) for r in blk[1]]
    return out


def write_wordxml(blocks, path, author, date, seed, checkbox="sdt"):
    ids = _Ids(seed)
    w = _Writer(ids, checkbox)
    document = w.body(blocks)
    text = _all_text(blocks)
    words = sum(len(t.split()) for t in text)
    chars = sum(len(t.replace(" ", "")) for t in text)
    parts = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
             ("word/document.xml", document), ("word/_rels/document.xml.rels", DOC_RELS),
             ("word/styles.xml", STYLES), ("word/settings.xml", _settings(ids)),
             ("word/fontTable.xml", FONT_TABLE), ("docProps/core.xml", _core(author, date)),
             ("docProps/app.xml", _app(words, chars, w.paras))]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(buf.getvalue())
