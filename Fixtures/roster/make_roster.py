"""Writes the sample roster of the demo year (2020) as CSV and as XLSX (openpyxl), with every
column the README documents, matched to the members of Fixtures/inbox.

Each row exercises something: an exempted member, a suspended one, one admitted less than six
months before the review, a disciplined one, sick leave over three months (2019 ruleset cap),
members who have not submitted, and one bad row (a date that does not exist) that must become a
warning with its line number. Run: python3 Fixtures/roster/make_roster.py
"""
import csv
import datetime
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["Họ và tên", "Ngày sinh", "Chi bộ", "Đảng bộ cơ sở", "Ngày vào Đảng", "Miễn sinh hoạt",
          "Đình chỉ", "Kỷ luật", "Tự phát hiện", "Nghỉ ốm (tháng)"]
KHOI = "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh"
XA = "Đảng bộ xã Triệu Phong"

ROWS = [
    # Members with forms in the inbox, plainly.
    ["Nguyễn Văn An", "12/05/1980", "Chi bộ Văn phòng", KHOI, "03/02/2005", "", "", "", "", "0"],
    ["Trần Thị Bích Ngọc", "03/09/1986", "Chi bộ Văn phòng", KHOI, "19/05/2012", "", "", "", "", ""],
    ["Lê Quang Huy", "21/01/1975", "Chi bộ Văn phòng", KHOI, "02/09/1998", "", "", "", "", ""],
    ["Phạm Thị Thu Hà", "30/11/1990", "Chi bộ Văn phòng", KHOI, "10/10/2015", "", "", "", "", ""],
    # Disciplined in the year (2019 ruleset: no excuse for self-detection) → KHTNV.
    ["Hoàng Minh Tuấn", "05/02/1983", "Chi bộ Văn phòng", KHOI, "01/06/2008", "", "", "có", "có", ""],
    # Four months of sick leave → at most HTNV (already HTNV: no cap fires, checked in tests).
    ["Võ Thị Lan", "14/07/1968", "Chi bộ Văn phòng", KHOI, "15/03/1995", "", "", "", "", "4"],
    ["Đặng Văn Hùng", "02/03/1972", "Chi bộ Phòng Tổ chức", KHOI, "07/11/1996", "", "", "", "", ""],
    ["Bùi Thị Mai Anh", "19/08/1988", "Chi bộ Phòng Tổ chức", KHOI, "2014-08-19", "", "", "", "", ""],
    # Sick leave 3.5 months on an HTTNV member → capped to HTNV.
    ["Ngô Đức Thắng", "25/12/1979", "Chi bộ Phòng Tổ chức", KHOI, "20/12/2003", "", "", "", "", "3,5"],
    ["Đỗ Thị Hồng Nhung", "07/06/1993", "Chi bộ Phòng Tổ chức", KHOI, "11/11/2019", "", "", "", "", ""],
    ["Phan Văn Long", "09/10/1965", "Chi bộ Phòng Tổ chức", KHOI, "05/05/1990", "", "", "", "", ""],
    # Admitted in August 2020: less than six months before the review → not classified.
    ["Lê Văn Thành", "15/04/1962", "Chi bộ Thôn 1", XA, "01/08/2020", "", "", "", "", ""],
    ["Nguyễn Thị Hoa", "01/01/1970", "Chi bộ Thôn 1", XA, "08/03/1996", "", "", "", "", ""],
    ["Trần Văn Dũng", "20/08/1955", "Chi bộ Thôn 1", XA, "19/05/1978", "", "", "", "", ""],
    # Exempted from work and activity, but sent a form anyway → EXEMPT_MEMBER.
    ["Hồ Thị Thanh Tâm", "28/02/1985", "Chi bộ Thôn 1", XA, "03/02/2010", "x", "", "", "", ""],
    ["Lê Đình Khoa", "06/06/1978", "Chi bộ Thôn 1", XA, "22/12/2002", "", "", "", "", ""],
    ["Phan Thị Kim Oanh", "11/03/1991", "Chi bộ Thôn 1", XA, "30/04/2016", "", "", "", "", ""],
    ["Nguyễn Hữu Phước", "04/04/1982", "Chi bộ Thôn 1", XA, "02/09/2007", "", "", "", "", ""],
    ["Trương Thị Kim Liên", "17/09/1987", "Chi bộ Phòng Tổ chức", KHOI, "03/02/2013", "", "", "", "", ""],
    # Members with no form: plainly missing, suspended, exempted.
    ["Đinh Công Tráng", "10/10/1977", "Chi bộ Văn phòng", KHOI, "01/07/2001", "", "", "", "", ""],
    ["Mai Thị Sương", "23/03/1959", "Chi bộ Thôn 1", XA, "12/12/1980", "có", "", "", "", ""],
    ["Lý Văn Bình", "14/02/1981", "Chi bộ Phòng Tổ chức", KHOI, "06/06/2006", "", "có", "", "", ""],
    # A bad row: 31 November does not exist → a warning naming line 24, the row is skipped.
    ["Cao Văn Sáu", "31/11/1980", "Chi bộ Thôn 1", XA, "01/01/2000", "", "", "", "", ""],
]


def main():
    with open(os.path.join(HERE, "danh-sach-dang-vien-2020.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(HEADER)
    for row in ROWS:
        values = list(row)
        # Excel users type dates as dates: write real date cells where the text is one.
        for i in (1, 4):
            try:
                values[i] = datetime.datetime.strptime(values[i], "%d/%m/%Y").date()
            except ValueError:
                pass
        ws.append(values)
    wb.properties.created = datetime.datetime(2020, 12, 1)
    wb.properties.modified = datetime.datetime(2020, 12, 1)
    wb.save(os.path.join(HERE, "danh-sach-dang-vien-2020.xlsx"))


if __name__ == "__main__":
    main()
