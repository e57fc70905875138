#!/usr/bin/env python3
"""The demo of `make run`: the 2026 review on HD 43's forms, in Fixtures/demo-2026/.

    python3 Fixtures/generate/make_demo_2026.py

Review year 2026 uses the 2025 forms (HD 43: Mẫu 2A leader, 2B without a post, 2C outside the
political system, Mẫu 01 the collective report; docs/contract.md "The 2025 codes"). The forms are
made by the corpus generator's own models (make_fixtures.form_model2 / collective_model) and its
writers (python-docx, the Word-style writer, LibreOffice from HTML), a year on from the 2025
fixtures of Fixtures/forms. Writes:

  * inbox/*.docx — what the board's inbox holds on the night of the demo;
  * dem-sau/*.docx — what arrives the night after (the tests' second run);
  * danh-sach-dang-vien-2026.csv — the roster (README "The roster");
  * danh-sach-to-chuc-2026.csv — the organisations file (README "The organisations file").

What the demo shows (Tests/BatchRunTests/DemoRunTests.swift checks each):
  * accepted: Ngô Đức Thắng (2A), Nguyễn Văn An (2A), Phạm Thị Thu Hà (2B), Võ Thị Lan (2B),
    Phan Thị Kim Oanh (2C), and Chi bộ Thôn 1's Mẫu 01;
  * a decision conflicting with a rule: Hồ Thị Thanh Tâm, 85 points (HTTNV band) decided HTXSNV
    by the committee: the decision stays, DECISION_CONFLICTS_WITH_RULE;
  * exemption: Trần Văn Dũng is "miễn sinh hoạt" on the roster: accepted, not classified (EXEMPT_MEMBER);
  * duplicates: the same bytes of Nguyễn Văn An's form sent twice (counted once), and Võ Thị Lan's
    corrected form superseding her first one (DUPLICATE_SUBMISSION on the older);
  * refused, with a return notice each: Nguyễn Văn Bảy (2C: a date of birth that does not exist,
    no box ticked in part B II, no signer's name), Lê Thị Hương (2B: section II left empty, the
    committee dated before the cell; her corrected form arrives the next night, dem-sau/), Đinh Văn Quang (2B of review year 2025 sent to the 2026
    batch: YEAR_MISMATCH), a file that is not a .docx and an empty one;
  * not submitted: three roster members (one of them newly admitted, so not required).
"""

import copy
import csv
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus as C  # noqa: E402
import corpus2 as C2  # noqa: E402
import make_fixtures as F  # noqa: E402

OUT = os.path.join(os.path.dirname(HERE), "demo-2026")
INBOX = os.path.join(OUT, "inbox")
NEXT_NIGHT = os.path.join(OUT, "dem-sau")
YEAR = 2026

# The cells a year on: the 2025 ones with this season's dates.
C2.CELLS_BY_YEAR[YEAR] = copy.deepcopy(C2.CELLS_BY_YEAR[2025])
for key, (cell, committee) in {"VP": ((16, 12, 2026), (29, 12, 2026)), "TC": ((17, 12, 2026), (29, 12, 2026)),
                               "T1": ((15, 12, 2026), (5, 1, 2027))}.items():
    C2.CELLS_BY_YEAR[YEAR][key]["cell_date"], C2.CELLS_BY_YEAR[YEAR][key]["committee_date"] = cell, committee
for (name, year), text in list(C2.LEADER_TEXT.items()):
    if year == 2025:
        C2.LEADER_TEXT[(name, YEAR)] = {k: v and [t.replace("2025", "2026") for t in v] for k, v in text.items()}

BY_FILE = {m["file"]: m for m in C2.MEMBERS}


def member(base, **changes):
    """A 2025 fixture member a year on: the same person and template, this year's dates."""
    m = copy.deepcopy(BY_FILE[base])
    m.update(year=YEAR, year_style=m["year_style"].replace("2025", str(YEAR)))
    d, mo, _ = m["date"]
    m["date"] = (d, mo, YEAR)
    m["file"] = base.rsplit("-", 1)[0]
    m.update(changes)
    return m


MEMBERS = [
    member("ngo-duc-thang-2025"),
    member("nguyen-van-an-2025"),
    member("pham-thi-thu-ha-2025"),
    member("phan-thi-kim-oanh-2025"),
    member("ho-thi-thanh-tam-2025"),          # 85 points, decided HTXSNV: DECISION_CONFLICTS_WITH_RULE
    member("tran-van-dung-2025"),             # exempt on the roster
    # Võ Thị Lan's first form, then her corrected one (a later form date): the second supersedes.
    member("vo-thi-lan-2025", file="vo-thi-lan", date=(8, 12, YEAR)),
    member("vo-thi-lan-2025", file="vo-thi-lan-ban-sua", date=(11, 12, YEAR), pick=16),
    # Refused: three reasons (INVALID_VALUE date of birth, MISSING_FIELD level, MISSING_FIELD signature).
    member("nguyen-van-bay-2025", writer="python-docx", party=None, signature="para", unsigned=True),
    # Refused: section II empty (MISSING_FIELD) and the committee dated before the cell (DATE_ORDER).
    member("pham-thi-thu-ha-2025", file="le-thi-huong", writer="wordxml", checkbox="sdt", b_table=False,
           name="Lê Thị Hương", dob=(4, 4, 1987), government_position="Chuyên viên", mass_position=None,
           pick=17, empty_section="shortcomings", committee_date=(12, 12, YEAR)),
    # The next night (dem-sau/): Lê Thị Hương's corrected form, accepted; her notice goes.
    member("pham-thi-thu-ha-2025", file="le-thi-huong-ban-sua", writer="wordxml", checkbox="sdt", b_table=False,
           name="Lê Thị Hương", dob=(4, 4, 1987), government_position="Chuyên viên", mass_position=None,
           pick=17, date=(14, 12, YEAR), next_night=True),
    # Refused: last year's form sent again (YEAR_MISMATCH).
    dict(member("vo-thi-lan-2025", file="dinh-van-quang", writer="libreoffice", name="Đinh Văn Quang",
                dob=(17, 9, 1984), government_position="Chuyên viên", pick=18, cell="TC", role="personnel"),
         year=2025, year_style="Năm 2025", date=(9, 12, 2025)),
]


def without_signer(blocks, m):
    """The member's name under "NGƯỜI TỰ KIỂM ĐIỂM" left out (MISSING_FIELD signature)."""
    for i, block in enumerate(blocks):
        if block[0] == "p" and block[1][0][0] == "NGƯỜI TỰ KIỂM ĐIỂM":
            for j in range(i + 1, i + 6):
                if blocks[j][0] == "p" and blocks[j][1][0][0] == m["name"]:
                    blocks[j] = F.P("")
                    return blocks
    raise SystemExit("no signature block in " + m["file"])


def without_section(blocks, key):
    """A section's content removed, its heading kept (MISSING_FIELD sections.<key>)."""
    headings = [h for _, h in F.SECTION_HEADINGS]
    start = next(i for i, b in enumerate(blocks) if b[0] == "p" and b[1][0][0] == dict(F.SECTION_HEADINGS)[key])
    end = next(i for i in range(start + 1, len(blocks)) if blocks[i][0] == "p" and blocks[i][1][0][0] in headings)
    return blocks[:start + 1] + blocks[end:]


def collective():
    """Chi bộ Thôn 1's Mẫu 01 of 2026, reviewed before its members are classified."""
    c = copy.deepcopy(C2.COLLECTIVES[2])
    def year_on(text):
        return text.replace("2025", "2026").replace("2024", "2025")
    c.update(file="bao-cao-tap-the-chi-bo-thon-1", year=YEAR, year_style=f"Năm {YEAR}", date=(6, 12, YEAR),
             meeting=(9, 12, YEAR), writer="python-docx")
    c["items"] = [(year_on(h), r, [year_on(t) for t in ts]) for h, r, ts in c["items"]]
    c["remediation"] = (year_on(c["remediation"][0]), c["remediation"][1])
    c["explanations"] = [year_on(t) for t in c["explanations"]]
    return c


ROSTER = [
    ["Họ và tên", "Ngày sinh", "Chi bộ", "Đảng bộ cơ sở", "Ngày vào Đảng", "Miễn sinh hoạt", "Đình chỉ", "Kỷ luật",
     "Tự phát hiện", "Nghỉ ốm (tháng)"],
    ["Nguyễn Văn An", "12/05/1980", "Chi bộ Văn phòng", C.KHOI, "03/02/2005", "", "", "", "", ""],
    ["Phạm Thị Thu Hà", "30/11/1990", "Chi bộ Văn phòng", C.KHOI, "10/10/2015", "", "", "", "", ""],
    ["Võ Thị Lan", "14/07/1968", "Chi bộ Văn phòng", C.KHOI, "15/03/1995", "", "", "", "", ""],
    ["Lê Thị Hương", "04/04/1987", "Chi bộ Văn phòng", C.KHOI, "12/06/2012", "", "", "", "", ""],
    ["Trần Thị Bích Ngọc", "03/09/1986", "Chi bộ Văn phòng", C.KHOI, "19/05/2012", "", "", "", "", ""],   # not submitted
    ["Ngô Đức Thắng", "25/12/1979", "Chi bộ Phòng Tổ chức", C.KHOI, "20/12/2003", "", "", "", "", ""],
    ["Đinh Văn Quang", "17/09/1984", "Chi bộ Phòng Tổ chức", C.KHOI, "02/09/2010", "", "", "", "", ""],
    ["Đỗ Thị Hồng Nhung", "07/06/1993", "Chi bộ Phòng Tổ chức", C.KHOI, "11/11/2019", "", "", "", "", ""],  # not submitted
    ["Hồ Thị Thanh Tâm", "28/02/1985", "Chi bộ Thôn 1", C.XA, "19/05/2010", "", "", "", "", ""],
    ["Trần Văn Dũng", "20/08/1955", "Chi bộ Thôn 1", C.XA, "19/05/1978", "có", "", "", "", ""],              # exempt
    ["Phan Thị Kim Oanh", "11/03/1991", "Chi bộ Thôn 1", C.XA, "03/02/2016", "", "", "", "", ""],
    ["Nguyễn Văn Bảy", "30/11/1980", "Chi bộ Thôn 1", C.XA, "02/09/2008", "", "", "", "", ""],
    ["Lê Đình Khoa", "06/06/1978", "Chi bộ Thôn 1", C.XA, "10/10/2001", "", "", "", "", ""],                # not submitted
    ["Trương Văn Quý", "14/02/1999", "Chi bộ Thôn 1", C.XA, "15/09/2026", "", "", "", "", ""],              # newly admitted
]

ORGANISATIONS = [
    ["Tên tổ chức", "Loại tổ chức", "Trực thuộc", "Loại hình", "Ngày thành lập", "Cấp quyết định",
     "Đề xuất xếp loại", "Cấp có thẩm quyền xếp loại"],
    [C.KHOI, "Đảng bộ cơ sở", "", "Cơ quan hành chính", "01/01/2010", "BTV Tỉnh ủy Quảng Trị", "", ""],
    ["Chi bộ Văn phòng", "Chi bộ trực thuộc", C.KHOI, "Cơ quan hành chính", "01/01/2010",
     "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh", "", ""],
    ["Chi bộ Phòng Tổ chức", "Chi bộ trực thuộc", C.KHOI, "Cơ quan hành chính", "01/01/2010",
     "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh", "", ""],
    [C.XA, "Đảng bộ cơ sở", "", "Xã", "01/07/2025", "BTV Tỉnh ủy Quảng Trị", "", ""],
    ["Chi bộ Thôn 1", "Chi bộ trực thuộc", C.XA, "Thôn, tổ dân phố", "15/03/1990", "BTV Đảng ủy xã Triệu Phong",
     "HTTNV", ""],
]


def main():
    for folder in (INBOX, NEXT_NIGHT):
        if os.path.isdir(folder):
            shutil.rmtree(folder)
        os.makedirs(folder)
    tmp = tempfile.mkdtemp(prefix="kiemdiem-demo-2026-")
    lo = {}
    written = []
    for m in MEMBERS:
        blocks = F.form_model2(m)
        if m.get("unsigned"):
            blocks = without_signer(blocks, m)
        if m.get("empty_section"):
            blocks = without_section(blocks, m["empty_section"])
        out = os.path.join(NEXT_NIGHT if m.get("next_night") else INBOX, m["file"] + ".docx")
        F.write_doc(blocks, out, m["writer"], m["name"], m["date"], m.get("checkbox"), lo, tmp)
        written.append(out)
    c = collective()
    out = os.path.join(INBOX, c["file"] + ".docx")
    F.write_doc(F.collective_model(c), out, c["writer"], c["signer"], c["date"], None, lo, tmp,
                title="Báo cáo kiểm điểm tập thể")
    written.append(out)
    for outdir, files in sorted(lo.items()):
        F.convert_with_libreoffice(files, outdir)
    shutil.rmtree(tmp)
    for path in written:
        F.normalise_zip(path)
    # The same bytes sent twice; a photo renamed .docx; an upload that never got its bytes.
    shutil.copyfile(os.path.join(INBOX, "nguyen-van-an.docx"), os.path.join(INBOX, "nguyen-van-an-gui-lai.docx"))
    with open(os.path.join(INBOX, "anh-chup-ban-kiem-diem.docx"), "wb") as f:
        f.write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 4 + b"\xff\xd9")
    open(os.path.join(INBOX, "tep-rong.docx"), "wb").close()
    for name, rows in (("danh-sach-dang-vien-2026.csv", ROSTER), ("danh-sach-to-chuc-2026.csv", ORGANISATIONS)):
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    print(f"wrote {len(os.listdir(INBOX))} files to {INBOX}, the roster and the organisations file")


if __name__ == "__main__":
    main()
