#!/usr/bin/env python3
"""Regenerate the kiemdiem fixture corpus: Fixtures/inbox/*.docx and Fixtures/expected/*.json.

Run from anywhere (takes a few seconds; LibreOffice is started once for all its files):

    python3 Fixtures/generate/make_fixtures.py            # write inbox/ and expected/, then verify
    python3 Fixtures/generate/make_fixtures.py --verify   # only re-read the committed files and check

Needs python-docx (``import docx``) and LibreOffice (``soffice`` on PATH).

The data lives in corpus.py. Each form is first described as a small document model (paragraphs
and borderless tables); two writers turn the model into .docx:
  * python-docx   builds the document directly;
  * libreoffice   gets an HTML file and converts it with ``soffice --convert-to docx``.
The expected JSON is computed from the same data (this script is the oracle), then every .docx is
read back with python-docx and checked against its expected JSON (sections, ticks, header, …).
"""

import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus as C  # noqa: E402

ROOT = os.path.dirname(HERE)           # Fixtures/
INBOX = os.path.join(ROOT, "inbox")
EXPECTED = os.path.join(ROOT, "expected")
YEAR = 2020


def nfc(s):
    return unicodedata.normalize("NFC", s)


def collapse(s):
    return " ".join(s.split())


def iso(d):
    day, month, year = d
    return f"{year:04d}-{month:02d}-{day:02d}"


# ---------------------------------------------------------------------------------------------
# Document model: a list of blocks.
#   ("p", runs, props)       runs = [(text, {"b","i","u"})], props = {"align": left|center|right|justify}
#   ("table", rows)          rows = [[cell, cell]], cell = [paragraph blocks]   (borderless)
# ---------------------------------------------------------------------------------------------

def P(text="", align=None, b=False, i=False, u=False):
    return ("p", [(text, {"b": b, "i": i, "u": u})], {"align": align})


def PR(runs, align=None):
    return ("p", [(t, dict({"b": False, "i": False, "u": False}, **f)) for t, f in runs], {"align": align})


def T(rows):
    return ("table", rows)


# ---------------------------------------------------------------------------------------------
# Form content from corpus data
# ---------------------------------------------------------------------------------------------

def pick(pool, start, count, step=3):
    return [pool[(start + k * step) % len(pool)] for k in range(count)]


def member_sections(m):
    """Returns the sub-item structure of sections I–VI: lists of (kind, text) where kind is
    'head' (sub-item heading), 'text' (content), 'rating' (item code of a rating row)."""
    n = m["pick"]
    cnt = 2 + n % 2
    s = {}
    i = [("head", "1. " + C.ITEM_I1)] + [("text", t) for t in pick(C.POOL_I1, n, cnt)] + [("rating", "I.1")]
    i += [("head", "2. " + C.ITEM_I2)] + [("text", t) for t in pick(C.POOL_I2[m["role"]], n, cnt, 2)] + [("rating", "I.2")]
    last = 3
    if m["leader"]:
        lt = C.LEADER_TEXT[m["name"]]
        for num, (code, label) in zip((3, 4, 5), (("I.3", C.ITEM_I3), ("I.4", C.ITEM_I4), ("I.5", C.ITEM_I5))):
            i += [("head", f"{num}. {label}")] + [("text", t) for t in lt[code]] + [("rating", code)]
        last = 6
    i += [("head", f"{last}. {C.ITEM_COMMIT}"), ("text", C.POOL_COMMIT[n % len(C.POOL_COMMIT)])]
    s["strengths"] = i
    s["shortcomings"] = ([("head", "1. " + C.ITEM_II1)] + [("text", t) for t in pick(C.POOL_II1, n, 1 + n % 2, 1)]
                         + [("head", "2. " + C.ITEM_II2)] + [("text", t) for t in pick(C.POOL_II2, n, 1 + (n + 1) % 2, 1)])
    s["remediation"] = [("text", C.POOL_III[n % len(C.POOL_III)]), ("rating", "III")]
    s["explanations"] = [("text", t) for t in (m.get("explanations") or [])]
    v = C.LEADER_TEXT.get(m["name"], {}).get("V") if m["leader"] else None
    s["collective_responsibility"] = [("text", t) for t in (v or [])]
    s["improvement_plan"] = [("text", t) for t in pick(C.POOL_VI, n, 2, 1)]
    return s


SECTION_HEADINGS = [("strengths", C.SEC_I), ("shortcomings", C.SEC_II), ("remediation", C.SEC_III),
                    ("explanations", C.SEC_IV), ("collective_responsibility", C.SEC_V),
                    ("improvement_plan", C.SEC_VI)]


def cell_comment(m):
    n = m["pick"]
    if n % 2 == 0:
        return [C.POOL_CELL_COMMENT[n % 3], C.POOL_CELL_COMMENT[3 + n % 2]]
    return [C.POOL_CELL_COMMENT[n % 3]]


def date_words(d, zero, capital=False):
    day, month, year = d
    if zero:
        s = f"ngày {day:02d} tháng {month:02d} năm {year}"
    else:
        s = f"ngày {day} tháng {month} năm {year}"
    return s[0].upper() + s[1:] if capital else s


def dob_text(m):
    d, mo, y = m["dob"]
    return {"slash": f"{d:02d}/{mo:02d}/{y}", "dash": f"{d}-{mo}-{y}",
            "words": f"ngày {d} tháng {mo} năm {y}"}[m["dob_style"]]


def org_names(m):
    cell = C.CELLS[m["cell"]]
    committee, cellname = cell["committee"], cell["cell"]
    if m["case"] == "upper":
        committee, cellname = nfc(committee.upper()), nfc(cellname.upper())
    return committee, cellname


def tab(m):
    return "\t" if m["writer"] == "python-docx" else "   "


def rating_row(m, code):
    r = m["ratings"][code]
    if m["ticks"] == "typed":
        return P(f"{C.RATING_LABEL} {C.RATING_TEXT[r]}", i=True)
    t = tab(m)
    boxes = t.join(("☒ " if key == r else "☐ ") + label for key, label in C.RATINGS)
    return PR([(C.RATING_LABEL, {"i": True}), (t + boxes, {})])


def level_group(m, label, level):
    if m["ticks"] == "typed":
        return [P(f"{label} {C.LEVEL_LABEL[level] if level else C.DOTS}")]
    boxes = [("☒ " if key == level else "☐ ") + text for key, text in C.LEVELS]
    if m["boxes"] == "same":
        return [PR([(label, {"b": True}), (" " + tab(m).join(boxes), {})])]
    return [P(label, b=True)] + [P(b_) for b_ in boxes]


def sign_block(m, lines):
    """lines: list of (text, fmt). Rendered right-aligned, as paragraphs or in a borderless table."""
    paras = [P(t, align="center", **f) for t, f in lines]
    if m["signature"] == "table":
        return [T([[[P("")], paras]])]
    return [P(t, align="right", **f) for t, f in lines]


def form_model(m):
    cell = C.CELLS[m["cell"]]
    committee, cellname = org_names(m)
    blocks = []
    if m["code"]:
        blocks.append(P(C.FORM_CODE, align="right", i=True))
    date_line = f"{cell['place']}, {date_words(m['date'], m['zero'])}"
    left = [P(committee, align="center", b=m["case"] == "upper"), P(cellname, align="center", b=True)]
    right = [P("ĐẢNG CỘNG SẢN VIỆT NAM", align="center", b=True, u=True), P(date_line, align="center", i=True)]
    if m["header"] == "table":
        blocks.append(T([[left, right]]))
    else:
        blocks += [P(committee, align="left", b=m["case"] == "upper"), P(cellname, align="left", b=True),
                   P("ĐẢNG CỘNG SẢN VIỆT NAM", align="right", b=True, u=True), P(date_line, align="right", i=True)]
    blocks += [P(""), P(C.TITLE, align="center", b=True), P(m["year_style"], align="center", b=True), P("")]

    def val(v, k):
        return v if v else (C.DOTS if k % 2 == 0 else "")

    name = C.DOTS_LONG if m.get("blank_name") else m["name"]
    k = m["pick"]
    t = tab(m)
    if m["identity"] == "lines":
        blocks += [P(f"Họ và tên: {name}"), P(f"Ngày sinh: {dob_text(m)}")]
    else:
        blocks += [P(f"Họ và tên: {name}{t}Ngày sinh: {dob_text(m)}")]
    blocks += [P(f"Chức vụ Đảng: {val(m['party_position'], k)}".rstrip()),
               P(f"Chức vụ chính quyền: {val(m['government_position'], k)}".rstrip()),
               P(f"Chức vụ đoàn thể: {val(m['mass_position'], k + 1)}".rstrip())]
    if m["identity"] == "lines":
        blocks += [P(f"Đơn vị công tác: {val(m['work_unit'], 0)}".rstrip()), P(f"Chi bộ: {cell['short']}")]
    else:
        blocks += [P(f"Đơn vị công tác: {val(m['work_unit'], 0)}{t}Chi bộ: {cell['short']}")]
    blocks.append(P(""))

    secs = member_sections(m)
    for key, heading in SECTION_HEADINGS:
        blocks.append(P(heading, b=True, align="justify"))
        for kind, text in secs[key]:
            if kind == "head":
                blocks.append(P(text, b=True, i=True, align="justify"))
            elif kind == "text":
                blocks.append(P(text, align="justify"))
            else:
                blocks.append(rating_row(m, text))
    blocks.append(P(C.SEC_VII, b=True))
    blocks += level_group(m, C.VII1_LABEL, m["civil"])
    blocks += level_group(m, C.VII2_LABEL, m["party"])
    blocks.append(P(""))

    blocks += sign_block(m, [("NGƯỜI TỰ KIỂM ĐIỂM", {"b": True}), ("(Ký, ghi rõ họ tên)", {"i": True}),
                             ("", {}), ("", {}), (m["name"], {"b": True})])
    blocks += [P(""), P(C.ASSESS_TITLE, align="center", b=True)]

    review_date = cell["cell_date"]
    if m["cell_review"]:
        comment = cell_comment(m)
        blocks.append(PR([(C.CELL_COMMENT_LABEL, {"b": True}), (" " + comment[0], {})], align="justify"))
        blocks += [P(c, align="justify") for c in comment[1:]]
        blocks.append(PR([(C.CELL_PROPOSAL_LABEL, {"b": True}), (" " + C.LEVEL_LABEL[m["cell_review"]], {})]))
        signer, title = ((cell["deputy"], "PHÓ BÍ THƯ") if m["name"] == cell["secretary"]
                         else (cell["secretary"], "BÍ THƯ"))
        date_text = date_words(review_date, m["zero"], capital=True)
    else:
        blocks.append(PR([(C.CELL_COMMENT_LABEL, {"b": True}), (" " + C.DOTS_LONG, {})]))
        blocks.append(P(C.DOTS_LONG + C.DOTS))
        blocks.append(PR([(C.CELL_PROPOSAL_LABEL, {"b": True}), (" " + C.DOTS, {})]))
        signer, title, date_text = "", "BÍ THƯ", "Ngày …… tháng …… năm ……"
    blocks += sign_block(m, [("T/M CHI ỦY (CHI BỘ)", {"b": True}),
                             ("(Xác lập thời điểm, ký, ghi rõ họ tên)", {"i": True}),
                             (date_text, {"i": True}), (title, {"b": True}), ("", {}), (signer, {"b": True})])
    if m["committee"]:
        blocks.append(PR([(C.COMMITTEE_LABEL, {"b": True}), (" " + C.LEVEL_LABEL[m["committee"]], {})]))
        signer = cell["committee_signer"]
        date_text = date_words(cell["committee_date"], m["zero"], capital=True)
    else:
        blocks.append(PR([(C.COMMITTEE_LABEL, {"b": True}), (" " + C.DOTS, {})]))
        signer, date_text = "", "Ngày …… tháng …… năm ……"
    blocks += sign_block(m, [("T/M ĐẢNG ỦY (CHI ỦY)", {"b": True}),
                             ("(Xác lập thời điểm, ký, ghi rõ họ tên)", {"i": True}),
                             (date_text, {"i": True}), ("", {}), (signer, {"b": True})])
    return blocks


MINUTES = dict(file="bien-ban-hop-chi-bo-thon-1", writer="python-docx")


def minutes_model():
    """(c) Meeting minutes of Chi bộ Thôn 1: a Word file that is not a self-review form."""
    body = [
        T([[[P("ĐẢNG BỘ XÃ TRIỆU PHONG", align="center"), P("CHI BỘ THÔN 1", align="center", b=True), P("*", align="center")],
            [P("ĐẢNG CỘNG SẢN VIỆT NAM", align="center", b=True, u=True),
             P("Triệu Phong, ngày 20 tháng 12 năm 2020", align="center", i=True)]]]),
        P(""),
        P("BIÊN BẢN HỌP CHI BỘ", align="center", b=True),
        P("Về việc kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm 2020", align="center", b=True),
        P(""),
        P("Hôm nay, vào lúc 14 giờ 00 ngày 20 tháng 12 năm 2020, tại Nhà văn hóa Thôn 1, Chi bộ Thôn 1 tiến hành họp kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm 2020."),
        P("I. THÀNH PHẦN", b=True),
        P("- Tổng số đảng viên của chi bộ: 24 đồng chí; có mặt: 22 đồng chí; vắng: 02 đồng chí (có lý do)."),
        P("- Chủ trì: đồng chí Lê Văn Thành, Bí thư Chi bộ."),
        P("- Thư ký: đồng chí Phan Thị Kim Oanh, đảng viên."),
        P("- Dự họp có đồng chí Hoàng Văn Sơn, Phó Bí thư Thường trực Đảng ủy xã."),
        P("II. NỘI DUNG", b=True),
        P("1. Đồng chí Bí thư Chi bộ quán triệt mục đích, yêu cầu của đợt kiểm điểm theo hướng dẫn của Đảng ủy xã."),
        P("2. Các đồng chí đảng viên lần lượt trình bày bản kiểm điểm cá nhân trước chi bộ; các đồng chí dự họp tham gia góp ý thẳng thắn, chân thành."),
        P("3. Chi bộ thảo luận, biểu quyết đề xuất mức xếp loại chất lượng đối với từng đảng viên."),
        P("III. KẾT QUẢ BIỂU QUYẾT", b=True),
        P("- Hoàn thành tốt nhiệm vụ: 18 đồng chí."),
        P("- Hoàn thành nhiệm vụ: 03 đồng chí."),
        P("- Không hoàn thành nhiệm vụ: 0 đồng chí."),
        P("- Chưa xếp loại (vắng mặt): 01 đồng chí."),
        P("Cuộc họp kết thúc vào lúc 17 giờ 30 cùng ngày. Biên bản đã được thông qua trước chi bộ và được 22/22 đồng chí dự họp nhất trí."),
        P(""),
        T([[[P("THƯ KÝ", align="center", b=True), P(""), P(""), P("Phan Thị Kim Oanh", align="center", b=True)],
            [P("T/M CHI BỘ", align="center", b=True), P("BÍ THƯ", align="center", b=True), P(""),
             P("Lê Văn Thành", align="center", b=True)]]]),
    ]
    return body


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------

FIXED_ZIP_TIME = (2020, 12, 20, 8, 0, 0)


def normalise_zip(path):
    """Both writers stamp zip entries with the current time; fix the stamps so reruns give the same
    bytes (and the same sha256). Part names, order and contents are kept as the writer made them."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def write_python_docx(blocks, path, author, date):
    import datetime
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, Cm

    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
             "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, None: None}
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(14)
    st.paragraph_format.space_after = Pt(3)
    for s in d.sections:
        s.page_width, s.page_height = Cm(21), Cm(29.7)
        s.left_margin, s.right_margin = Cm(3), Cm(2)
        s.top_margin, s.bottom_margin = Cm(2), Cm(2)

    def fill(par, runs, props):
        for text, f in runs:
            if text:
                r = par.add_run(text)
                r.bold, r.italic = f["b"] or None, f["i"] or None
                if f["u"]:
                    r.underline = True
        if props.get("align"):
            par.alignment = align[props["align"]]

    for blk in blocks:
        if blk[0] == "p":
            fill(d.add_paragraph(), blk[1], blk[2])
        else:
            rows = blk[1]
            tbl = d.add_table(rows=len(rows), cols=len(rows[0]))   # no style: borderless "Normal Table"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    tc = tbl.cell(r, c)
                    first = True
                    for pb in cell:
                        par = tc.paragraphs[0] if first else tc.add_paragraph()
                        first = False
                        fill(par, pb[1], pb[2])
    cp = d.core_properties
    cp.author = cp.last_modified_by = author
    cp.title = ""
    stamp = datetime.datetime(date[2], date[1], date[0], 8, 0, 0)
    cp.created = cp.modified = stamp
    cp.revision = 1
    d.save(path)
    normalise_zip(path)


def to_html(blocks, title):
    def par(blk):
        runs, props = blk[1], blk[2]
        out = []
        for text, f in runs:
            t = html.escape(text)
            if f["u"]:
                t = f"<u>{t}</u>"
            if f["i"]:
                t = f"<i>{t}</i>"
            if f["b"]:
                t = f"<b>{t}</b>"
            out.append(t)
        content = "".join(out) or "&nbsp;"
        a = props.get("align")
        attr = f' align="{a}"' if a else ""
        return f"<p{attr}>{content}</p>"

    lines = ['<!DOCTYPE html>', '<html lang="vi"><head><meta charset="utf-8">',
             f"<title>{html.escape(title)}</title>",
             '<style>body{font-family:"Times New Roman";font-size:14pt} p{margin-top:0;margin-bottom:3pt}</style>',
             "</head><body>"]
    for blk in blocks:
        if blk[0] == "p":
            lines.append(par(blk))
        else:
            lines.append('<table width="100%" cellpadding="2" cellspacing="0">')
            for row in blk[1]:
                lines.append("<tr>")
                for k, cell in enumerate(row):
                    w = ' width="40%"' if k == 0 else ""
                    lines.append(f"<td valign=\"top\"{w}>" + "".join(par(p) for p in cell) + "</td>")
                lines.append("</tr>")
            lines.append("</table>")
    lines.append("</body></html>")
    return "\n".join(lines)


def convert_with_libreoffice(html_files, outdir):
    if not html_files:
        return
    profile = "file://" + os.path.join(tempfile.gettempdir(), "lo-profile-fixtures")
    cmd = ["soffice", "--headless", f"-env:UserInstallation={profile}",
           "--convert-to", "docx:MS Word 2007 XML", "--outdir", outdir] + html_files
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for h in html_files:
        out = os.path.join(outdir, os.path.basename(h)[:-5] + ".docx")
        if not os.path.exists(out):
            raise SystemExit(f"LibreOffice did not convert {h}")
        normalise_zip(out)


# ---------------------------------------------------------------------------------------------
# Expected JSON (contract §2), computed from the data
# ---------------------------------------------------------------------------------------------

def section_text(items):
    lines = [collapse(t) for kind, t in items if kind in ("head", "text")]
    if not any(kind == "text" for kind, _ in items):
        return None
    return nfc("\n".join(lines))


def expected_form(m):
    cell = C.CELLS[m["cell"]]
    committee, cellname = org_names(m)
    secs = member_sections(m)
    criteria = []
    for key, _ in SECTION_HEADINGS:
        for kind, t in secs[key]:
            if kind == "rating":
                criteria.append({"item": t, "rating": m["ratings"][t]})
    cr = m["cell_review"]
    cd = m["committee"]
    return {
        "kind": "individual",
        "template": "02-2019",
        "year": YEAR,
        "party_committee": committee,
        "party_cell": cellname,
        "place": cell["place"],
        "date": iso(m["date"]),
        "member": {
            "full_name": None if m.get("blank_name") else m["name"],
            "date_of_birth": iso(m["dob"]),
            "party_position": m["party_position"],
            "government_position": m["government_position"],
            "mass_organisation_position": m["mass_position"],
            "work_unit": m["work_unit"],
        },
        "sections": {key: section_text(secs[key]) for key, _ in SECTION_HEADINGS},
        "criteria": criteria,
        "self_assessment": {"civil_servant_level": m["civil"], "party_member_level": m["party"]},
        "signature": m["name"],
        "cell_review": {
            "comment": nfc("\n".join(cell_comment(m))) if cr else None,
            "proposed_level": cr,
            "date": iso(cell["cell_date"]) if cr else None,
        },
        "committee_decision": {
            "level": cd,
            "date": iso(cell["committee_date"]) if cd else None,
        },
    }


def finding(code, field, severity="error"):
    return {"code": code, "severity": severity, "field": field}


def expected_for(file, data, form, findings):
    rejected = any(f["severity"] == "error" for f in findings)
    if form is None:
        cls = {"level": None, "status": "unclassified", "basis": None, "ruleset": None}
    elif rejected:
        cls = {"level": None, "status": "unclassified", "basis": None, "ruleset": "2019"}
    elif form["committee_decision"]["level"]:
        cls = {"level": form["committee_decision"]["level"], "status": "final", "basis": "committee_decision", "ruleset": "2019"}
    elif form["cell_review"]["proposed_level"]:
        cls = {"level": form["cell_review"]["proposed_level"], "status": "provisional", "basis": "cell_review", "ruleset": "2019"}
    else:
        cls = {"level": form["self_assessment"]["party_member_level"], "status": "provisional",
               "basis": "self_assessment", "ruleset": "2019"}
    return {
        "schema": "kiemdiem.inspect/1",
        "file": file,
        "sha256": hashlib.sha256(data).hexdigest(),
        "verdict": "rejected" if rejected else "accepted",
        "findings": findings,
        "form": form,
        "classification": cls,
    }


def member_findings(m, form):
    out = []
    if form["member"]["full_name"] is None:
        out.append(finding("MISSING_FIELD", "member.full_name"))
    if form["self_assessment"]["party_member_level"] is None:
        out.append(finding("MISSING_FIELD", "self_assessment.party_member_level"))
    lvl = form["committee_decision"]["level"]
    if lvl and lvl != form["self_assessment"]["party_member_level"]:
        out.append(finding("LEVEL_DIFFERS_FROM_SELF", "committee_decision.level", "warning"))
    return out


# ---------------------------------------------------------------------------------------------
# Read-back check (python-docx): what is visibly in the document must match the expected JSON
# ---------------------------------------------------------------------------------------------

def docx_paragraphs(path):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(path)
    out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split("}")[1]
        if tag == "p":
            out.append(Paragraph(el, d).text)
        elif tag == "tbl":
            for row in Table(el, d).rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    out.extend(p.text for p in cell.paragraphs)
    return [nfc(collapse(t)) for t in out if collapse(t)]


LEADER_ONLY = re.compile(r"^[.…_\s]*$")


def strip_leaders(s):
    s = re.sub(r"[.…_]{2,}|…", " ", s)
    s = collapse(s).strip(" :;,-")
    return s or None


def read_choice(text, options):
    """options: [(key, label)], longest labels first inside; returns the chosen key or None."""
    ticked = re.findall(r"[☒☑]\s*([^☐☒☑]+)", text)
    if "☐" in text or ticked:
        keys = [k for t in ticked for k, lab in options if collapse(t).lower() == lab.lower()]
        assert len(keys) <= 1, text
        return keys[0] if keys else None
    after = strip_leaders(text.split(":", 1)[1]) if ":" in text else None
    if after is None:
        return None
    for k, lab in options:
        if after.lower() == lab.lower():
            return k
    raise AssertionError(f"unreadable choice: {text!r}")


def parse_date_words(s):
    mt = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", s, re.I)
    return f"{int(mt[3]):04d}-{int(mt[2]):02d}-{int(mt[1]):02d}" if mt else None


def read_back(path):
    """An independent, simple reader of the fixtures' layouts (not a general parser)."""
    ps = docx_paragraphs(path)
    got = {}
    if C.TITLE not in ps:
        return None
    got["year"] = int(re.search(r"\d{4}", ps[ps.index(C.TITLE) + 1])[0])
    got["party_committee"] = next(p for p in ps if p.lower().startswith("đảng bộ"))
    got["party_cell"] = next(p for p in ps if p.lower().startswith("chi bộ ") and ":" not in p)
    dl = next(p for p in ps if re.search(r", ngày \d", p))
    got["place"] = dl.split(",")[0]
    got["date"] = parse_date_words(dl)
    full = "\n".join(ps)
    labels = ["Họ và tên", "Ngày sinh", "Chức vụ Đảng", "Chức vụ chính quyền", "Chức vụ đoàn thể",
              "Đơn vị công tác", "Chi bộ"]
    ident = {}
    head = full.split(C.SEC_I)[0].split(C.TITLE)[1]
    for lab in labels:
        mt = re.search(rf"(?:^|\s){lab}:(.*?)(?=(?:\s(?:{'|'.join(labels)}):)|\n|$)", head, re.M)
        ident[lab] = strip_leaders(mt[1]) if mt else None
    dob = ident["Ngày sinh"]
    if re.match(r"\d{1,2}[/-]\d{1,2}[/-]\d{4}$", dob):
        d, mo, y = map(int, re.split(r"[/-]", dob))
        dob = f"{y:04d}-{mo:02d}-{d:02d}"
    else:
        dob = parse_date_words(dob)
    got["member"] = {"full_name": ident["Họ và tên"], "date_of_birth": dob,
                     "party_position": ident["Chức vụ Đảng"], "government_position": ident["Chức vụ chính quyền"],
                     "mass_organisation_position": ident["Chức vụ đoàn thể"], "work_unit": ident["Đơn vị công tác"]}
    heads = [h for _, h in SECTION_HEADINGS] + [C.SEC_VII]
    idx = [ps.index(h) for h in heads]
    assert idx == sorted(idx)
    got["sections"] = {}
    criteria = []
    for n, (key, _) in enumerate(SECTION_HEADINGS):
        body = ps[idx[n] + 1: idx[n + 1]]
        keep = []
        for p in body:
            if p.startswith(C.RATING_LABEL):
                criteria.append(read_choice(p, C.RATINGS))
            elif not LEADER_ONLY.match(p):
                keep.append(p)
        template_heads = {C.ITEM_I1, C.ITEM_I2, C.ITEM_I3, C.ITEM_I4, C.ITEM_I5, C.ITEM_COMMIT, C.ITEM_II1, C.ITEM_II2}
        has_content = any(re.sub(r"^\d+\. ", "", p) not in template_heads for p in keep)
        got["sections"][key] = "\n".join(keep) if keep and has_content else None
    got["criteria"] = criteria
    sig = ps.index("NGƯỜI TỰ KIỂM ĐIỂM")
    vii = ps[idx[-1] + 1: sig]

    def group(label, stop):
        i = next(k for k, p in enumerate(vii) if p.startswith(label))
        j = next((k for k, p in enumerate(vii) if k > i and stop and p.startswith(stop)), len(vii))
        return read_choice(" ".join(vii[i:j]), C.LEVELS)
    got["self_assessment"] = {"civil_servant_level": group(C.VII1_LABEL, C.VII2_LABEL),
                              "party_member_level": group(C.VII2_LABEL, None)}
    assert ps[sig + 1] == "(Ký, ghi rõ họ tên)"
    got["signature"] = ps[sig + 2]
    a = ps.index(C.ASSESS_TITLE)
    rest = ps[a + 1:]
    ci = next(k for k, p in enumerate(rest) if p.startswith(C.CELL_COMMENT_LABEL))
    pi = next(k for k, p in enumerate(rest) if p.startswith(C.CELL_PROPOSAL_LABEL))
    comment = [strip_leaders(rest[ci][len(C.CELL_COMMENT_LABEL):])] + [strip_leaders(p) for p in rest[ci + 1:pi]]
    comment = [c for c in comment if c]
    cell_date = parse_date_words(next(p for p in rest[pi:] if p.startswith("Ngày")))
    ki = next(k for k, p in enumerate(rest) if p.startswith(C.COMMITTEE_LABEL))
    com_date = parse_date_words(next(p for p in rest[ki:] if p.startswith("Ngày")))
    got["cell_review"] = {"comment": "\n".join(comment) if comment else None,
                          "proposed_level": read_choice(rest[pi], C.LEVELS), "date": cell_date}
    got["committee_decision"] = {"level": read_choice(rest[ki], C.LEVELS), "date": com_date}
    return got


def verify(exp_path, docx_path):
    exp = json.load(open(exp_path, encoding="utf-8"))
    data = open(docx_path, "rb").read()
    assert exp["sha256"] == hashlib.sha256(data).hexdigest(), f"{docx_path}: sha256"
    form = exp["form"]
    if exp["findings"] and exp["findings"][0]["code"] in ("EMPTY_FILE", "NOT_A_ZIP"):
        assert form is None
        return
    got = read_back(docx_path)
    if form is None:
        assert got is None, f"{docx_path}: a non-form reads as a form"
        return
    errors = []
    for k, v in got.items():
        if k == "criteria":
            v2 = [c["rating"] for c in form["criteria"]]
        else:
            v2 = form[k]
        if v != v2:
            errors.append(f"  {k}:\n    docx:     {v!r}\n    expected: {v2!r}")
    if errors:
        raise AssertionError(f"{docx_path}:\n" + "\n".join(errors))


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def generate():
    for d in (INBOX, EXPECTED):
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    tmp = tempfile.mkdtemp(prefix="kiemdiem-fixtures-")
    lo_files = []
    for m in C.MEMBERS:
        out = os.path.join(INBOX, m["file"] + ".docx")
        blocks = form_model(m)
        if m["writer"] == "python-docx":
            write_python_docx(blocks, out, m["name"], m["date"])
        else:
            h = os.path.join(tmp, m["file"] + ".html")
            with open(h, "w", encoding="utf-8") as f:
                f.write(to_html(blocks, "Bản kiểm điểm cá nhân"))
            lo_files.append(h)
    write_python_docx(minutes_model(), os.path.join(INBOX, MINUTES["file"] + ".docx"), "Phan Thị Kim Oanh", (20, 12, 2020))
    convert_with_libreoffice(lo_files, INBOX)
    shutil.rmtree(tmp)
    # (d) empty file, (e) plain text named .docx
    open(os.path.join(INBOX, "tep-rong.docx"), "wb").close()
    with open(os.path.join(INBOX, "khong-phai-docx.docx"), "w", encoding="utf-8") as f:
        f.write("Kính gửi Chi ủy Chi bộ Văn phòng,\n"
                "Em gửi bản kiểm điểm cá nhân năm 2020, do máy tính bị lỗi nên em chép nội dung vào đây.\n"
                "Họ và tên: Nguyễn Văn Bình\n")

    for m in C.MEMBERS:
        name = m["file"] + ".docx"
        data = open(os.path.join(INBOX, name), "rb").read()
        form = expected_form(m)
        write_json(os.path.join(EXPECTED, m["file"] + ".json"),
                   expected_for(name, data, form, member_findings(m, form)))
    for name, code in ((MINUTES["file"] + ".docx", "NOT_A_REVIEW_FORM"), ("tep-rong.docx", "EMPTY_FILE"),
                       ("khong-phai-docx.docx", "NOT_A_ZIP")):
        data = open(os.path.join(INBOX, name), "rb").read()
        field = "file"
        write_json(os.path.join(EXPECTED, name[:-5] + ".json"),
                   expected_for(name, data, None, [finding(code, field)]))


def check_nfc(obj, where):
    if isinstance(obj, str):
        assert obj == nfc(obj), f"{where}: not NFC: {obj!r}"
        assert obj == obj.strip() and "  " not in obj, f"{where}: untrimmed: {obj!r}"
    elif isinstance(obj, dict):
        for k, v in obj.items():
            check_nfc(v, where)
    elif isinstance(obj, list):
        for v in obj:
            check_nfc(v, where)


RANK = {"excellent": 1, "good": 2, "satisfactory": 3, "unsatisfactory": 4}
CRIT_RANK = {"excellent": 1, "good": 2, "average": 3, "poor": 4}


def check_corpus_rules():
    """The valid forms must not trip rules the brief keeps out of this corpus:
    quota (excellent ≤ 20 % of good per đảng bộ), date order, level caps."""
    for committee in (C.KHOI, C.XA):
        ms = [m for m in C.MEMBERS if C.CELLS[m["cell"]]["committee"] == committee and m["party"]]
        decided = [m["committee"] for m in ms if m["committee"]]
        final_or_prov = [m["committee"] or m["cell_review"] or m["party"] for m in ms]
        for levels in (decided, final_or_prov):
            assert levels.count("excellent") <= 0.2 * levels.count("good"), committee
    for m in C.MEMBERS:
        cell = C.CELLS[m["cell"]]
        key = lambda d: (d[2], d[1], d[0])
        assert key(m["date"]) <= key(cell["cell_date"]) <= key(cell["committee_date"]), m["file"]
        for level in (m["party"], m["cell_review"], m["committee"]):
            if not level:
                continue
            worst = max(CRIT_RANK[r] for r in m["ratings"].values())
            if level == "excellent":
                assert m["ratings"]["I.2"] == "excellent" and worst <= 2 and m["civil"] == "excellent", m["file"]
            if level == "good":
                assert worst <= 2, m["file"]
            assert worst <= 3, m["file"]
            if m["civil"]:
                assert RANK[level] >= RANK[m["civil"]], m["file"]   # party level not above civil-servant level


def verify_all():
    check_corpus_rules()
    names = sorted(os.listdir(EXPECTED))
    for n in names:
        check_nfc(json.load(open(os.path.join(EXPECTED, n), encoding="utf-8")), n)
    for n in names:
        verify(os.path.join(EXPECTED, n), os.path.join(INBOX, n[:-5] + ".docx"))
    assert sorted(n[:-5] for n in names) == sorted(n[:-5] for n in os.listdir(INBOX))
    print(f"verified {len(names)} fixtures")


# ---------------------------------------------------------------------------------------------
# README table
# ---------------------------------------------------------------------------------------------

def exercises(m):
    bits = ["header " + ("borderless table" if m["header"] == "table" else "paragraphs"),
            "ĐẢNG BỘ/CHI BỘ upper case" if m["case"] == "upper" else "Đảng bộ/Chi bộ mixed case",
            "form code" if m["code"] else "no form code",
            f"“{m['year_style']}”",
            "identity one per line" if m["identity"] == "lines" else "Họ và tên + Ngày sinh (and Đơn vị + Chi bộ) on one line",
            "DOB " + {"slash": "dd/mm/yyyy", "dash": "d-m-yyyy", "words": "“ngày d tháng m năm yyyy”"}[m["dob_style"]],
            ("☒/☐ ticks" + (", VII boxes one per line" if m["boxes"] == "lines" else ", VII boxes on the label line"))
            if m["ticks"] == "glyph" else "chosen label typed after the colon",
            "signature in table" if m["signature"] == "table" else "signature right-aligned paragraphs"]
    if m["leader"]:
        bits.append("**leader** (I.3–I.5 rated)")
    if m["civil"] is None:
        bits.append("VII.1 blank")
    if m.get("explanations"):
        bits.append("IV filled" if m["explanations"] != ["Không có."] else "IV “Không có.”")
    if m["leader"] and C.LEADER_TEXT[m["name"]].get("V"):
        bits.append("V filled")
    if m["committee"]:
        bits.append("cell review + committee decision")
    elif m["cell_review"]:
        bits.append("cell review only")
    elif m.get("blank_name") or m["party"] is None:
        bits.append("cell and committee blocks left blank")
    else:
        bits.append("no cell review, no decision (level from self-assessment)")
    if m.get("blank_name"):
        bits.append("**name left as dot leaders** (signature present)")
    if m["party"] is None:
        bits.append("**no box ticked in VII.2**")
    return "; ".join(bits)


README_HEAD = """# Fixtures

Real .docx files written by two real writers (python-docx, and LibreOffice converting HTML), with
one expected `kiemdiem inspect --json` object per file. All forms are **Mẫu 02-HD KĐ.ĐG 2019**,
review year **2020** (the demo batch year).

- `inbox/` — the input files (what a board would drop into the inbox).
- `expected/<stem>.json` — the expected output for `inbox/<stem>.docx`, contract §2 shape, pretty-printed,
  UTF-8, NFC. Findings carry only `code`, `severity` and `field` (tests compare those; `message` and
  `evidence` are omitted). `sha256` is the hash of the committed file.
- `generate/` — `make_fixtures.py` (entry point: writers, expected-JSON oracle, read-back check) and
  `corpus.py` (the data: organisations, members, text, ticks, levels, layout variants).

## Regenerate

```sh
python3 Fixtures/generate/make_fixtures.py            # rewrites inbox/, expected/ and this README, then verifies
python3 Fixtures/generate/make_fixtures.py --verify   # only re-reads the committed files and checks them
```

Needs python-docx and LibreOffice (`soffice`). Output is byte-for-byte reproducible (zip entry
timestamps are fixed), so a rerun without data changes leaves `git status` clean.

The verification step reads each .docx back with python-docx (body paragraphs and table cells in
document order) and checks header, identity, sections, ticks, signature, cell review and committee
decision against the expected JSON, and that every expected string is NFC and trimmed.

## Rules used for the expected JSON (the generator is the oracle)

- `party_committee` / `party_cell` come from the header lines, case as written ("ĐẢNG BỘ …" stays
  upper case); the identity "Chi bộ:" line carries only the short name and loses to the header.
- `place` / `date` from the header date line. Identity values trimmed, dot leaders removed, blank → null.
- `sections.*`: non-empty paragraphs between a section heading and the next, joined with "\n",
  sub-item headings kept ("1. Về phẩm chất chính trị; …", "4. Trách nhiệm … nhạy cảm…" keeps its
  template ellipsis), rating rows and leader-only lines dropped; no content → null. A section IV
  that says only "Không có." is content, not null.
- `criteria`: one entry per rating row in order (I.1, I.2, leaders I.3–I.5, III).
- `cell_review.comment`: the text after the colon plus any following paragraphs up to the proposal line.
- Findings: `LEVEL_DIFFERS_FROM_SELF` (warning) when a committee level exists and differs from the
  self-assessed party-member level; `MISSING_FIELD` for the two invalid forms; `NOT_A_REVIEW_FORM`,
  `EMPTY_FILE`, `NOT_A_ZIP` with field `file`.
- `classification`: committee level (final) › cell proposal (provisional) › self-assessment
  (provisional); rejected forms: level null, `unclassified`, ruleset "2019" (null when there is no form).
- Quota: per đảng bộ, committee-decided excellent ≤ 20 % of good (Khối: 1 excellent vs 6 good
  decided; xã: none), so no `QUOTA_EXCEEDED`. Levels agree with the criteria and the civil-servant
  level, so no `LEVEL_CAPPED`. Dates: self-review ≤ cell review ≤ committee decision.

## The fixtures

| file | writer | party cell | what it exercises | expected |
|---|---|---|---|---|
"""


def write_readme():
    rows = []
    for m in C.MEMBERS:
        cell = C.CELLS[m["cell"]]
        e = json.load(open(os.path.join(EXPECTED, m["file"] + ".json"), encoding="utf-8"))
        codes = ", ".join(f"{f['code']} `{f['field']}`" for f in e["findings"]) or "—"
        cls = e["classification"]
        res = f"{e['verdict']}; {codes}" + (f"; {cls['level']} ({cls['status']}, {cls['basis']})" if cls["level"] else "")
        short = "Khối" if cell["committee"] == C.KHOI else "xã Triệu Phong"
        rows.append(f"| `{m['file']}.docx` | {m['writer']} | {cell['cell']} ({short}) | {exercises(m)} | {res} |")
    rows.append(f"| `{MINUTES['file']}.docx` | python-docx | Chi bộ Thôn 1 (xã Triệu Phong) | meeting minutes “BIÊN BẢN HỌP CHI BỘ” "
                "(same header, mentions “bản kiểm điểm cá nhân” mid-sentence) | rejected; NOT_A_REVIEW_FORM `file`; form null |")
    rows.append("| `tep-rong.docx` | (none) | — | 0 bytes | rejected; EMPTY_FILE `file`; form null |")
    rows.append("| `khong-phai-docx.docx` | (plain text) | — | UTF-8 text file named .docx | rejected; NOT_A_ZIP `file`; form null |")
    with open(os.path.join(ROOT, "README.md"), "w", encoding="utf-8") as f:
        f.write(README_HEAD + "\n".join(rows) + "\n")
    with open(os.path.join(ROOT, ".gitattributes"), "w", encoding="utf-8") as f:
        f.write("# fixture bytes are hashed in expected/*.json: never convert line endings\ninbox/** binary\n")


if __name__ == "__main__":
    if "--verify" not in sys.argv:
        generate()
        write_readme()
    verify_all()
