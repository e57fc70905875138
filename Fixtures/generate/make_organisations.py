#!/usr/bin/env python3
"""The two-level organisations fixture: Fixtures/organisations/.

    python3 Fixtures/generate/make_organisations.py

Writes, for review year 2025 (docs/rules.md "Tổ chức đảng"):
  * inbox/*.docx — the Mẫu 01-HD KĐ.ĐG 2025 of five chi bộ, made with python-docx through the
    corpus generator's own model (make_fixtures.collective_model_2025): the three chi bộ of a
    đảng bộ xã (Đảng bộ xã Triệu Phong) and the two chi bộ trực thuộc of a đảng bộ cơ sở (Đảng bộ
    Công ty Cổ phần Cấp nước Quảng Trị);
  * danh-sach-to-chuc-2025.csv — the organisations file: each one's kind, parent, type, founding
    date, deciding body, and the levels the deciding bodies recorded.

What the fixture is for (Tests/BatchRunTests/OrganisationRunTests.swift checks it):
  * Thôn 1: 27 + 61 = 88, self HTTNV, decided HTXSNV by BTV Đảng ủy xã: the band allows HTTNV, the
    decision stays (DECISION_CONFLICTS_WITH_RULE);
  * Thôn 2: 28 + 64 = 92, self HTXSNV, proposed HTXSNV, not decided: provisional HTXSNV;
  * Thôn 3: 20 + 42 = 62, self HTTNV, not decided: provisional, capped to HTNV (LEVEL_CAPPED);
  * Đảng bộ xã Triệu Phong: decided HTTNV by BTV Tỉnh ủy while two of its chi bộ are not decided:
    DATE_ORDER (units first, QĐ 366 Điều 12.2); of its chi bộ only Thôn 1 is decided, HTXSNV against
    no HTTNV decided: QUOTA_EXCEEDED on Thôn 1, for the deciding body;
  * Phòng Kỹ thuật: 26 + 60 = 86, self HTTNV, decided HTTNV; Xí nghiệp Nước Đông Hà: 25 + 55 = 80,
    self HTTNV, decided HTTNV; Đảng bộ Công ty: decided HTTNV, all units decided: no finding.
"""

import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus as C  # noqa: E402
import corpus2 as C2  # noqa: E402
import make_fixtures as F  # noqa: E402

OUT = os.path.join(os.path.dirname(HERE), "organisations")
XA = C.XA
CONG_TY = "Đảng bộ Công ty Cổ phần Cấp nước Quảng Trị"

CELLS = {
    "OT1": (XA, "Chi bộ Thôn 1", "Triệu Phong"),
    "OT2": (XA, "Chi bộ Thôn 2", "Triệu Phong"),
    "OT3": (XA, "Chi bộ Thôn 3", "Triệu Phong"),
    "OKT": (CONG_TY, "Chi bộ Phòng Kỹ thuật", "Đông Hà"),
    "OXN": (CONG_TY, "Chi bộ Xí nghiệp Nước Đông Hà", "Đông Hà"),
}

G, E, S = "good", "excellent", "satisfactory"
REPORTS = [
    # (file, cell, score (general, results, total), self level, signer, header case)
    ("bao-cao-chi-bo-thon-1", "OT1", ("27", "61", "88"), G, "Lê Đình Khoa", "upper"),
    ("bao-cao-chi-bo-thon-2", "OT2", ("28", "64", "92"), E, "Trần Văn Bình", "mixed"),
    ("bao-cao-chi-bo-thon-3", "OT3", ("20", "42", "62"), G, "Nguyễn Thị Lụa", "mixed"),
    ("bao-cao-chi-bo-phong-ky-thuat", "OKT", ("26", "60", "86"), G, "Phan Đình Long", "upper"),
    ("bao-cao-chi-bo-xi-nghiep-nuoc-dong-ha", "OXN", ("25", "55", "80"), G, "Võ Văn Tâm", "mixed"),
]

ORGANISATIONS = [
    # name, kind, parent, type, founded, deciding body, proposed, decided
    (XA, "Đảng bộ cấp trên trực tiếp", "", "Xã", "01/07/2025", "BTV Tỉnh ủy Quảng Trị", "", "HTTNV"),
    ("Chi bộ Thôn 1", "Chi bộ cơ sở", XA, "Thôn, tổ dân phố", "15/03/1990", "BTV Đảng ủy xã Triệu Phong", "HTTNV", "HTXSNV"),
    ("Chi bộ Thôn 2", "Chi bộ cơ sở", XA, "Thôn, tổ dân phố", "15/03/1990", "BTV Đảng ủy xã Triệu Phong", "HTXSNV", ""),
    ("Chi bộ Thôn 3", "Chi bộ cơ sở", XA, "Thôn, tổ dân phố", "02/09/1995", "BTV Đảng ủy xã Triệu Phong", "", ""),
    (CONG_TY, "Đảng bộ cơ sở", "", "Doanh nghiệp cổ phần", "10/10/2006", "BTV Tỉnh ủy Quảng Trị", "", "HTTNV"),
    ("Chi bộ Phòng Kỹ thuật", "Chi bộ trực thuộc", CONG_TY, "Doanh nghiệp cổ phần", "10/10/2006",
     "Đảng ủy Công ty Cổ phần Cấp nước Quảng Trị", "", "HTTNV"),
    ("Chi bộ Xí nghiệp Nước Đông Hà", "Chi bộ trực thuộc", CONG_TY, "Doanh nghiệp cổ phần", "10/10/2006",
     "Đảng ủy Công ty Cổ phần Cấp nước Quảng Trị", "", "HTTNV"),
]


def report(file, key, score, level, signer, case):
    committee, cell, place = CELLS[key]
    base = dict(C2.COLLECTIVES[2])  # the 2025 Mẫu 01 of the corpus: its sections, as a real chi bộ writes them
    base.update(file=file, cell=key, score=score, level=level, signer=signer, case=case, writer="python-docx",
                date=(4, 12, 2025), meeting=(8, 12, 2025), year=2025, year_style="Năm 2025")
    C.CELLS[key] = {"committee": committee, "cell": cell, "short": cell[len("Chi bộ "):], "place": place}
    C2.CELLS_BY_YEAR[2025][key] = dict(C.CELLS[key])
    return base


def main():
    os.makedirs(os.path.join(OUT, "inbox"), exist_ok=True)
    for row in REPORTS:
        c = report(*row)
        path = os.path.join(OUT, "inbox", c["file"] + ".docx")
        F.write_python_docx(F.collective_model(c), path, c["signer"], c["date"])
        F.normalise_zip(path)
    with open(os.path.join(OUT, "danh-sach-to-chuc-2025.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Tên tổ chức", "Loại tổ chức", "Trực thuộc", "Loại hình", "Ngày thành lập", "Cấp quyết định",
                    "Đề xuất xếp loại", "Cấp có thẩm quyền xếp loại"])
        w.writerows(ORGANISATIONS)
    print(f"wrote {len(REPORTS)} reports and {len(ORGANISATIONS)} organisations to {OUT}")


if __name__ == "__main__":
    main()
