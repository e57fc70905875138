#!/usr/bin/env python3
"""The baseline: what a board's IT officer would write with python-docx and openpyxl.

Reads every .docx given (or every .docx in the directories given), extracts name, date of birth,
party cell, the self-assessed levels, the cell's proposal, the committee's level and the six
section texts, and writes one workbook. One process, one thread.

usage: baseline.py OUT.xlsx FILE_OR_DIR...   -> "baseline: N docs, S s, R docs/s"
"""
import glob
import os
import re
import sys
import time
import unicodedata

import docx
from openpyxl import Workbook

LEVELS = {"hoan thanh xuat sac nhiem vu": "Hoàn thành xuất sắc nhiệm vụ",
          "hoan thanh tot nhiem vu": "Hoàn thành tốt nhiệm vụ",
          "hoan thanh nhiem vu": "Hoàn thành nhiệm vụ",
          "khong hoan thanh nhiem vu": "Không hoàn thành nhiệm vụ"}
SECTIONS = ["I.", "II.", "III.", "IV.", "V.", "VI."]


def fold(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Mn").lower().split())


def lines(document):
    """Body paragraphs and table-cell paragraphs in document order."""
    for block in document.iter_inner_content():
        if isinstance(block, docx.text.paragraph.Paragraph):
            yield block.text
        else:
            for row in block.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    for paragraph in cell.paragraphs:
                        yield paragraph.text


def level_in(text):
    key = fold(text.replace("☒", "").replace("☐", ""))
    for folded, name in LEVELS.items():
        if key.startswith(folded):
            return name
    return None


def extract(path):
    document = docx.Document(path)
    row = {"file": os.path.basename(path)}
    sections = {}
    current = None
    block = None             # "civil", "party", "cell", "committee"
    for raw in lines(document):
        for text in raw.split("\n"):
            t = text.strip()
            key = fold(t)
            if not t:
                continue
            m = re.search(r"h[oọ] v[aà] t[eê]n:\s*(.*?)(?:\s+ng[aà]y sinh:|$)", t, re.I)
            if m and "name" not in row:
                row["name"] = m.group(1).strip(" .…")
            m = re.search(r"ng[aà]y sinh:\s*(.*)$", t, re.I)
            if m and "dob" not in row:
                row["dob"] = m.group(1).strip(" .…")
            if key.startswith("chi bo") and "cell" not in row:
                row["cell"] = t
            heading = next((s for s in SECTIONS if t.startswith(s + " ")), None)
            if heading:
                current = heading
                sections[current] = []
                continue
            if key.startswith("vii."):
                current = None
            if key.startswith("1. xep loai can bo"):
                block = "civil"
            elif key.startswith("2. xep loai dang vien"):
                block = "party"
            elif key.startswith("- chi bo de xuat"):
                block = "cell"
            elif key.startswith("- dang uy, chi uy co so"):
                block = "committee"
            if key.startswith("nguoi tu kiem diem") or key.startswith("danh gia, xep loai"):
                current = None
            if current and not key.startswith("tu danh gia"):
                sections[current].append(t)
            if block in ("civil", "party") and "☒" in t:
                # "☒ Hoàn thành tốt nhiệm vụ", or ticks and labels on one line
                after = t.split("☒", 1)[1].split("☐", 1)[0]
                level = level_in(after)
                if level and block + "_level" not in row:
                    row[block + "_level"] = level
            elif block in ("cell", "committee"):
                level = level_in(t.split(":", 1)[-1])
                if level and block + "_level" not in row:
                    row[block + "_level"] = level
    for s in SECTIONS:
        row["section " + s] = "\n".join(sections.get(s, [])) or None
    return row


def main():
    out, inputs = sys.argv[1], sys.argv[2:]
    files = []
    for item in inputs:
        files += sorted(glob.glob(os.path.join(item, "*.docx"))) if os.path.isdir(item) else [item]
    start = time.monotonic()
    columns = ["file", "name", "dob", "cell", "civil_level", "party_level", "cell_level", "committee_level"] + \
        ["section " + s for s in SECTIONS]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tổng hợp"
    sheet.append(columns)
    failed = 0
    for path in files:
        try:
            row = extract(path)
        except Exception:            # not a docx, damaged: counted, skipped
            failed += 1
            continue
        sheet.append([row.get(c) for c in columns])
    workbook.save(out)
    seconds = time.monotonic() - start
    docs = len(files) - failed
    print(f"baseline: {docs} docs, {failed} failed, {seconds:.3f} s, {docs / seconds:.1f} docs/s")


if __name__ == "__main__":
    main()
