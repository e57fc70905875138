#!/usr/bin/env python3
"""Regenerate the kiemdiem fixture corpus: Fixtures/inbox-2020/*.docx and Fixtures/expected/*.json.

Run from anywhere (takes a few seconds; LibreOffice is started once for all its files):

    python3 Fixtures/generate/make_fixtures.py            # write inbox-2020/ and expected/, then verify
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
import corpus2 as C2  # noqa: E402
import wordxml  # noqa: E402

ROOT = os.path.dirname(HERE)           # Fixtures/
INBOX = os.path.join(ROOT, "inbox-2020")
FORMS = os.path.join(ROOT, "forms")
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
    return "\t" if m["writer"] in ("python-docx", "wordxml") else "   "


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
# Second set: the 2023 / 2025 individual forms, the collective reports (Mẫu 01), the blank 2023
# template and the probationary member's Mẫu 10-KNĐ (corpus2.py)
# ---------------------------------------------------------------------------------------------

def fmt_year(text, year):
    return text.format(y=year, y0=year - 1, y1=year + 1)


def member_sections2(m):
    """As member_sections, on the 2023 / 2025 templates; rating rows only for the items in m["ratings"]."""
    y, n = m["year"], m["pick"]
    i1, i2, _, _, _ = C2.labels(m["tpl"])
    cnt = 2 + n % 2

    def rate(code):
        return [("rating", code)] if code in m["ratings"] else []
    s = {}
    i = [("head", "1. " + i1)] + [("text", t) for t in pick(C.POOL_I1, n, cnt)] + rate("I.1")
    i += [("head", "2. " + i2)] + [("text", fmt_year(t, y)) for t in pick(C2.POOL_I2[m["role"]], n, cnt, 2)] + rate("I.2")
    last = 3
    if m["leader"]:
        lt = C2.LEADER_TEXT[(m["name"], y)]
        for num, (code, label) in zip((3, 4, 5), (("I.3", C.ITEM_I3), ("I.4", C.ITEM_I4), ("I.5", C.ITEM_I5))):
            i += [("head", f"{num}. {label}")] + [("text", t) for t in lt[code]] + rate(code)
        last = 6
    i += [("head", f"{last}. {C.ITEM_COMMIT}"), ("text", fmt_year(C2.POOL_COMMIT[n % len(C2.POOL_COMMIT)], y))]
    s["strengths"] = i
    s["shortcomings"] = ([("head", "1. " + C.ITEM_II1)] + [("text", t) for t in pick(C.POOL_II1, n, 1 + n % 2, 1)]
                         + [("head", "2. " + C.ITEM_II2)] + [("text", t) for t in pick(C2.POOL_II2, n, 1 + (n + 1) % 2, 1)])
    s["remediation"] = [("text", fmt_year(C2.POOL_III[n % len(C2.POOL_III)], y))] + rate("III")
    s["explanations"] = [("text", t) for t in (m.get("explanations") or [])]
    v = C2.LEADER_TEXT[(m["name"], y)].get("V") if m["leader"] else None
    s["collective_responsibility"] = [("text", t) for t in (v or [])]
    s["improvement_plan"] = [("text", t) for t in pick(C.POOL_VI, n, 2, 1)]
    return s


def boxes_group(m, label, ticked):
    """A level group with the given set of ticked keys (two for the ambiguous fixture)."""
    if m["ticks"] == "typed":
        (level,) = ticked or (None,)
        return [P(f"{label} {C.LEVEL_LABEL[level] if level else C.DOTS}")]
    boxes = [("☒ " if key in ticked else "☐ ") + text for key, text in C.LEVELS]
    if m["boxes"] == "same":
        return [PR([(label, {"b": True}), (" " + tab(m).join(boxes), {})])]
    return [P(label, b=True)] + [P(b_) for b_ in boxes]


def committee_date(m):
    return m.get("committee_date") or C2.CELLS_BY_YEAR[m["year"]][m["cell"]]["committee_date"]


def title_of(year):
    return C2.TITLE_2025 if year >= 2025 else C.TITLE


def form_model2(m):
    y = m["year"]
    cell = C2.CELLS_BY_YEAR[y][m["cell"]]
    code, subtitle = C2.TEMPLATES[m["tpl"]]
    _, _, vii, civil_label, party_label = C2.labels(m["tpl"])
    committee, cellname = org_names(m)
    blocks = []
    if m["code"]:
        blocks.append(P(m.get("code_text") or code, align="right", i=True))
    date_line = f"{cell['place']}, {date_words(m['date'], m['zero'])}"
    left = [P(committee, align="center", b=m["case"] == "upper"), P(cellname, align="center", b=True)]
    right = [P("ĐẢNG CỘNG SẢN VIỆT NAM", align="center", b=True, u=True), P(date_line, align="center", i=True)]
    if m["header"] == "table":
        blocks.append(T([[left, right]]))
    else:
        blocks += [P(committee, align="left", b=m["case"] == "upper"), P(cellname, align="left", b=True),
                   P("ĐẢNG CỘNG SẢN VIỆT NAM", align="right", b=True, u=True), P(date_line, align="right", i=True)]
    blocks += [P(""), P(title_of(y), align="center", b=True), P(m["year_style"], align="center", b=True),
               P(subtitle, align="center", i=True), P("")]

    def val(v, k):
        return v if v else (C.DOTS if k % 2 == 0 else "")
    k, t = m["pick"], tab(m)
    if m["identity"] == "lines":
        blocks += [P(f"Họ và tên: {m['name']}"), P(f"Ngày sinh: {dob_text(m)}")]
    else:
        blocks += [P(f"Họ và tên: {m['name']}{t}Ngày sinh: {dob_text(m)}")]
    blocks += [P(f"Chức vụ Đảng: {val(m['party_position'], k)}".rstrip()),
               P(f"Chức vụ chính quyền: {val(m['government_position'], k)}".rstrip()),
               P(f"Chức vụ đoàn thể: {val(m['mass_position'], k + 1)}".rstrip())]
    if m["identity"] == "lines":
        blocks += [P(f"Đơn vị công tác: {val(m['work_unit'], 0)}".rstrip()), P(f"Chi bộ: {cell['short']}")]
    else:
        blocks += [P(f"Đơn vị công tác: {val(m['work_unit'], 0)}{t}Chi bộ: {cell['short']}")]
    blocks.append(P(""))

    secs = member_sections2(m)
    if y >= 2025:
        blocks.append(P(C2.PART_A, b=True))
    for key, heading in SECTION_HEADINGS:
        blocks.append(P(heading, b=True, align="justify"))
        for kind, text in secs[key]:
            if kind == "head":
                blocks.append(P(text, b=True, i=True, align="justify"))
            elif kind == "text":
                blocks.append(P(text, align="justify"))
            else:
                blocks.append(rating_row(m, text))
    blocks.append(P(vii, b=True))
    party_ticked = set(m["ticked_party"]) if m.get("ticked_party") else {m["party"]} - {None}
    if y >= 2025:
        general, results, total = m["score"]
        part_b = [P(C2.B_I, b=True), P(f"1. {C2.B_GENERAL}: {general}/30"), P(f"2. {C2.B_RESULTS}: {results}/70"),
                  P(f"{C2.B_TOTAL}: {total}/100", b=True)] + boxes_group(m, C2.B_II, party_ticked)
        # The 2B guide of HD 43 prints part B inside a one-row table.
        blocks += [T([[part_b]])] if m.get("b_table") else part_b
    else:
        if civil_label:
            blocks += boxes_group(m, civil_label, {m["civil"]} - {None})
        blocks += boxes_group(m, party_label, party_ticked)
    blocks.append(P(""))

    blocks += sign_block(m, [("NGƯỜI TỰ KIỂM ĐIỂM", {"b": True}), ("(Ký, ghi rõ họ tên)", {"i": True}),
                             ("", {}), ("", {}), (m["name"], {"b": True})])
    blocks += [P(""), P(C.ASSESS_TITLE, align="center", b=True)]
    if m["cell_review"]:
        comment = cell_comment(m)
        blocks.append(PR([(C.CELL_COMMENT_LABEL, {"b": True}), (" " + comment[0], {})], align="justify"))
        blocks += [P(c, align="justify") for c in comment[1:]]
        blocks.append(PR([(C.CELL_PROPOSAL_LABEL, {"b": True}), (" " + C.LEVEL_LABEL[m["cell_review"]], {})]))
        signer, title = ((cell["deputy"], "PHÓ BÍ THƯ") if m["name"] == cell["secretary"]
                         else (cell["secretary"], "BÍ THƯ"))
        date_text = date_words(cell["cell_date"], m["zero"], capital=True)
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
        date_text = date_words(committee_date(m), m["zero"], capital=True)
    else:
        blocks.append(PR([(C.COMMITTEE_LABEL, {"b": True}), (" " + C.DOTS, {})]))
        signer, date_text = "", "Ngày …… tháng …… năm ……"
    blocks += sign_block(m, [("T/M ĐẢNG ỦY (CHI ỦY)", {"b": True}),
                             ("(Xác lập thời điểm, ký, ghi rõ họ tên)", {"i": True}),
                             (date_text, {"i": True}), ("", {}), (signer, {"b": True})])
    return blocks


def dmy(d):
    return f"{d[0]:02d}/{d[1]:02d}/{d[2]}"


def collective_header(c, cell, committee, cellname):
    """A collective report's header: its date line, the organisation on the left, the Party on the right."""
    date_line = f"{cell['place']}, {date_words(c['date'], c['zero'])}"
    left = [P(committee, align="center", b=c["case"] == "upper"), P(cellname, align="center", b=True), P("*", align="center")]
    right = [P("ĐẢNG CỘNG SẢN VIỆT NAM", align="center", b=True, u=True), P(date_line, align="center", i=True)]
    return date_line, left, right


def collective_model(c):
    if c["year"] >= 2025:
        return collective_model_2025(c)
    cell = C2.CELLS_BY_YEAR[c["year"]][c["cell"]]
    committee, cellname = org_names(c)
    like = {"ticks": "glyph", "writer": c["writer"], "boxes": c["boxes"], "signature": c["signature"],
            "ratings": {f"I.{k + 1}": r for k, (_, r, _) in enumerate(c["items"])} | {"III": c["remediation"][1]}}
    blocks = []
    if c["code"]:
        blocks.append(P(C2.COLL_CODE, align="right", i=True))
    date_line, left, right = collective_header(c, cell, committee, cellname)
    if c["header"] == "table":
        blocks.append(T([[left, right]]))
    else:
        blocks += [P(committee, align="left", b=c["case"] == "upper"), P(cellname, align="left", b=True),
                   P("ĐẢNG CỘNG SẢN VIỆT NAM", align="right", b=True, u=True), P(date_line, align="right", i=True)]
    blocks += [P(""), P(c["title"], align="center", b=True), P(c["year_style"], align="center", b=True),
               P(f"{C2.MEETING_LABEL} {dmy(c['meeting'])}", align="center", i=True), P("")]
    blocks.append(P(C2.COLL_SEC_I, b=True, align="justify"))
    for k, (head, _, texts) in enumerate(c["items"]):
        blocks.append(P(f"{k + 1}. {head}", b=True, i=True, align="justify"))
        blocks += [P(t, align="justify") for t in texts]
        blocks.append(rating_row(like, f"I.{k + 1}"))
    blocks.append(P(C2.COLL_SEC_II, b=True, align="justify"))
    for k, (head, texts) in enumerate(zip((C.ITEM_II1, C.ITEM_II2), c["shortcomings"])):
        blocks.append(P(f"{k + 1}. {head}", b=True, i=True, align="justify"))
        blocks += [P(t, align="justify") for t in texts]
    blocks += [P(C2.COLL_SEC_III, b=True, align="justify"), P(c["remediation"][0], align="justify"),
               rating_row(like, "III")]
    blocks.append(P(C2.COLL_SEC_IV, b=True, align="justify"))
    blocks += [P(t, align="justify") for t in c["explanations"]]
    blocks.append(P(C2.COLL_SEC_V, b=True, align="justify"))
    blocks += [P(t, align="justify") for t in c["plan"]]
    blocks.append(P(C2.COLL_SEC_VI, b=True))
    boxes = [("☒ " if key == c["level"] else "☐ ") + text for key, text in C.LEVELS]
    blocks += [P(tab(like).join(boxes))] if c["boxes"] == "same" else [P(b_) for b_ in boxes]
    blocks.append(P(""))
    blocks += sign_block(like, [(c["signer_role"], {"b": True}), (c["signer_title"], {"b": True}),
                                ("", {}), ("", {}), (c["signer"], {"b": True})])
    return blocks


def collective_model_2025(c):
    """Mẫu 01-HD KĐ.ĐG 2025 as HD 43 prints it: part A (I–VI, V the responsibility of the collective
    and its members), part B (the score groups and the proposed level); no rating rows."""
    cell = C2.CELLS_BY_YEAR[c["year"]][c["cell"]]
    committee, cellname = org_names(c)
    like = {"ticks": "glyph", "writer": c["writer"], "boxes": c["boxes"], "signature": c["signature"], "ratings": {}}
    blocks = []
    if c["code"]:
        blocks.append(P(C2.COLL_CODE_2025, align="right", i=True))
    date_line, left, right = collective_header(c, cell, committee, cellname)
    blocks.append(T([[left, right]]))
    blocks += [P(""), P(c["title"], align="center", b=True), P(c["year_style"], align="center", b=True),
               P(f"{C2.MEETING_LABEL} {dmy(c['meeting'])}", align="center", i=True), P(""), P(C2.PART_A, b=True)]
    blocks.append(P(C2.COLL_SEC_I, b=True, align="justify"))
    for k, (head, _, texts) in enumerate(c["items"]):
        blocks.append(P(f"{k + 1}. {head}", b=True, i=True, align="justify"))
        blocks += [P(t, align="justify") for t in texts]
    blocks.append(P(C2.COLL_SEC_II, b=True, align="justify"))
    for k, (head, texts) in enumerate(zip((C.ITEM_II1, C.ITEM_II2), c["shortcomings"])):
        blocks.append(P(f"{k + 1}. {head}", b=True, i=True, align="justify"))
        blocks += [P(t, align="justify") for t in texts]
    blocks += [P(C2.COLL_SEC_III, b=True, align="justify"), P(c["remediation"][0], align="justify")]
    blocks.append(P(C2.COLL_SEC_IV, b=True, align="justify"))
    blocks += [P(t, align="justify") for t in c["explanations"]]
    blocks.append(P(C2.COLL_SEC_V_2025, b=True, align="justify"))
    blocks += [P(t, align="justify") for t in c["responsibility"]]
    blocks.append(P(C2.COLL_SEC_VI_2025, b=True, align="justify"))
    blocks += [P(t, align="justify") for t in c["plan"]]
    general, results, total = c["score"]
    blocks += [P(C2.PART_B, b=True), P(C2.B_I, b=True), P(f"1. {C2.B_GENERAL}: {general}/30"),
               P(f"2. {C2.B_RESULTS}: {results}/70"), P(f"{C2.B_TOTAL}: {total}/100", b=True), P(C2.B_II, b=True)]
    boxes = [("☒ " if key == c["level"] else "☐ ") + text for key, text in C.LEVELS]
    blocks += [P(tab(like).join(boxes))] if c["boxes"] == "same" else [P(b_) for b_ in boxes]
    blocks.append(P(""))
    blocks += sign_block(like, [(c["signer_role"], {"b": True}), (c["signer_title"], {"b": True}),
                                ("", {}), ("", {}), (c["signer"], {"b": True})])
    return blocks


BLANK = dict(file="mau-trong-02a-2023", writer="wordxml", checkbox="sdt", tpl="02A-2023")


def blank_model():
    """A blank Mẫu 02A-HD KĐ.ĐG 2023 as downloaded: labels, dot leaders and empty boxes, nothing filled in."""
    like = {"ticks": "glyph", "writer": "wordxml", "boxes": "same", "signature": "table"}
    dots, long_ = C.DOTS, C.DOTS_LONG
    empty_rating = PR([(C.RATING_LABEL, {"i": True}), ("\t" + "\t".join("☐ " + lab for _, lab in C.RATINGS), {})])
    empty_levels = "\t".join("☐ " + lab for _, lab in C.LEVELS)
    blocks = [P(C2.TEMPLATES["02A-2023"][0], align="right", i=True),
              T([[[P("ĐẢNG BỘ " + dots, align="center"), P("CHI BỘ " + dots, align="center", b=True)],
                  [P("ĐẢNG CỘNG SẢN VIỆT NAM", align="center", b=True, u=True),
                   P("……………, ngày …… tháng …… năm ……", align="center", i=True)]]]),
              P(""), P(C.TITLE, align="center", b=True), P("Năm ……", align="center", b=True),
              P(C2.TEMPLATES["02A-2023"][1], align="center", i=True), P(""),
              P(f"Họ và tên: {dots}\tNgày sinh: {dots}"), P(f"Chức vụ Đảng: {long_}"),
              P(f"Chức vụ chính quyền: {long_}"), P(f"Chức vụ đoàn thể: {long_}"),
              P(f"Đơn vị công tác: {dots}\tChi bộ: {dots}"), P("")]
    blocks += [P(C.SEC_I, b=True), P("1. " + C2.ITEM_I1_2023, b=True, i=True), P(long_), empty_rating,
               P("2. " + C2.ITEM_I2_2023, b=True, i=True), P(long_), empty_rating,
               P("3. " + C.ITEM_COMMIT, b=True, i=True), P(long_),
               P(C.SEC_II, b=True), P("1. " + C.ITEM_II1, b=True, i=True), P(long_),
               P("2. " + C.ITEM_II2, b=True, i=True), P(long_),
               P(C.SEC_III, b=True), P(long_), empty_rating,
               P(C.SEC_IV, b=True), P(long_), P(C.SEC_V, b=True), P(long_), P(C.SEC_VI, b=True), P(long_),
               P(C.SEC_VII, b=True), PR([(C.VII1_LABEL, {"b": True}), ("\t" + empty_levels, {})]),
               PR([(C.VII2_LABEL, {"b": True}), ("\t" + empty_levels, {})]), P("")]
    blocks += sign_block(like, [("NGƯỜI TỰ KIỂM ĐIỂM", {"b": True}), ("(Ký, ghi rõ họ tên)", {"i": True})])
    blocks += [P(""), P(C.ASSESS_TITLE, align="center", b=True),
               PR([(C.CELL_COMMENT_LABEL, {"b": True}), (" " + long_, {})]), P(long_ + dots),
               PR([(C.CELL_PROPOSAL_LABEL, {"b": True}), (" " + dots, {})])]
    blocks += sign_block(like, [("T/M CHI ỦY (CHI BỘ)", {"b": True}), ("(Xác lập thời điểm, ký, ghi rõ họ tên)", {"i": True})])
    blocks.append(PR([(C.COMMITTEE_LABEL, {"b": True}), (" " + dots, {})]))
    blocks += sign_block(like, [("T/M ĐẢNG ỦY (CHI ỦY)", {"b": True}), ("(Xác lập thời điểm, ký, ghi rõ họ tên)", {"i": True})])
    return blocks


PROBATION = dict(file="ban-tu-kiem-diem-dang-vien-du-bi", writer="python-docx")


def probation_model():
    """Mẫu 10-KNĐ: a probationary member's self-review for admission to full membership (HD 12-HD/BTCTW
    2022). Same header, "NGƯỜI TỰ KIỂM ĐIỂM", Ưu điểm / Khuyết điểm, but not the annual review form."""
    return [
        P("Mẫu 10-KNĐ", align="right", i=True),
        T([[[P("ĐẢNG BỘ XÃ TRIỆU PHONG", align="center"), P("CHI BỘ THÔN 1", align="center", b=True), P("*", align="center")],
            [P("ĐẢNG CỘNG SẢN VIỆT NAM", align="center", b=True, u=True),
             P("Triệu Phong, ngày 04 tháng 12 năm 2023", align="center", i=True)]]]),
        P(""),
        P("BẢN TỰ KIỂM ĐIỂM", align="center", b=True),
        P("(Dùng cho đảng viên dự bị đề nghị công nhận đảng viên chính thức)", align="center", i=True),
        P(""),
        P("Kính gửi: Chi bộ Thôn 1", align="center", b=True),
        P("Họ và tên: Trương Văn Quý\tNgày sinh: 16/03/1996"),
        P("Quê quán: xã Triệu Phong, huyện Triệu Phong, tỉnh Quảng Trị"),
        P("Nơi ở hiện nay: Thôn 1, xã Triệu Phong"),
        P("Được kết nạp vào Đảng ngày 02 tháng 12 năm 2022, tại Chi bộ Thôn 1."),
        P("Được phân công sinh hoạt tại: Chi bộ Thôn 1"),
        P("Sau 12 tháng phấn đấu, rèn luyện trong thời gian dự bị, tôi tự kiểm điểm như sau:", align="justify"),
        P("1. Ưu điểm", b=True),
        P("- Về tư tưởng chính trị: luôn trung thành với Đảng, chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước.", align="justify"),
        P("- Về phẩm chất đạo đức, lối sống: sống giản dị, trung thực, đoàn kết với mọi người xung quanh.", align="justify"),
        P("- Về thực hiện nhiệm vụ đảng viên: tham gia đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng quy định, hoàn thành nhiệm vụ được chi bộ phân công.", align="justify"),
        P("- Về mối quan hệ với quần chúng: gần gũi, giúp đỡ nhân dân nơi cư trú; tích cực tham gia hoạt động của Chi đoàn thôn.", align="justify"),
        P("2. Khuyết điểm, hạn chế và nguyên nhân", b=True),
        P("- Phát biểu xây dựng trong sinh hoạt chi bộ còn ít; nguyên nhân do bản thân còn ngại va chạm.", align="justify"),
        P("3. Phương hướng khắc phục", b=True),
        P("- Tiếp tục học tập, rèn luyện, mạnh dạn đóng góp ý kiến trong sinh hoạt chi bộ.", align="justify"),
        P("Tự nhận thấy đủ điều kiện trở thành đảng viên chính thức, tôi kính đề nghị Chi bộ xem xét, đề nghị cấp ủy có thẩm quyền công nhận tôi là đảng viên chính thức.", align="justify"),
        P(""),
        T([[[P("")], [P("NGƯỜI TỰ KIỂM ĐIỂM", align="center", b=True), P("(Ký, ghi rõ họ tên)", align="center", i=True),
                      P(""), P(""), P("Trương Văn Quý", align="center", b=True)]]]),
        P(""),
        P("Ý KIẾN NHẬN XÉT CỦA ĐẢNG VIÊN ĐƯỢC PHÂN CÔNG GIÚP ĐỠ", align="center", b=True),
        P("Đồng chí Trương Văn Quý đủ điều kiện được công nhận đảng viên chính thức.", align="justify"),
        T([[[P("")], [P("ĐẢNG VIÊN GIÚP ĐỠ", align="center", b=True), P(""), P(""), P("Lê Đình Khoa", align="center", b=True)]]]),
    ]


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
        elif blk[0] == "grid":
            tbl = d.add_table(rows=len(blk[1]), cols=len(blk[1][0]))
            tbl.style = d.styles["Table Grid"]
            for r, row in enumerate(blk[1]):
                for c, text in enumerate(row):
                    par = tbl.cell(r, c).paragraphs[0]
                    fill(par, [(text, {"b": r == 0 or text == C2.SCORE_TOTAL, "i": False, "u": False})],
                         {"align": "center" if r == 0 or c != 1 else None})
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
        elif blk[0] == "grid":
            lines.append('<table width="100%" border="1" cellpadding="3" cellspacing="0">')
            for r, row in enumerate(blk[1]):
                cells = [P(t, align="center" if r == 0 or c != 1 else None, b=r == 0 or t == C2.SCORE_TOTAL)
                         for c, t in enumerate(row)]
                lines.append("<tr>" + "".join(f"<td>{par(x)}</td>" for x in cells) + "</tr>")
            lines.append("</table>")
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


def ruleset_for(year):
    return "2019" if year < 2023 else "2023" if year < 2025 else "2025"


def expected_for(file, data, form, findings, capped_to=None):
    """capped_to: the level a rule lowers a provisional classification to (basis "rule"); a committee
    decision is never lowered (docs/rules.md): it stays, with DECISION_CONFLICTS_WITH_RULE."""
    rejected = any(f["severity"] == "error" for f in findings)
    rs = ruleset_for(form["year"]) if form else None
    if form is None:
        cls = {"level": None, "status": "unclassified", "basis": None, "ruleset": None}
    elif rejected:
        cls = {"level": None, "status": "unclassified", "basis": None, "ruleset": rs}
    elif form["kind"] == "collective":
        cls = {"level": form["collective"]["level"], "status": "provisional", "basis": "self_assessment", "ruleset": rs}
    elif capped_to and not form["committee_decision"]["level"]:
        cls = {"level": capped_to, "status": "provisional", "basis": "rule", "ruleset": rs}
    elif form["committee_decision"]["level"]:
        cls = {"level": form["committee_decision"]["level"], "status": "final", "basis": "committee_decision", "ruleset": rs}
    elif form["cell_review"]["proposed_level"]:
        cls = {"level": form["cell_review"]["proposed_level"], "status": "provisional", "basis": "cell_review", "ruleset": rs}
    else:
        cls = {"level": form["self_assessment"]["party_member_level"], "status": "provisional",
               "basis": "self_assessment", "ruleset": rs}
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


def number(text):
    v = float(text.replace(",", "."))
    return int(v) if v == int(v) else v


def expected_score(score):
    general, results, total = score
    return {"items": [{"criterion": C2.B_GENERAL, "max": 30, "self": number(general)},
                      {"criterion": C2.B_RESULTS, "max": 70, "self": number(results)}],
            "total": number(total)}


def expected_form2(m):
    y = m["year"]
    cell = C2.CELLS_BY_YEAR[y][m["cell"]]
    committee, cellname = org_names(m)
    secs = member_sections2(m)
    criteria = [{"item": t, "rating": m["ratings"][t]}
                for key, _ in SECTION_HEADINGS for kind, t in secs[key] if kind == "rating"]
    cr, cd = m["cell_review"], m["committee"]
    form = {
        "kind": "individual",
        "template": m["tpl"],
        "year": y,
        "party_committee": committee,
        "party_cell": cellname,
        "place": cell["place"],
        "date": iso(m["date"]),
        "member": {
            "full_name": m["name"],
            "date_of_birth": None if m.get("invalid") == "dob" else iso(m["dob"]),
            "party_position": m["party_position"],
            "government_position": m["government_position"],
            "mass_organisation_position": m["mass_position"],
            "work_unit": m["work_unit"],
        },
        "sections": {key: section_text(secs[key]) for key, _ in SECTION_HEADINGS},
        "criteria": criteria,
        # HD 43 prints no civil-servant line: the member proposes one level in part B.
        "self_assessment": {"civil_servant_level": m["civil"] if y < 2025 else None, "party_member_level": m["party"]},
        "signature": m["name"],
        "cell_review": {
            "comment": nfc("\n".join(cell_comment(m))) if cr else None,
            "proposed_level": cr,
            "date": iso(cell["cell_date"]) if cr else None,
        },
        "committee_decision": {"level": cd, "date": iso(committee_date(m)) if cd else None},
    }
    if m.get("score"):
        form["score"] = expected_score(m["score"])
    return form


def member_findings2(m, form):
    inv = m.get("invalid")
    if inv == "two_party_boxes":
        return [finding("AMBIGUOUS_CHOICE", "self_assessment.party_member_level")]
    if inv == "date_order":
        return [finding("DATE_ORDER", "committee_decision.date")]
    if inv == "dob":
        return [finding("INVALID_VALUE", "member.date_of_birth")]
    out = []
    lvl = form["committee_decision"]["level"]
    if lvl and lvl != form["self_assessment"]["party_member_level"]:
        out.append(finding("LEVEL_DIFFERS_FROM_SELF", "committee_decision.level", "warning"))
    if m.get("capped") and lvl:
        out.append(finding("DECISION_CONFLICTS_WITH_RULE", "committee_decision.level", "warning"))
    elif m.get("capped"):
        out.append(finding("LEVEL_CAPPED", "classification.level", "warning"))
    return out


BANDS = [("excellent", 90), ("good", 70), ("satisfactory", 50), ("unsatisfactory", 0)]


def band(total):
    return next(level for level, low in BANDS if total >= low)


def expected_collective(c):
    cell = C2.CELLS_BY_YEAR[c["year"]][c["cell"]]
    committee, cellname = org_names(c)
    strengths = []
    for k, (head, _, texts) in enumerate(c["items"]):
        strengths += [f"{k + 1}. {head}"] + texts
    short = []
    for k, (head, texts) in enumerate(zip((C.ITEM_II1, C.ITEM_II2), c["shortcomings"])):
        short += [f"{k + 1}. {head}"] + texts
    join = lambda xs: nfc("\n".join(collapse(x) for x in xs)) if xs else None   # noqa: E731
    if c["year"] >= 2025:
        form = {
            "kind": "collective", "template": "01", "year": c["year"], "party_committee": committee,
            "party_cell": cellname, "place": cell["place"], "date": iso(c["date"]), "member": None,
            "sections": {"strengths": join(strengths), "shortcomings": join(short),
                         "remediation": join([c["remediation"][0]]), "explanations": join(c["explanations"]),
                         "collective_responsibility": join(c["responsibility"]), "improvement_plan": join(c["plan"])},
            "criteria": [], "self_assessment": None, "signature": c["signer"],
            "cell_review": {"comment": None, "proposed_level": None, "date": None},
            "committee_decision": {"level": None, "date": None},
            "score": expected_score(c["score"]),
            "collective": {"level": c["level"], "meeting_date": iso(c["meeting"]), "signer_role": collapse(c["signer_role"])},
        }
        return form
    return {
        "kind": "collective",
        "template": "01",
        "year": c["year"],
        "party_committee": committee,
        "party_cell": cellname,
        "place": cell["place"],
        "date": iso(c["date"]),
        "member": None,
        "sections": {"strengths": join(strengths), "shortcomings": join(short),
                     "remediation": join([c["remediation"][0]]), "explanations": join(c["explanations"]),
                     "collective_responsibility": None, "improvement_plan": join(c["plan"])},
        "criteria": [{"item": f"I.{k + 1}", "rating": r} for k, (_, r, _) in enumerate(c["items"])]
                    + [{"item": "III", "rating": c["remediation"][1]}],
        "self_assessment": None,
        "signature": c["signer"],
        "cell_review": {"comment": None, "proposed_level": None, "date": None},
        "committee_decision": {"level": None, "date": None},
        "collective": {"level": c["level"], "meeting_date": iso(c["meeting"]), "signer_role": collapse(c["signer_role"])},
    }


# ---------------------------------------------------------------------------------------------
# Read-back check (python-docx): what is visibly in the document must match the expected JSON
# ---------------------------------------------------------------------------------------------

def docx_paragraphs(path):
    import docx
    from docx.table import Table
    d = docx.Document(path)
    out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split("}")[1]
        if tag == "p":
            out.append(para_text(el))
        elif tag == "tbl":
            for row in Table(el, d).rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    out.extend(para_text(p) for p in cell._tc.iterchildren(W_NS + "p"))
    return [nfc(collapse(t)) for t in out if collapse(t)]


LEADER_ONLY = re.compile(r"^[.…_\s]*$")


def strip_leaders(s):
    s = re.sub(r"[.…_]{2,}|…", " ", s)
    s = collapse(s).strip(" :;,-")
    return s or None


def read_choice(text, options, ambiguous_ok=False):
    """options: [(key, label)], longest labels first inside; returns the chosen key or None
    (also None for two ticks when ambiguous_ok)."""
    ticked = re.findall(r"[☒☑]\s*([^☐☒☑]+)", text)
    if "☐" in text or ticked:
        keys = [k for t in ticked for k, lab in options if collapse(t).lower() == lab.lower()]
        if ambiguous_ok and len(keys) > 1:
            return None
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


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SYM_GLYPHS = {"F0FE": "☒", "F0A8": "☐"}


def para_text(p):
    """The visible text of a w:p, as python-docx's Paragraph.text, but also inside inline content
    controls (w:sdt, Word's tick boxes) and with Wingdings w:sym tick boxes read as ☒ / ☐."""
    out = []
    for el in p.iter():
        if not isinstance(el.tag, str) or el.getparent().tag != W_NS + "r":
            continue
        tag = el.tag[len(W_NS):] if el.tag.startswith(W_NS) else None
        if tag == "t":
            out.append(el.text or "")
        elif tag in ("tab", "ptab"):
            out.append("\t")
        elif tag in ("br", "cr"):
            out.append("\n")
        elif tag == "noBreakHyphen":
            out.append("-")
        elif tag == "sym":
            out.append(SYM_GLYPHS.get((el.get(W_NS + "char") or "").upper(), ""))
    return "".join(out)


def real_date(y, m, d):
    import datetime
    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


def template_of(ps, year):
    """Template from the form code when written, checked against the subtitle (which decides otherwise)."""
    sub = next((p for p in ps if p in {v[1] for v in C2.TEMPLATES.values()}), None)
    if year >= 2025:
        by_sub = {"(Đảng viên không làm việc trong hệ thống chính trị)": "2C-2025",
                  "(Cá nhân giữ chức vụ lãnh đạo, quản lý)": "2A-2025"}.get(sub, "2B-2025")
    else:
        by_sub = "02A-2023" if sub == "(Cá nhân không giữ chức vụ lãnh đạo, quản lý)" else "02B-2023"
    code = next((p for p in ps if p.startswith("Mẫu ")), None)
    if code:
        mt = re.fullmatch(r"Mẫu (0?2[ABC])-HD KĐ\.ĐG (\d{4})", code)
        printed = mt[1].lstrip("0") if int(mt[2]) >= 2025 else mt[1]
        assert mt and f"{printed}-{mt[2]}" == by_sub, (code, by_sub)
    return by_sub


def read_score(ps):
    """Part B's printed groups ("1. Nhóm tiêu chí chung: 27/30", …, "Tổng điểm: 87/100")."""
    def value(label):
        line = next(p for p in ps if re.sub(r"^\d\. ", "", p).startswith(label + ":"))
        own, mx = line.split(":", 1)[1].strip().split("/")
        return own, mx
    (g, gm), (r, rm), (t, tm) = value(C2.B_GENERAL), value(C2.B_RESULTS), value(C2.B_TOTAL)
    assert (gm, rm, tm) == ("30", "70", "100")
    return expected_score((g, r, t))


def read_header(ps, got):
    got["party_committee"] = next(p for p in ps if p.lower().startswith("đảng bộ"))
    got["party_cell"] = next(p for p in ps if p.lower().startswith("chi bộ ") and ":" not in p)
    dl = next(p for p in ps if re.search(r", ngày \d", p))
    got["place"] = dl.split(",")[0]
    got["date"] = parse_date_words(dl)


def read_sections(ps, heads, keys, template_heads):
    idx = [ps.index(h) for h in heads]
    assert idx == sorted(idx)
    sections, criteria = {}, []
    for n, key in enumerate(keys):
        body = ps[idx[n] + 1: idx[n + 1]]
        keep, item = [], None
        for p in body:
            if p.startswith(C.RATING_LABEL):
                code = f"I.{item}" if n == 0 else "III"
                criteria.append({"item": code, "rating": read_choice(p, C.RATINGS)})
            elif not LEADER_ONLY.match(p):
                keep.append(p)
                mt = re.match(r"(\d)\. ", p)
                if mt and re.sub(r"^\d+\. ", "", p) in template_heads:
                    item = mt[1]
        has_content = any(re.sub(r"^\d+\. ", "", p) not in template_heads for p in keep)
        if key:
            sections[key] = "\n".join(keep) if keep and has_content else None
    return sections, criteria, idx


def read_back2(path, ps):
    """Reader of the 2023 / 2025 individual layouts."""
    got = {}
    title = C2.TITLE_2025 if C2.TITLE_2025 in ps else C.TITLE
    t = ps.index(title)
    got["year"] = int(re.search(r"\d{4}", ps[t + 1])[0])
    got["template"] = template_of(ps, got["year"])
    i1, i2, vii, civil_label, party_label = C2.labels(got["template"])
    read_header(ps, got)
    full = "\n".join(ps)
    labels = ["Họ và tên", "Ngày sinh", "Chức vụ Đảng", "Chức vụ chính quyền", "Chức vụ đoàn thể",
              "Đơn vị công tác", "Chi bộ"]
    ident = {}
    head = full.split(C.SEC_I)[0].split(title)[1]
    for lab in labels:
        mt = re.search(rf"(?:^|\s){lab}:(.*?)(?=(?:\s(?:{'|'.join(labels)}):)|\n|$)", head, re.M)
        ident[lab] = strip_leaders(mt[1]) if mt else None
    dob = ident["Ngày sinh"]
    if re.match(r"\d{1,2}[/-]\d{1,2}[/-]\d{4}$", dob):
        d, mo, y = map(int, re.split(r"[/-]", dob))
    else:
        mt = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", dob)
        d, mo, y = int(mt[1]), int(mt[2]), int(mt[3])
    got["member"] = {"full_name": ident["Họ và tên"], "date_of_birth": real_date(y, mo, d),
                     "party_position": ident["Chức vụ Đảng"], "government_position": ident["Chức vụ chính quyền"],
                     "mass_organisation_position": ident["Chức vụ đoàn thể"], "work_unit": ident["Đơn vị công tác"]}
    template_heads = {i1, i2, C.ITEM_I3, C.ITEM_I4, C.ITEM_I5, C.ITEM_COMMIT, C.ITEM_II1, C.ITEM_II2}
    got["sections"], got["criteria"], idx = read_sections(
        ps, [h for _, h in SECTION_HEADINGS] + [vii], [k for k, _ in SECTION_HEADINGS], template_heads)
    sig = ps.index("NGƯỜI TỰ KIỂM ĐIỂM")
    part = ps[idx[-1] + 1: sig]

    def group(label, stop):
        if label is None:
            return None
        i = next(k for k, p in enumerate(part) if p.startswith(label))
        j = next((k for k, p in enumerate(part) if k > i and stop and p.startswith(stop)), len(part))
        return read_choice(" ".join(part[i:j]), C.LEVELS, ambiguous_ok=True)
    got["self_assessment"] = {"civil_servant_level": group(civil_label, party_label),
                              "party_member_level": group(party_label, None)}
    assert ps[sig + 1] == "(Ký, ghi rõ họ tên)"
    got["signature"] = ps[sig + 2]
    a = ps.index(C.ASSESS_TITLE)
    rest = ps[a + 1:]
    ci = next(k for k, p in enumerate(rest) if p.startswith(C.CELL_COMMENT_LABEL))
    pi = next(k for k, p in enumerate(rest) if p.startswith(C.CELL_PROPOSAL_LABEL))
    comment = [strip_leaders(rest[ci][len(C.CELL_COMMENT_LABEL):])] + [strip_leaders(p) for p in rest[ci + 1:pi]]
    comment = [c for c in comment if c]
    ki = next(k for k, p in enumerate(rest) if p.startswith(C.COMMITTEE_LABEL))
    got["cell_review"] = {"comment": "\n".join(comment) if comment else None,
                          "proposed_level": read_choice(rest[pi], C.LEVELS),
                          "date": parse_date_words(next(p for p in rest[pi:] if p.startswith("Ngày")))}
    got["committee_decision"] = {"level": read_choice(rest[ki], C.LEVELS),
                                 "date": parse_date_words(next(p for p in rest[ki:] if p.startswith("Ngày")))}
    if got["year"] >= 2025:
        got["score"] = read_score(ps)
    return got


def read_collective_head(ps, title):
    """What every collective report opens with: the year under its title, the meeting date, the header."""
    got = {"kind": "collective", "template": "01", "member": None, "self_assessment": None,
           "cell_review": {"comment": None, "proposed_level": None, "date": None},
           "committee_decision": {"level": None, "date": None}}
    t = ps.index(title)
    got["year"] = int(re.search(r"\d{4}", ps[t + 1])[0])
    mt = re.fullmatch(re.escape(C2.MEETING_LABEL) + r" (\d{2})/(\d{2})/(\d{4})", ps[t + 2])
    read_header(ps, got)
    return got, real_date(int(mt[3]), int(mt[2]), int(mt[1]))


def read_back_collective(ps, title):
    got, meeting = read_collective_head(ps, title)
    heads = [C2.COLL_SEC_I, C2.COLL_SEC_II, C2.COLL_SEC_III, C2.COLL_SEC_IV, C2.COLL_SEC_V, C2.COLL_SEC_VI]
    keys = ["strengths", "shortcomings", "remediation", "explanations", "improvement_plan"]
    template_heads = {h for c in C2.COLLECTIVES for h, _, _ in c["items"]} | {C.ITEM_II1, C.ITEM_II2}
    sections, got["criteria"], idx = read_sections(ps, heads, keys, template_heads)
    sections["collective_responsibility"] = None
    got["sections"] = sections
    role = next(k for k in range(idx[-1], len(ps)) if ps[k].startswith("T/M "))
    level = read_choice(" ".join(ps[idx[-1] + 1: role]), C.LEVELS)
    assert ps[role + 1] in ("BÍ THƯ", "PHÓ BÍ THƯ")
    got["signature"] = ps[role + 2]
    got["collective"] = {"level": level, "meeting_date": meeting, "signer_role": ps[role]}
    return got


def read_back_collective_2025(ps):
    got, meeting = read_collective_head(ps, C2.COLL_TITLE_2025)
    got["criteria"] = []
    heads = [C2.COLL_SEC_I, C2.COLL_SEC_II, C2.COLL_SEC_III, C2.COLL_SEC_IV, C2.COLL_SEC_V_2025, C2.COLL_SEC_VI_2025,
             C2.PART_B]
    keys = ["strengths", "shortcomings", "remediation", "explanations", "collective_responsibility", "improvement_plan"]
    template_heads = {h for c in C2.COLLECTIVES for h, _, _ in c["items"]} | {C.ITEM_II1, C.ITEM_II2}
    got["sections"], _, idx = read_sections(ps, heads, keys, template_heads)
    got["score"] = read_score(ps)
    role = next(k for k in range(idx[-1], len(ps)) if ps[k].startswith("T/M "))
    b2 = ps.index(C2.B_II)
    level = read_choice(" ".join(ps[b2 + 1: role]), C.LEVELS)
    assert ps[role + 1] in ("BÍ THƯ", "PHÓ BÍ THƯ")
    got["signature"] = ps[role + 2]
    got["collective"] = {"level": level, "meeting_date": meeting, "signer_role": ps[role]}
    return got


def read_back(path):
    """An independent, simple reader of the fixtures' layouts (not a general parser)."""
    ps = docx_paragraphs(path)
    got = {}
    if C2.COLL_TITLE_2025 in ps:
        return read_back_collective_2025(ps)
    for title in (C2.COLL_TITLE_A, C2.COLL_TITLE_B):
        if title in ps:
            return read_back_collective(ps, title)
    if C2.TITLE_2025 in ps:
        return read_back2(path, ps)
    if C.TITLE not in ps or not re.search(r"\d{4}", ps[ps.index(C.TITLE) + 1]):
        return None          # not the annual form, or a blank template (no year, nothing filled in)
    if ps[ps.index(C.TITLE) + 2].startswith("("):
        return read_back2(path, ps)
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
        if k == "criteria" and (not v or isinstance(v[0], str)):
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
    for d in (INBOX, FORMS, EXPECTED):
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
    generate2()


def write_doc(blocks, out, writer, author, date, checkbox, lo_files, tmp, title="Bản kiểm điểm cá nhân"):
    if writer == "python-docx":
        write_python_docx(blocks, out, author, date)
    elif writer == "wordxml":
        wordxml.write_wordxml(blocks, out, author, date, seed=os.path.basename(out), checkbox=checkbox)
    else:
        h = os.path.join(tmp, os.path.basename(out)[:-5] + ".html")
        with open(h, "w", encoding="utf-8") as f:
            f.write(to_html(blocks, title))
        lo_files.setdefault(os.path.dirname(out), []).append(h)


def generate2():
    """The second set: 2023 / 2025 forms and collective reports (forms/, and the 2020 report in inbox-2020/)."""
    tmp = tempfile.mkdtemp(prefix="kiemdiem-fixtures2-")
    lo = {}
    for m in C2.MEMBERS:
        write_doc(form_model2(m), os.path.join(FORMS, m["file"] + ".docx"), m["writer"], m["name"], m["date"],
                  m.get("checkbox"), lo, tmp)
    for c in C2.COLLECTIVES:
        write_doc(collective_model(c), os.path.join(ROOT, c["dest"], c["file"] + ".docx"), c["writer"], c["signer"],
                  c["date"], c.get("checkbox"), lo, tmp, title="Báo cáo kiểm điểm tập thể")
    write_doc(blank_model(), os.path.join(FORMS, BLANK["file"] + ".docx"), BLANK["writer"], "Văn phòng Đảng ủy",
              (20, 11, 2023), BLANK["checkbox"], lo, tmp)
    write_doc(probation_model(), os.path.join(FORMS, PROBATION["file"] + ".docx"), PROBATION["writer"],
              "Trương Văn Quý", (4, 12, 2023), None, lo, tmp)
    for outdir, files in sorted(lo.items()):
        convert_with_libreoffice(files, outdir)
    shutil.rmtree(tmp)

    def data(folder, stem):
        return open(os.path.join(ROOT, folder, stem + ".docx"), "rb").read()
    for m in C2.MEMBERS:
        form = expected_form2(m)
        findings = member_findings2(m, form)
        if m.get("capped"):
            assert band(form["score"]["total"]) != m["party"]
        write_json(os.path.join(EXPECTED, m["file"] + ".json"),
                   expected_for(m["file"] + ".docx", data("forms", m["file"]), form, findings,
                                capped_to=band(form["score"]["total"]) if m.get("capped") else None))
    for c in C2.COLLECTIVES:
        write_json(os.path.join(EXPECTED, c["file"] + ".json"),
                   expected_for(c["file"] + ".docx", data(c["dest"], c["file"]), expected_collective(c), []))
    for stem in (BLANK["file"], PROBATION["file"]):
        write_json(os.path.join(EXPECTED, stem + ".json"),
                   expected_for(stem + ".docx", data("forms", stem), None, [finding("NOT_A_REVIEW_FORM", "file")]))


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


def check_opens_everywhere(inbox, forms):
    """Every .docx package of every writer opens in python-docx."""
    import docx
    for folder, names in ((INBOX, inbox), (FORMS, forms)):
        for n in sorted(names):
            path = os.path.join(folder, n)
            data = open(path, "rb").read()
            if not data.startswith(b"PK"):
                continue
            d = docx.Document(path)
            assert d.paragraphs and d.sections, n


def check_corpus_rules2():
    """The second set's valid forms must not trip rules the brief keeps out of the corpus: dates in order
    inside [1 Jan of the year, 31 Mar of the next], no "Kém" (2023+), 2025 levels inside the score band
    (but the one capped form), score tables that add up; collectives meet before their members' reviews."""
    key = lambda d: (d[2], d[1], d[0])   # noqa: E731
    for m in C2.MEMBERS:
        y = m["year"]
        cell = C2.CELLS_BY_YEAR[y][m["cell"]]
        dates = [m["date"]] + ([cell["cell_date"]] if m["cell_review"] else []) + ([committee_date(m)] if m["committee"] else [])
        for d in dates:
            assert (y, 1, 1) <= key(d) <= (y + 1, 3, 31), m["file"]
        ordered = [key(d) for d in dates] == sorted(key(d) for d in dates)
        assert ordered == (m.get("invalid") != "date_order"), m["file"]
        assert "poor" not in m["ratings"].values(), m["file"]
        levels = [lv for lv in (m["civil"], m["party"], m["cell_review"], m["committee"]) if lv]
        if m.get("score"):
            sc = expected_score(m["score"])
            levels = [lv for lv in (m["party"], m["cell_review"], m["committee"]) if lv]
            assert sum(i["max"] for i in sc["items"]) == 100, m["file"]
            assert abs(sum(i["self"] for i in sc["items"]) - sc["total"]) < 1e-9, m["file"]
            assert all(i["self"] <= i["max"] for i in sc["items"]), m["file"]
            inside = all(band(sc["total"]) == lv for lv in levels)
            assert inside != bool(m.get("capped")), m["file"]
        if "excellent" in levels and m["ratings"]:
            assert m["ratings"]["I.2"] == "excellent" and "average" not in m["ratings"].values(), m["file"]
        if m["civil"] and m["party"]:
            assert RANK[m["party"]] >= RANK[m["civil"]], m["file"]
    for c in C2.COLLECTIVES:
        y = c["year"]
        members_of = [m for m in C2.MEMBERS if m["year"] == y and m["cell"] == c["cell"]]
        cell = C2.CELLS_BY_YEAR[y][c["cell"]]
        assert (y, 1, 1) <= key(c["date"]) <= key(c["meeting"]) < key(cell["cell_date"]), c["file"]
        for m in (members_of if y != 2020 else [m for m in C.MEMBERS if m["cell"] == c["cell"]]):
            if m["committee"]:
                assert key(c["meeting"]) < key(committee_date(m) if y != 2020 else cell["committee_date"]), (c["file"], m["file"])


def verify_all():
    check_corpus_rules()
    check_corpus_rules2()
    names = sorted(os.listdir(EXPECTED))
    for n in names:
        check_nfc(json.load(open(os.path.join(EXPECTED, n), encoding="utf-8")), n)
    inbox, forms = set(os.listdir(INBOX)), set(os.listdir(FORMS))
    assert not inbox & forms, inbox & forms
    for n in names:
        folder = INBOX if n[:-5] + ".docx" in inbox else FORMS
        verify(os.path.join(EXPECTED, n), os.path.join(folder, n[:-5] + ".docx"))
    assert sorted(n[:-5] for n in names) == sorted(n[:-5] for n in inbox | forms)
    check_opens_everywhere(inbox, forms)
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

Real .docx files written by three real writers, with one expected `kiemdiem inspect --json` object
per file:

- **python-docx** builds the document directly;
- **libreoffice** gets an HTML file and converts it with `soffice --convert-to docx`;
- **wordxml** writes the package with `zipfile`, `word/document.xml` shaped as Microsoft Word writes it
  (`generate/wordxml.py`): `w:rsidR`/`w:rsidRPr`, runs split mid-word at rsid boundaries ("Họ và t" + "ên:"),
  `w:proofErr`, `w:bookmarkStart/End`, `w:lastRenderedPageBreak`, `w14:paraId`, `mc:Ignorable`, `w:sectPr`,
  `styles.xml` with `w:docDefaults` (Times New Roman 14), `settings.xml`, `fontTable.xml`, core/app properties.
  Tick boxes are either Word content controls (`w:sdt` + `w14:checkbox`, the glyph ☒ U+2612 / ☐ U+2610 in
  MS Gothic inside `w:sdtContent`; column "boxes: sdt") or `w:sym w:font="Wingdings"` with `w:char="F0FE"`
  (ticked) / `"F0A8"` (empty) ("boxes: sym"). Headers and signatures are borderless tables.

Folders:

- `inbox-2020/` — the 2020 review the tests run: the 17 valid + 5 invalid **Mẫu 02-HD KĐ.ĐG 2019** forms of review year
  **2020** and the **2020 collective report** (Mẫu 01) of Chi bộ Văn phòng.
- `demo-2026/` — `make run`'s demo, the 2026 review on HD 43's forms (2A, 2B, 2C, Mẫu 01), with its roster and
  organisations file, and `dem-sau/` the form that arrives the night after; made by `generate/make_demo_2026.py`
  (its docstring lists what each file shows).
- `forms/` — the forms of other years and templates (02A/02B-2023, 2A/2B/2C-2025, Mẫu 01 of 2023 and 2025) and
  their invalid variants. They are not in `inbox-2020/` because a 2020 batch would reject them all as
  `YEAR_MISMATCH`; their expected JSON is `inspect` without `--year`.
- `expected/<stem>.json` — the expected output for `inbox-2020/<stem>.docx` or `forms/<stem>.docx` (stems are unique
  across both folders), contract §2 shape, pretty-printed, UTF-8, NFC. Findings carry only `code`, `severity`
  and `field` (tests compare those; `message` and `evidence` are omitted). `sha256` is the hash of the
  committed file.
- `generate/` — `make_fixtures.py` (entry point: models, writers, expected-JSON oracle, read-back check),
  `wordxml.py` (the Word-style writer), `corpus.py` (the 2020 set: organisations, members, text, ticks,
  levels, layout variants) and `corpus2.py` (the 2023/2025 forms, the collective reports, the invalid ones).

## Regenerate

```sh
python3 Fixtures/generate/make_fixtures.py            # rewrites inbox-2020/, forms/, expected/ and this README, then verifies
python3 Fixtures/generate/make_fixtures.py --verify   # only re-reads the committed files and checks them
```

Needs python-docx and LibreOffice (`soffice`). Output is byte-for-byte reproducible (zip entry
timestamps are fixed; the Word-style writer derives its rsids and ids from the file name), so a rerun
without data changes leaves `git status` clean.

The verification step opens every package with python-docx, reads each .docx back (body paragraphs and
table cells in document order, text inside `w:sdt` content controls included, Wingdings `w:sym` boxes
read as ☒/☐) and checks header, template (form code against subtitle), identity, sections, ticks and
criterion items, signature, cell review, committee decision, the score table, and the collective's level,
meeting date and signer against the expected JSON, and that every expected string is NFC and trimmed. It
also checks the corpus rules below (dates, bands, sums).

## Rules used for the expected JSON (the generator is the oracle)

- `party_committee` / `party_cell` come from the header lines, case as written ("ĐẢNG BỘ …" stays
  upper case); the identity "Chi bộ:" line carries only the short name and loses to the header.
- `place` / `date` from the header date line. Identity values trimmed, dot leaders removed, blank → null.
- `sections.*`: non-empty paragraphs between a section heading and the next, joined with "\\n",
  sub-item headings kept ("1. Về phẩm chất chính trị; …", "4. Trách nhiệm … nhạy cảm…" keeps its
  template ellipsis), rating rows and leader-only lines dropped; no content → null. A section IV
  that says only "Không có." is content, not null.
- `criteria`: one entry per rating row in order (I.1, I.2, leaders I.3–I.5, III). 2025 forms carry rating
  rows only where written (some have none: `criteria` is `[]`).
- `cell_review.comment`: the text after the colon plus any following paragraphs up to the proposal line.
- `template`: "02-2019", "02A-2023", "02B-2023", "2A-2025", "2B-2025", "2C-2025", "01"; from the code line
  ("Mẫu 02A-HD KĐ.ĐG 2023", "Mẫu 2B-HD KĐ.ĐG 2025", …) or, where it is left out, from the year and the subtitle
  under "Năm …": "(Cá nhân không giữ chức vụ lãnh đạo, quản lý)" → 02A / 2A, "(Cá nhân giữ chức vụ lãnh đạo,
  quản lý)" → 02B / 2B, "(Đảng viên không làm việc trong hệ thống chính trị)" → 2C.
- 2023 forms: as 2019 but I.1 "1. Về tư tưởng chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật;
  tinh thần đoàn kết, thống nhất trong nội bộ; trách nhiệm nêu gương; việc thực hiện những điều đảng viên
  không được làm; tác phong, lề lối làm việc", I.2 "2. Về kết quả thực hiện chức trách, nhiệm vụ được giao";
  02B adds the 2019 leader items 3–5, each rated.
- 2025 forms: sections I–VI as 2023 (2C: I.1 "1. Về tư tưởng chính trị, phẩm chất đạo đức, lối sống, ý thức
  tổ chức kỷ luật; …", I.2 "2. Về thực hiện nhiệm vụ được giao tại nơi làm việc, nơi cư trú"), then
  "VII. Tự chấm điểm và tự nhận mức xếp loại chất lượng" (not a section): "1. Tự chấm điểm theo thang điểm
  100:" and a bordered table `TT | Tiêu chí | Điểm tối đa | Điểm tự chấm`, last row "Tổng cộng" in the
  Tiêu chí column; then "2. Xếp loại cán bộ, công chức, viên chức:" (2A/2B only) and "3. Xếp loại đảng viên:"
  (2C: "2. Xếp loại đảng viên:"). `score` (after `committee_decision`, 2025 only) =
  `{"items": [{"criterion", "max", "self"}], "total"}`: one item per row with both numbers except the Tổng
  cộng row (a 2B group row "II | Nhóm tiêu chí về kết quả thực hiện nhiệm vụ" with empty number cells, followed by
  its numbered sub-rows, is not an item); numbers as JSON numbers, "27,5" → 27.5. 2C: `civil_servant_level` null.
- Collective reports (Mẫu 01, `kind` "collective", template "01"): title "BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI ỦY,
  CHI BỘ" or "BÁO CÁO KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ", "Năm …", then "Ngày họp kiểm điểm:
  dd/mm/yyyy". `member` and `self_assessment` null; sections I → strengths, II → shortcomings, III →
  remediation, IV → explanations, V "Phương hướng…" → improvement_plan, collective_responsibility null;
  `criteria` items I.1…I.n (the sub-items of I) and III; `signature` the signer's name; cell review and
  committee decision all null; `collective` = {level from VI, meeting_date, signer_role as written
  ("T/M CHI ỦY", "T/M CHI BỘ")}; classification provisional, basis self_assessment.
- Findings: `LEVEL_DIFFERS_FROM_SELF` (warning) when a committee level exists and differs from the
  self-assessed party-member level; `DECISION_CONFLICTS_WITH_RULE` (warning, `committee_decision.level`)
  on the one 2025 form whose levels (self, cell, committee: excellent) lie above its score band (85 → good):
  the committee's decision stays the result; `MISSING_FIELD`,
  `AMBIGUOUS_CHOICE` (the field is then null and no MISSING_FIELD is added), `DATE_ORDER`, `INVALID_VALUE`
  (the value is then null) for the invalid forms, exactly one finding each; `NOT_A_REVIEW_FORM`,
  `EMPTY_FILE`, `NOT_A_ZIP` with field `file` (form null).
- `classification`: committee level (final) › cell proposal (provisional) › self-assessment
  (provisional); a capped provisional level: basis `rule` (a decision is never capped); rejected
  forms: level null, `unclassified`, ruleset by year (null when there is no form). Ruleset: 2019–2022 →
  "2019", 2023–2024 → "2023", 2025 on → "2025".
- Quota: per đảng bộ, committee-decided excellent ≤ 20 % of good (2020 Khối: 1 excellent vs 6 good
  decided; xã: none; 2023 and 2025: no decided excellent but the capped one), so no `QUOTA_EXCEEDED`.
  Levels agree with the criteria and the civil-servant level (2025: with the score band), so no other
  `LEVEL_CAPPED`; no criterion "Kém". Dates: self-review ≤ cell review ≤ committee decision, all inside
  [1 January of the year, 31 March of the next]; a collective's report date ≤ its meeting date < its
  cell's member reviews and committee decisions (the 2020 report of Chi bộ Văn phòng: meeting 10/12/2020,
  members' cell review 16/12/2020, committee 29/12/2020).

## The fixtures: `inbox-2020/`, Mẫu 02-HD KĐ.ĐG 2019, year 2020

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
        f.write(README_HEAD + "\n".join(rows) + "\n" + readme_table2())
    with open(os.path.join(ROOT, ".gitattributes"), "w", encoding="utf-8") as f:
        f.write("# fixture bytes are hashed in expected/*.json: never convert line endings\n"
                "inbox/** binary\nforms/** binary\n")


def result_text(stem):
    e = json.load(open(os.path.join(EXPECTED, stem + ".json"), encoding="utf-8"))
    codes = ", ".join(f"{f['code']} `{f['field']}`" for f in e["findings"]) or "—"
    cls = e["classification"]
    res = f"{e['verdict']}; {codes}"
    if cls["level"]:
        res += f"; {cls['level']} ({cls['status']}, {cls['basis']}, ruleset {cls['ruleset']})"
    elif e["form"] is None:
        res += "; form null"
    else:
        res += f"; unclassified (ruleset {cls['ruleset']})"
    return res


def writer_text(x):
    return x["writer"] + (f" (boxes: {x['checkbox']})" if x["writer"] == "wordxml" else "")


PURPOSE = {
    "le-quang-huy-2023": "self-assessed excellent (civil excellent, I.2 Xuất sắc), decided good",
    "do-thi-hong-nhung-2023": "a satisfactory member (I.2 Trung bình)",
    "ngo-duc-thang-2025": "leader (2A); code printed “Mẫu 02A-HD KĐ.ĐG 2025”; decimals (27,5; 86,5)",
    "nguyen-van-an-2025": "leader (2A); no rating rows",
    "ho-thi-thanh-tam-2025": "**self, cell and committee excellent with 85 points** → capped to good",
    "pham-thi-thu-ha-2025": "decimal self score (51,5 / 78,5); no rating rows; code “Mẫu 02B-HD KĐ.ĐG 2025”",
    "vo-thi-lan-2025": "satisfactory, 65 points (I.2 Trung bình)",
    "tran-van-dung-2025": "2C: no civil-servant line; no rating rows",
    "phan-thi-kim-oanh-2025": "2C: works in a cooperative (outside the political system); decimal 55,5",
    "hoang-minh-tuan-2023": "**two boxes ticked in “Xếp loại đảng viên”** (party_member_level null)",
    "phan-van-long-2023": "**committee decision 14/12/2023 before the cell review 19/12/2023** (form complete)",
    "nguyen-van-bay-2025": "**date of birth “31/11/1980”** (date_of_birth null)",
}


def exercises2(m):
    cell = C2.CELLS_BY_YEAR[m["year"]][m["cell"]]
    bits = ["form code" if m["code"] else "**no form code** (template from year + subtitle)",
            f"“{m['year_style']}”",
            "header " + ("borderless table" if m["header"] == "table" else "paragraphs"),
            "upper case" if m["case"] == "upper" else "mixed case",
            "identity one per line" if m["identity"] == "lines" else "identity two per line",
            "DOB " + {"slash": "dd/mm/yyyy", "dash": "d-m-yyyy", "words": "“ngày d tháng m năm yyyy”"}[m["dob_style"]],
            ("☒/☐ ticks" + (", level boxes one per line" if m["boxes"] == "lines" else ", level boxes on the label line"))
            if m["ticks"] == "glyph" else "chosen label typed after the colon"]
    if m["leader"]:
        bits.append("leader items I.3–I.5" + (" rated" if "I.3" in m["ratings"] else " (no rating rows)"))
    if m.get("score"):
        bits.append(f"part B: {m['score'][0]}/30, {m['score'][1]}/70, total {m['score'][2]}/100"
                    + (" in a one-row table" if m.get("b_table") else ""))
    if m.get("explanations"):
        bits.append("IV “Không có.”" if m["explanations"] == ["Không có."] else "IV filled")
    if m["committee"]:
        bits.append("cell review + committee decision")
    elif m["cell_review"]:
        bits.append("cell review only")
    else:
        bits.append("no cell review, no decision")
    if m["file"] in PURPOSE:
        bits.append(PURPOSE[m["file"]])
    return f"{cell['cell']} ({'Khối' if cell['committee'] == C.KHOI else 'xã Triệu Phong'}); " + "; ".join(bits)


def readme_table2():
    rows = ["", "## The fixtures: 2023 / 2025 forms and collective reports (`forms/`, the 2020 report in `inbox-2020/`)", "",
            "| file | folder | writer | template | what it exercises | expected |", "|---|---|---|---|---|---|"]
    for c in C2.COLLECTIVES:
        cell = C2.CELLS_BY_YEAR[c["year"]][c["cell"]]
        what = (f"{cell['cell']}, year {c['year']}; title “{c['title']}”; "
                + ("form code “Mẫu 01-HD KĐ.ĐG”" if c["code"] else "no form code")
                + f"; “{c['year_style']}”; header " + ("borderless table" if c["header"] == "table" else "paragraphs")
                + f"; meeting {dmy(c['meeting'])}, report dated {dmy(c['date'])}; {len(c['items'])} rated items in I + III"
                + f"; VI boxes " + ("one per line" if c["boxes"] == "lines" else "on one line")
                + f"; signer “{c['signer_role']}” / {c['signer_title']} / {c['signer']}"
                + ("; IV filled" if c["explanations"] and c["explanations"] != ["Không có."] else
                   "; IV “Không có.”" if c["explanations"] else "; IV empty"))
        if c["year"] == 2020:
            what += "; **meeting before its members' cell review (16/12) and committee decisions (29/12/2020)**"
        rows.append(f"| `{c['file']}.docx` | {c['dest']} | {writer_text(c)} | 01 | {what} | {result_text(c['file'])} |")
    for m in C2.MEMBERS:
        rows.append(f"| `{m['file']}.docx` | forms | {writer_text(m)} | {m['tpl']} | {exercises2(m)} | {result_text(m['file'])} |")
    rows.append(f"| `{BLANK['file']}.docx` | forms | {writer_text(BLANK)} | (02A-2023 blank) | the downloaded template: "
                "code line, “ĐẢNG BỘ ……”, “Năm ……”, labels and dot leaders, every box ☐, nothing filled in | "
                f"{result_text(BLANK['file'])} |")
    rows.append(f"| `{PROBATION['file']}.docx` | forms | python-docx | (Mẫu 10-KNĐ) | a probationary member's "
                "“BẢN TỰ KIỂM ĐIỂM (Dùng cho đảng viên dự bị đề nghị công nhận đảng viên chính thức)”: same header, "
                "“Họ và tên”, “Ưu điểm”, “NGƯỜI TỰ KIỂM ĐIỂM”, but not the annual form | "
                f"{result_text(PROBATION['file'])} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    if "--verify" not in sys.argv:
        generate()
        write_readme()
    verify_all()
