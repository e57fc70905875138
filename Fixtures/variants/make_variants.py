#!/usr/bin/env python3
"""Issue 13's variation corpus: every template's base form (base.py) written along each axis
of how members really fill forms in, each axis alone and a deterministic sample of pairs, with the
expected JSON derived from the base data.

    python3 Fixtures/variants/make_variants.py        # rewrites docx/ and expected.jsonl

Needs python-docx, LibreOffice (soffice) and pandoc for the writers axis only; the test
(Tests/BatchRunTests/VariantTests.swift) reads the committed files and needs neither. Output is
deterministic: fixed zip timestamps, a seeded sample of pairs, SOURCE_DATE_EPOCH for pandoc; a rerun
leaves `git status` clean.

The model: a form is a list of blocks, ("p", [run], props) or ("table", rows of cells of blocks)
or ("textbox", blocks); a run is a dict (t text, b bold, strike, dele tracked deletion, box
True/False a tick box with kind glyph|sym|sdt|ff, image, footnote, comment, br page). Axes are
functions of (template, options) that set options the builder reads, and may change the expected.
"""
import copy
import html
import io
import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import base as B  # noqa: E402

OUT = os.path.join(HERE, "docx")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def iso(d, y):
    return f"{y:04d}-{d[1]:02d}-{d[0]:02d}"


# ---------------------------------------------------------------------------------------------
# Options: one per point of variation, the base values first
# ---------------------------------------------------------------------------------------------

BASE = dict(date="words", date_where="header", choice="glyph-line", label="base", value_at="same",
            identity="lines", header="paras", headings="typed", sections="plain", comment="same-line",
            writer="wordxml", extra=None)


def R(t, **k):
    return dict(t=t, **k)


def P(text="", b=False, **props):
    return ("p", [R(text, b=b)] if text else [], props)


def PR(runs, **props):
    return ("p", runs, props)


# ---------------------------------------------------------------------------------------------
# Dates: one line of the form's date in every way people type it
# ---------------------------------------------------------------------------------------------

def date_runs(o, y):
    d, m = B.DATE
    style = o["date"]
    text = {
        "words": f"{B.PLACE}, ngày {d:02d} tháng {m:02d} năm {y}",
        "words-nozero": f"{B.PLACE}, ngày {d} tháng {m} năm {y}",
        "words-spaces": f"{B.PLACE},  ngày  {d}   tháng {m}  năm   {y}",
        "ngay-slash": f"{B.PLACE}, ngày {d:02d}/{m:02d}/{y}",
        "slash": f"{B.PLACE}, {d:02d}/{m:02d}/{y}",
        "dash": f"{B.PLACE}, ngày {d}-{m}-{y}",
        "dot": f"{B.PLACE}, {d}.{m}.{y}",
        "upper": f"{B.PLACE.upper()}, NGÀY {d} THÁNG {m} NĂM {y}",
        "blank-day": f"{B.PLACE}, ngày …… tháng {m} năm {y}",
        "blank-month": f"{B.PLACE}, ngày {d} tháng …… năm {y}",
        "invalid": f"{B.PLACE}, ngày 31/11/{y}",
    }.get(style)
    if style == "split":
        return [R(f"{B.PLACE}, ng"), R("ày "), R(f"{d:02d} th"), R(f"áng {m:02d} n"), R(f"ăm {y}")]
    return [R(text)]


def date_expectation(o, exp, tpl):
    if o["date"] in ("blank-day", "blank-month"):
        exp["form"]["date"] = None
        reject(exp, tpl, ["MISSING_FIELD"])
    elif o["date"] == "invalid":
        exp["form"]["date"] = None
        reject(exp, tpl, ["INVALID_VALUE"])
    elif o["date"] == "upper":
        exp["form"]["place"] = B.PLACE.upper()


def reject(exp, tpl, codes):
    """A required field the form truly lacks: rejected, and the levels already given are
    CLASSIFIED_BEFORE_REVIEW (docs/contract.md §3)."""
    exp["verdict"] = "rejected"
    exp["error_codes"] = sorted(set(codes) | ({"CLASSIFIED_BEFORE_REVIEW"} if tpl != "01" else set()))
    exp["classification"] = {"level": None, "status": "unclassified", "basis": None, "ruleset": ruleset(tpl)}


def ruleset(tpl):
    y = B.YEAR[tpl]
    return "2019" if y < 2023 else "2023" if y < 2025 else "2025"


# ---------------------------------------------------------------------------------------------
# Choices: one list, every layout and every kind of mark
# ---------------------------------------------------------------------------------------------

CHOICE_STYLES = ["glyph-line", "glyph-lines", "sym", "sdt", "ff", "check-u2611", "check-u2713", "check-u2714",
                 "check-u2717", "check-u25a0", "mark-after", "bracket-x", "paren-x", "x-before", "X-after",
                 "table-X", "table-check", "struck", "deleted", "typed", "abbreviation", "label-tu-xep-loai"]


def choice_blocks(label, options, chosen, style, abbreviations=None):
    """The label and its options as the member left them."""
    lab = R(label + " ", b=True)
    texts = [t for _, t in options]
    ck = [v == chosen for v, _ in options]
    kind = {"sym": "sym", "sdt": "sdt", "ff": "ff"}.get(style, "glyph")
    if style in ("glyph-line", "sym", "sdt", "ff"):
        runs = [lab]
        for c, t in zip(ck, texts):
            runs += [R("", box=c, kind=kind), R(f" {t}    ")]
        return [PR(runs)]
    if style == "glyph-lines":
        return [PR([lab])] + [PR([R("", box=c, kind="glyph"), R(" " + t)]) for c, t in zip(ck, texts)]
    if style.startswith("check-"):
        glyph = chr(int(style[-4:], 16))
        return [PR([lab])] + [PR([R((glyph + " " if c else "") + t)]) for c, t in zip(ck, texts)]
    if style == "mark-after":
        return [PR([lab])] + [PR([R(t + " "), R("", box=c, kind="glyph")]) for c, t in zip(ck, texts)]
    if style == "bracket-x":
        return [PR([lab])] + [PR([R(("[x] " if c else "[ ] ") + t)]) for c, t in zip(ck, texts)]
    if style == "paren-x":
        return [PR([lab])] + [PR([R(("(x) " if c else "( ) ") + t)]) for c, t in zip(ck, texts)]
    if style == "x-before":
        return [PR([lab])] + [PR([R(("x " if c else "") + t)]) for c, t in zip(ck, texts)]
    if style == "X-after":
        return [PR([lab])] + [PR([R(t + (" X" if c else ""))]) for c, t in zip(ck, texts)]
    if style in ("table-X", "table-check"):
        mark = "X" if style == "table-X" else "✓"
        rows = [[[P(t)], [P(mark if c else "")]] for c, t in zip(ck, texts)]
        return [PR([lab]), ("table", rows)]
    if style == "struck":
        runs = [lab]
        for k, (c, t) in enumerate(zip(ck, texts)):
            runs.append(R(t, strike=not c))
            if k + 1 < len(texts):
                runs.append(R("; "))
        return [PR(runs)]
    if style == "deleted":
        runs = [lab]
        for c, t in zip(ck, texts):
            runs.append(R(t + ("" if c else "; "), dele=not c))
        return [PR(runs)]
    if style == "typed":
        return [PR([lab, R(texts[ck.index(True)])])]
    if style == "abbreviation":
        return [PR([lab, R(abbreviations[chosen] if abbreviations else texts[ck.index(True)])])]
    raise ValueError(style)


def level_blocks(label, o):
    style = o["choice"]
    if style == "label-tu-xep-loai":
        label, style = "Tự xếp loại:", "typed"
    return choice_blocks(label, B.LEVELS, B.LEVEL, style, B.ABBREVIATION)


def rating_row():
    runs = [R("Tự đánh giá về cấp độ thực hiện: ")]
    for v, t in B.RATINGS:
        runs += [R("", box=v == B.RATING, kind="glyph"), R(f" {t}   ")]
    return PR(runs)


# ---------------------------------------------------------------------------------------------
# Labels: the spellings members use
# ---------------------------------------------------------------------------------------------

LABEL_STYLES = ["ho-ten", "dang-vien", "sinh-ngay", "upper", "no-colon", "colon-tab", "next-line", "next-cell",
                "leaders", "no-diacritics"]

STRIP = str.maketrans("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
                      "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ",
                      "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
                      "AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD")


def identity_blocks(o):
    m = B.MEMBER
    d = m["date_of_birth"]
    dob = f"{d[0]:02d}/{d[1]:02d}/{d[2]}"
    fields = [("Họ và tên", m["full_name"]), ("Ngày sinh", dob), ("Chức vụ Đảng", m["party_position"]),
              ("Chức vụ chính quyền", m["government_position"]), ("Chức vụ đoàn thể", m["mass_organisation_position"]),
              ("Đơn vị công tác", m["work_unit"]), ("Chi bộ", m["cell_short"])]
    st = o["label"]
    if st == "ho-ten":
        fields[0] = ("Họ tên", fields[0][1])
    elif st == "dang-vien":
        fields[0] = ("Họ và tên đảng viên", fields[0][1])
    elif st == "sinh-ngay":
        fields[1] = ("Sinh ngày", fields[1][1])
    elif st == "upper":
        fields = [(lab.upper(), v) for lab, v in fields]
    elif st == "no-diacritics":
        fields = [(lab.translate(STRIP), v) for lab, v in fields]

    def line(lab, v):
        v = v or "……………"
        if st == "no-colon" and lab in ("Họ và tên", "Ngày sinh"):
            return f"{lab} {v}"
        if st == "colon-tab":
            return f"{lab}:\t{v}"
        if st == "leaders":
            return f"{lab}: {v} ……………"
        return f"{lab}: {v}"
    if st == "next-line":
        out = []
        for lab, v in fields:
            out += [P(f"{lab}:"), P(v)] if v else [P(f"{lab}: ……………")]
        return out
    if st == "next-cell" or o["identity"] == "table":
        return [("table", [[[P(f"{lab}:")], [P(v or "")]] for lab, v in fields])]
    if o["identity"] == "two-per-line":
        out = [P(line(*fields[0]) + "\t" + line(*fields[1]))] + [P(line(*f)) for f in fields[2:5]]
        return out + [P(line(*fields[5]) + "\t" + line(*fields[6]))]
    return [P(line(lab, v)) for lab, v in fields]


# ---------------------------------------------------------------------------------------------
# The form
# ---------------------------------------------------------------------------------------------

def header_blocks(tpl, o, y):
    left = [P(B.COMMITTEE, b=True), P(B.CELL, b=True)]
    right = [P("ĐẢNG CỘNG SẢN VIỆT NAM", b=True)]
    if o["date_where"] == "header":
        right.append(PR(date_runs(o, y)))
    if o["header"] == "table":
        return [("table", [[left, right]])]
    if o["header"] == "textboxes":
        return [("textbox", left), ("textbox", right)]
    return left + right


def section_lines(tpl, key, o, y):
    out = []
    items = B.COLLECTIVE_RESPONSIBILITY if (tpl == "01" and key == "collective_responsibility") else B.SECTIONS[key]
    number = 0
    for kind, text in items:
        if kind in ("leader", "ltext", "lrating") and not B.leader(tpl):
            continue
        if kind in ("rating", "lrating"):
            if B.has_ratings(tpl):
                out.append(rating_row())
            continue
        text = text.format(y=y)
        if kind in ("head", "leader"):
            number += 1
            if o["headings"] == "word":
                # each section's sub-items a list of their own, restarting at 1, as the template has them
                section = [k for k, _ in B.HEADINGS].index(key)
                out.append(("p", [R(text, b=True)], {"num": (10 + section, 0)}))
            else:
                out.append(P(f"{number}. {text}", b=True))
        elif o["sections"] == "bullets":
            out.append(("p", [R(text)], {"num": (3, 0)}))
        else:
            out.append(P(text))
    if o["extra"] == "long" and key == "strengths":
        out += [P(f"Tham gia đầy đủ buổi sinh hoạt chi bộ tháng {k}.") for k in range(1, 13)]
    return out


def heading(text, o):
    if o["headings"] == "word":
        return ("p", [R(text.split(". ", 1)[1], b=True)], {"num": (1, 0)})
    return P(text, b=True)


def form_blocks(tpl, o):
    y = B.YEAR[tpl]
    blocks = header_blocks(tpl, o, y)
    blocks.append(P(B.CODE[tpl]))
    title = B.TITLE_COLLECTIVE if tpl == "01" else B.TITLE_2025 if B.is_2025(tpl) else B.TITLE_INDIVIDUAL
    blocks += [P(""), P(title, b=True), P(f"Năm {y}", b=True)]
    if B.SUBTITLE[tpl]:
        blocks.append(P(B.SUBTITLE[tpl]))
    if tpl == "01":
        # the collective's one label of its own, in the spellings of the labels axis
        label = {"upper": "NGÀY HỌP KIỂM ĐIỂM:", "no-diacritics": "Ngay hop kiem diem:", "colon-tab": "Ngày họp kiểm điểm:\t",
                 "ho-ten": "Ngày hội nghị kiểm điểm:", "dang-vien": "Họp kiểm điểm ngày"}.get(o["label"], "Ngày họp kiểm điểm:")
        blocks.append(P(f"{label} {B.MEETING[0]:02d}/{B.MEETING[1]:02d}/{y}"))
    else:
        blocks += identity_blocks(o)
    if B.is_2025(tpl):
        blocks.append(P("A. NỘI DUNG KIỂM ĐIỂM", b=True))
    for key, text in B.HEADINGS:
        if tpl == "01" and key == "collective_responsibility":
            text = B.COLLECTIVE_V
        blocks.append(heading(text, o))
        blocks += section_lines(tpl, key, o, y)
        if o["extra"] == "breaks" and key == "shortcomings":
            blocks.append(PR([R("", br="page")]))
        if o["extra"] == "nested" and key == "remediation":
            blocks.append(("table", [[[P("Ghi chú"), ("table", [[[P("Năm trước")], [P("Đã khắc phục")]]])]]]))
        if o["extra"] == "footnotes" and key == "improvement_plan":
            blocks.append(PR([R("Theo kế hoạch của chi bộ."), R("", footnote=1)]))
            blocks[-1] = ("p", blocks[-1][1], {"drop": True})
    if B.is_2025(tpl):
        g, r, t = B.SCORE
        part_b = [P("I. Đánh giá theo các nhóm tiêu chí", b=True), P(f"1. Nhóm tiêu chí chung: {g}/30"),
                  P(f"2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: {r}/70"), P(f"Tổng điểm: {t}/100", b=True)]
        part_b += level_blocks("II. Đề xuất xếp loại mức chất lượng:", o)
        blocks += [heading("B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI", dict(o, headings="typed"))] + part_b
    else:
        blocks.append(heading("VII. Tự nhận mức xếp loại chất lượng", o))
        blocks += level_blocks("1. Xếp loại cán bộ, công chức, viên chức:", dict(o, choice="glyph-line"))
        blocks += level_blocks("2. Xếp loại đảng viên:", o)
    blocks.append(P(""))
    y = B.YEAR[tpl]
    if tpl == "01":
        sign = [P("T/M CHI ỦY", b=True), P("BÍ THƯ", b=True), P(""), P(B.SECRETARY, b=True)]
        return blocks + sign
    sign = []
    if o["date_where"] == "signature":
        sign.append(PR(date_runs(o, y)))
    sign += [P("NGƯỜI TỰ KIỂM ĐIỂM", b=True), P("(Ký, ghi rõ họ tên)")]
    if o["extra"] == "signature-image":
        sign.append(PR([R("", image=True)]))
    else:
        sign.append(P(""))
    sign.append(P(B.MEMBER["full_name"], b=True))
    if o["date_where"] == "cell":
        blocks += [("table", [[[PR(date_runs(o, y))], sign]])]
    else:
        blocks += [("table", [[[P("")], sign]])]
    blocks += [P(""), P("ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN", b=True)]
    comment = "Nhận xét, đánh giá của chi ủy (chi bộ):"
    if o["comment"] == "same-line":
        blocks.append(PR([R(comment + " ", b=True), R(B.CELL_COMMENT)]))
    else:
        blocks += [P(comment, b=True), P(B.CELL_COMMENT)]
    if o["extra"] == "comments":
        blocks[-1] = ("p", blocks[-1][1] + [R("", comment=0)], {})
    blocks.append(PR([R("Chi bộ đề xuất xếp loại mức chất lượng: ", b=True), R(dict(B.LEVELS)[B.LEVEL])]))
    d, m = B.CELL_DATE
    blocks += [P("T/M CHI ỦY (CHI BỘ)", b=True), P("(Xác lập thời điểm, ký, ghi rõ họ tên)"),
               P(f"Ngày {d} tháng {m} năm {y}"), P("BÍ THƯ", b=True), P(B.SECRETARY, b=True)]
    blocks.append(PR([R("Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng: ", b=True), R(dict(B.LEVELS)[B.LEVEL])]))
    d, m = B.COMMITTEE_DATE
    blocks += [P("T/M ĐẢNG ỦY (CHI ỦY)", b=True), P("(Xác lập thời điểm, ký, ghi rõ họ tên)"),
               P(f"Ngày {d} tháng {m} năm {y}"), P(""), P(B.COMMITTEE_SIGNER, b=True)]
    return blocks


# ---------------------------------------------------------------------------------------------
# The expected JSON: from the base data
# ---------------------------------------------------------------------------------------------

def section_text(tpl, key, o, y):
    items = B.COLLECTIVE_RESPONSIBILITY if (tpl == "01" and key == "collective_responsibility") else B.SECTIONS[key]
    lines, number, content = [], 0, False
    for kind, text in items:
        if kind in ("leader", "ltext", "lrating") and not B.leader(tpl):
            continue
        if kind in ("rating", "lrating"):
            continue
        text = text.format(y=y)
        if kind in ("head", "leader"):
            number += 1
            lines.append(f"{number}. {text}")
            content = content or kind == "leader"
        else:
            lines.append(f"- {text}" if o["sections"] == "bullets" else text)
            content = True
    if o["extra"] == "long" and key == "strengths":
        lines += [f"Tham gia đầy đủ buổi sinh hoạt chi bộ tháng {k}." for k in range(1, 13)]
    return "\n".join(lines) if content else None


def expected(tpl, o):
    y = B.YEAR[tpl]
    level = B.LEVEL
    sections = {key: section_text(tpl, key, o, y) for key, _ in B.HEADINGS}
    if o["extra"] == "footnotes":
        # the footnote's mark and text are not the member's words in the section
        sections["improvement_plan"] += "\nTheo kế hoạch của chi bộ."
    if o["extra"] == "nested":
        sections["remediation"] += "\nGhi chú\nNăm trước\nĐã khắc phục"
    criteria = []
    if B.has_ratings(tpl):
        criteria = [{"item": "I.1", "rating": B.RATING}, {"item": "I.2", "rating": B.RATING}]
        if B.leader(tpl):
            criteria.append({"item": "I.3", "rating": B.RATING})
        criteria.append({"item": "III", "rating": B.RATING})
    form = {"kind": "collective" if tpl == "01" else "individual", "template": tpl, "year": y,
            "party_committee": B.COMMITTEE, "party_cell": B.CELL, "place": B.PLACE, "date": iso(B.DATE, y),
            "sections": sections, "criteria": criteria}
    if tpl == "01":
        form.update(member=None, self_assessment=None, signature=B.SECRETARY,
                    cell_review={"comment": None, "proposed_level": None, "date": None},
                    committee_decision={"level": None, "date": None},
                    collective={"level": level, "meeting_date": iso(B.MEETING, y), "signer_role": "T/M CHI ỦY"})
    else:
        m = B.MEMBER
        form.update(member={"full_name": m["full_name"], "date_of_birth": iso(m["date_of_birth"][:2], m["date_of_birth"][2]),
                            "party_position": m["party_position"], "government_position": m["government_position"],
                            "mass_organisation_position": None, "work_unit": m["work_unit"]},
                    self_assessment={"civil_servant_level": None if B.is_2025(tpl) else level, "party_member_level": level},
                    signature=m["full_name"],
                    cell_review={"comment": B.CELL_COMMENT, "proposed_level": level, "date": iso(B.CELL_DATE, y)},
                    committee_decision={"level": level, "date": iso(B.COMMITTEE_DATE, y)})
    if B.is_2025(tpl):
        g, r, t = (float(v.replace(",", ".")) for v in B.SCORE)
        num = lambda v: int(v) if v == int(v) else v   # noqa: E731
        form["score"] = {"items": [{"criterion": "Nhóm tiêu chí chung", "max": 30, "self": num(g)},
                                   {"criterion": "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ", "max": 70, "self": num(r)}],
                         "total": num(t)}
    if tpl == "01":
        cls = {"level": level, "status": "provisional", "basis": "self_assessment", "ruleset": ruleset(tpl)}
    else:
        cls = {"level": level, "status": "final", "basis": "committee_decision", "ruleset": ruleset(tpl)}
    exp = {"verdict": "accepted", "error_codes": [], "form": form, "classification": cls}
    date_expectation(o, exp, tpl)
    return exp


# ---------------------------------------------------------------------------------------------
# The Word-style writer (WordprocessingML by hand, as Word shapes it)
# ---------------------------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = (W + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
      ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
      ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
      ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
      ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
      ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
      ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# A 1x1 transparent PNG: the pasted signature and the header logo.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")


def t_el(text):
    sp = ' xml:space="preserve"' if text != text.strip() or "  " in text else ""
    return f"<w:t{sp}>{escape(text)}</w:t>"


def run_xml(r, ids):
    rpr = ""
    if r.get("b"):
        rpr += "<w:b/>"
    if r.get("strike"):
        rpr += "<w:strike/>"
    out = ""
    if "box" in r and r["box"] is not None:
        c = r["box"]
        kind = r.get("kind", "glyph")
        if kind == "sym":
            return f'<w:r><w:rPr>{rpr}</w:rPr><w:sym w:font="Wingdings" w:char="{"F0FE" if c else "F0A8"}"/></w:r>'
        if kind == "sdt":
            return ('<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="%d"/></w14:checkbox></w:sdtPr><w:sdtContent>'
                    '<w:r><w:t>%s</w:t></w:r></w:sdtContent></w:sdt>') % (1 if c else 0, "☒" if c else "☐")
        if kind == "ff":
            return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check%d"/><w:enabled/>'
                    '<w:checkBox><w:sizeAuto/><w:default w:val="%d"/></w:checkBox></w:ffData></w:fldChar></w:r>'
                    '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>') % (
                        next(ids), 1 if c else 0)
        return f'<w:r><w:rPr>{rpr}</w:rPr>{t_el("☒" if c else "☐")}</w:r>'
    if r.get("image"):
        return ('<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="457200"/><wp:docPr id="%d" name="Chữ ký"/>'
                '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
                '<pic:nvPicPr><pic:cNvPr id="0" name="chuky.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
                '<a:blip r:embed="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>'
                '</wp:inline></w:drawing></w:r>') % next(ids)
    if r.get("footnote"):
        return '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    if "comment" in r:
        return '<w:r><w:commentReference w:id="0"/></w:r>'
    if r.get("br") == "page":
        return '<w:r><w:br w:type="page"/></w:r>'
    body = ""
    for k, part in enumerate(r["t"].split("\t")):
        if k:
            body += "<w:tab/>"
        if part:
            body += (f"<w:delText xml:space=\"preserve\">{escape(part)}</w:delText>" if r.get("dele") else t_el(part))
    out = f"<w:r><w:rPr>{rpr}</w:rPr>{body}</w:r>" if rpr else f"<w:r>{body}</w:r>"
    if r.get("dele"):
        out = f'<w:del w:id="{next(ids)}" w:author="Đảng viên" w:date="2025-12-01T08:00:00Z">{out}</w:del>'
    return out


def para_xml(blk, ids):
    _, runs, props = blk
    ppr = ""
    if props.get("num"):
        num, lvl = props["num"]
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
    return f"<w:p>{ppr}" + "".join(run_xml(r, ids) for r in runs) + "</w:p>"


def blocks_xml(blocks, ids):
    out = []
    for blk in blocks:
        if blk[0] == "p":
            out.append(para_xml(blk, ids))
        elif blk[0] == "table":
            xml = '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            for row in blk[1]:
                xml += "<w:tr>" + "".join("<w:tc>" + blocks_xml(cell, ids) + ("<w:p/>" if cell and cell[-1][0] == "table" else "")
                                          + "</w:tc>" for cell in row) + "</w:tr>"
            out.append(xml + "</w:tbl>")
        elif blk[0] == "textbox":
            out.append('<w:p><w:r><w:drawing><wp:anchor><wp:extent cx="2743200" cy="914400"/><wp:docPr id="%d" name="Text Box"/>'
                       '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                       '<wps:wsp><wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
                       '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>' % (next(ids), blocks_xml(blk[1], ids)))
    return "".join(out)


NUMBERING = (DECL + f'<w:numbering {W}>'
             '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
             '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
             '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/>'
             '</w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>'
             + "".join(f'<w:num w:numId="{10 + k}"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0">'
                       '<w:startOverride w:val="1"/></w:lvlOverride></w:num>' for k in range(6))
             + '</w:numbering>')
STYLES = (DECL + f'<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" '
          'w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>')
FOOTNOTES = (DECL + f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Kế hoạch số 12-KH/CB.</w:t></w:r></w:p></w:footnote></w:footnotes>')
COMMENTS = (DECL + f'<w:comments {W}><w:comment w:id="0" w:author="Bí thư" w:date="2025-12-02T08:00:00Z">'
            '<w:p><w:r><w:t>Họ và tên: Nguyễn Văn Sai</w:t></w:r></w:p><w:p><w:r><w:t>Xếp loại đảng viên: Không hoàn thành nhiệm vụ</w:t>'
            '</w:r></w:p></w:comment></w:comments>')
HEADER = (DECL + f'<w:hdr {NS}><w:p><w:r><w:drawing><wp:inline><wp:extent cx="457200" cy="457200"/><wp:docPr id="900" name="Logo"/>'
          '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
          '<pic:cNvPr id="0" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdLogo"/>'
          '</pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p></w:hdr>')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def write_wordxml(blocks, path, o):
    ids = itertools.count(1)
    extra = o["extra"]
    sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    if extra == "logo":
        sect = '<w:sectPr><w:headerReference w:type="default" r:id="rIdHdr"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    body = blocks_xml(blocks, ids)
    if extra == "breaks":
        # a section break after part A's section II, as a paragraph carrying its own w:sectPr
        body = body.replace('<w:r><w:br w:type="page"/></w:r></w:p>',
                            '<w:r><w:br w:type="page"/></w:r></w:p><w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/>'
                            '</w:sectPr></w:pPr></w:p>', 1)
    document = DECL + f"<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"
    parts = {"word/document.xml": document, "word/styles.xml": STYLES, "word/numbering.xml": NUMBERING}
    rels = [("rIdStyles", "styles", "styles.xml"), ("rIdNum", "numbering", "numbering.xml")]
    types = [("/word/document.xml", "document.main+xml"), ("/word/styles.xml", "styles+xml"),
             ("/word/numbering.xml", "numbering+xml")]
    if extra == "footnotes":
        parts["word/footnotes.xml"] = FOOTNOTES
        rels.append(("rIdFoot", "footnotes", "footnotes.xml"))
        types.append(("/word/footnotes.xml", "footnotes+xml"))
    if extra == "comments":
        parts["word/comments.xml"] = COMMENTS
        rels.append(("rIdCom", "comments", "comments.xml"))
        types.append(("/word/comments.xml", "comments+xml"))
    if extra in ("signature-image", "logo"):
        parts["word/media/image1.png"] = PNG
        rels.append(("rIdImg", "image", "media/image1.png"))
    if extra == "logo":
        parts["word/header1.xml"] = HEADER
        parts["word/_rels/header1.xml.rels"] = (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                                f'<Relationship Id="rIdLogo" Type="{REL}image" Target="media/image1.png"/></Relationships>')
        rels.append(("rIdHdr", "header", "header1.xml"))
        types.append(("/word/header1.xml", "header+xml"))
    parts["word/_rels/document.xml.rels"] = (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                             + "".join(f'<Relationship Id="{i}" Type="{REL}{t}" Target="{g}"/>' for i, t, g in rels)
                                             + "</Relationships>")
    parts["_rels/.rels"] = (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                            f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/></Relationships>')
    parts["[Content_Types].xml"] = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                    '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
                                    + "".join(f'<Override PartName="{n}" ContentType="{CT}{c}"/>' for n, c in types) + "</Types>")
    write_zip(path, parts)


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            data = parts[name]
            z.writestr(info, data if isinstance(data, bytes) else data.encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# The other writers: python-docx, LibreOffice (from .doc, .odt, HTML), pandoc (Markdown)
# ---------------------------------------------------------------------------------------------

def plain(runs):
    out = ""
    for r in runs:
        if "box" in r and r["box"] is not None:
            out += "☒" if r["box"] else "☐"
        elif r.get("t"):
            out += r["t"]
    return out


def write_python_docx(blocks, path):
    import docx
    d = docx.Document()

    def fill(container, blocks):
        for blk in blocks:
            if blk[0] == "p":
                p = container.add_paragraph()
                for r in blk[1]:
                    text = plain([r])
                    if text:
                        p.add_run(text).bold = bool(r.get("b"))
            elif blk[0] == "table":
                rows = blk[1]
                t = container.add_table(rows=len(rows), cols=len(rows[0]))
                for i, row in enumerate(rows):
                    for j, cell in enumerate(row):
                        c = t.cell(i, j)
                        c.paragraphs[0]._p.getparent().remove(c.paragraphs[0]._p)
                        fill(c, cell)
                        if not c.paragraphs:
                            c.add_paragraph()
            else:
                fill(container, blk[1])
    fill(d, blocks)
    d.core_properties.author = "Đảng viên"
    buf = io.BytesIO()
    d.save(buf)
    renormalise(buf.getvalue(), path)


def renormalise(data, path):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist() if not n.startswith("docProps/thumbnail")}
    write_zip(path, parts)


def to_html(blocks):
    def inner(blocks):
        out = ""
        for blk in blocks:
            if blk[0] == "p":
                out += "<p>" + "".join(f"<b>{html.escape(plain([r]))}</b>" if r.get("b") else
                                       f"<s>{html.escape(plain([r]))}</s>" if r.get("strike") else html.escape(plain([r]))
                                       for r in blk[1]) + "</p>\n"
            elif blk[0] == "table":
                out += "<table>" + "".join("<tr>" + "".join(f"<td>{inner(c)}</td>" for c in row) + "</tr>" for row in blk[1]) + "</table>\n"
            else:
                out += inner(blk[1])
        return out
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bản kiểm điểm</title></head><body>{inner(blocks)}</body></html>'


def to_markdown(blocks):
    out = []
    for blk in blocks:
        if blk[0] == "p":
            text = plain(blk[1]).replace("\t", " ")
            if not text:
                continue
            text = text.replace("*", "\\*").replace("[", "\\[").replace("]", "\\]")
            # A line starting "1." or "-" would become a pandoc list: keep it a paragraph.
            if text[:1].isdigit() and ". " in text[:4]:
                text = text.replace(". ", "\\. ", 1)
            if text.startswith("- "):
                text = "\\" + text
            out.append(text)
        elif blk[0] == "table":
            # a layout table is gone in Markdown: its cells' paragraphs follow one another
            for row in blk[1]:
                for c in row:
                    inner = to_markdown(c).strip()
                    if inner:
                        out.append(inner)
        else:
            inner = to_markdown(blk[1]).strip()
            if inner:
                out.append(inner)
    return "\n\n".join(out) + "\n"


def soffice(src_dir, files, fmt, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir] + [os.path.join(src_dir, f) for f in files],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# ---------------------------------------------------------------------------------------------
# Axes and the sample of pairs
# ---------------------------------------------------------------------------------------------

AXES = {
    "dates": [("date", v) for v in ["words-nozero", "words-spaces", "ngay-slash", "slash", "dash", "dot", "upper", "split",
                                    "blank-day", "blank-month", "invalid"]]
             + [("date_where", "signature"), ("date_where", "cell")],
    "choices": [("choice", v) for v in CHOICE_STYLES if v != "glyph-line"],
    "labels": [("label", v) for v in LABEL_STYLES],
    "layout": [("identity", "table"), ("identity", "two-per-line"), ("header", "table"), ("header", "textboxes"),
               ("headings", "word"), ("sections", "bullets"), ("comment", "next-line")],
    "writers": [("writer", v) for v in ["python-docx", "lo-doc", "lo-odt", "lo-html", "pandoc"]],
    "additions": [("extra", v) for v in ["signature-image", "logo", "footnotes", "comments", "breaks", "nested", "long"]],
}
# What the writers other than Word-style XML cannot carry: the pairs leave them out.
XML_ONLY = {("choice", v) for v in ("sym", "sdt", "ff", "deleted")} | {("header", "textboxes"), ("headings", "word"),
                                                                     ("sections", "bullets")} | {("extra", v) for v in AXES and [
                                                                         "signature-image", "logo", "footnotes", "comments", "breaks"]}
NOT_FOR = {
    # pandoc and the HTML route lose strike-through or tabs in ways the member did not type
    "pandoc": {("choice", "struck"), ("label", "colon-tab"), ("label", "next-cell"), ("identity", "table"),
               ("choice", "table-X"), ("choice", "table-check"), ("header", "table"), ("extra", "nested"),
               ("date_where", "cell"), ("label", "next-line")},
}
COLLECTIVE_SKIPS = {"labels:sinh-ngay", "labels:no-colon", "labels:next-line", "labels:next-cell", "labels:leaders",
                    "layout:identity", "layout:comment", "dates:cell", "dates:signature", "additions:signature-image",
                    "additions:comments"}


def applies(tpl, axis, key, value):
    if tpl != "01":
        return True
    if axis in COLLECTIVE_SKIPS or f"{axis}:{key}" in COLLECTIVE_SKIPS:
        return False
    if f"{axis}:{value}" in COLLECTIVE_SKIPS:
        return False
    return True


def variants():
    out = []
    for tpl in B.TEMPLATES:
        out.append((tpl, "base", {}))
        for axis, points in AXES.items():
            for key, value in points:
                if applies(tpl, axis, key, value):
                    out.append((tpl, axis, {key: value}))
    # pairs: every two axes, a seeded sample of their points, never two values of one key
    rng = random.Random(13)
    names = list(AXES)
    for tpl in B.TEMPLATES:
        for a, b in itertools.combinations(names, 2):
            pa = [p for p in AXES[a] if applies(tpl, a, *p)]
            pb = [p for p in AXES[b] if applies(tpl, b, *p)]
            if not pa or not pb:
                continue
            for _ in range(2):
                (ka, va), (kb, vb) = rng.choice(pa), rng.choice(pb)
                writer = va if ka == "writer" else vb if kb == "writer" else "wordxml"
                if writer != "wordxml" and ({(ka, va), (kb, vb)} & (XML_ONLY | NOT_FOR.get(writer, set()))):
                    continue
                opts = {ka: va, kb: vb}
                if any(v in ("blank-day", "blank-month", "invalid") for v in opts.values()) and writer != "wordxml":
                    continue
                out.append((tpl, f"{a}+{b}", opts))
    seen, unique = set(), []
    for tpl, axis, opts in out:
        key = (tpl, tuple(sorted(opts.items())))
        if key not in seen:
            seen.add(key)
            unique.append((tpl, axis, opts))
    return unique


def name_of(tpl, opts):
    bits = "--".join(f"{k.replace('_', '-')}-{v}" for k, v in sorted(opts.items())) or "base"
    return f"{tpl.lower()}--{bits}.docx"


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    tmp = tempfile.mkdtemp()
    lo = {"lo-doc": [], "lo-odt": [], "lo-html": []}
    records = []
    for tpl, axis, opts in variants():
        o = dict(BASE, **opts)
        name = name_of(tpl, opts)
        blocks = form_blocks(tpl, o)
        exp = expected(tpl, o)
        writer = o["writer"]
        target = os.path.join(OUT, name)
        if writer == "wordxml":
            write_wordxml(blocks, target, o)
        elif writer == "python-docx":
            write_python_docx(blocks, target)
        elif writer == "pandoc":
            md = os.path.join(tmp, name[:-5] + ".md")
            with open(md, "w", encoding="utf-8") as f:
                f.write(to_markdown(blocks))
            subprocess.run(["pandoc", md, "-o", os.path.join(tmp, name)], check=True,
                           env=dict(os.environ, SOURCE_DATE_EPOCH="1764892800"))
            renormalise(open(os.path.join(tmp, name), "rb").read(), target)
        elif writer == "lo-html":
            with open(os.path.join(tmp, name[:-5] + ".html"), "w", encoding="utf-8") as f:
                f.write(to_html(blocks))
            lo[writer].append(name)
        else:
            write_wordxml(blocks, os.path.join(tmp, name), o)
            lo[writer].append(name)
        records.append({"file": name, "template": tpl, "axis": axis, "options": opts, **exp})
    # LibreOffice once per route: .docx -> .doc -> .docx, .docx -> .odt -> .docx, .html -> .docx
    for route, names in lo.items():
        if not names:
            continue
        step = os.path.join(tmp, route)
        os.makedirs(step)
        if route == "lo-html":
            soffice(tmp, [n[:-5] + ".html" for n in names], "docx:MS Word 2007 XML", step)
        else:
            mid = "doc" if route == "lo-doc" else "odt"
            soffice(tmp, names, mid, step)
            back = os.path.join(step, "back")
            os.makedirs(back)
            soffice(step, [n[:-5] + "." + mid for n in names], "docx:MS Word 2007 XML", back)
            step = back
        for n in names:
            renormalise(open(os.path.join(step, n), "rb").read(), os.path.join(OUT, n))
    shutil.rmtree(tmp)
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    by_tpl, by_axis = {}, {}
    for r in records:
        by_tpl[r["template"]] = by_tpl.get(r["template"], 0) + 1
        for a in r["axis"].split("+"):
            by_axis[a] = by_axis.get(a, 0) + 1
    print(f"{len(records)} variants", json.dumps(by_tpl), json.dumps(by_axis))


if __name__ == "__main__":
    main()
