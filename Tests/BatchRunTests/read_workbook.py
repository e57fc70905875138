"""Dumps a workbook as JSON for the Swift tests: sheet names, every row's values, and each sheet's
page setup (paper, orientation, fit, repeated rows, footer, row heights).
openpyxl is the reader a board's IT officer would use; if it cannot load the file, the test fails."""
import datetime
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "rows": {}, "setup": {}}
for ws in wb.worksheets:
    setup = ws.page_setup
    pr = ws.sheet_properties.pageSetUpPr
    out["setup"][ws.title] = {
        "paper": int(setup.paperSize) if setup.paperSize is not None else None,
        "orientation": setup.orientation,
        "fitToPage": bool(pr.fitToPage) if pr is not None else False,
        "fitToWidth": setup.fitToWidth,
        "fitToHeight": setup.fitToHeight,
        "repeatRows": ws.print_title_rows,
        "footer": [ws.oddFooter.left.text or "", ws.oddFooter.center.text or "", ws.oddFooter.right.text or ""],
        "heights": {str(k): d.height for k, d in ws.row_dimensions.items() if d.height},
    }
    rows = []
    for row in ws.iter_rows(values_only=True):
        rows.append([v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v for v in row])
    out["rows"][ws.title] = rows
json.dump(out, sys.stdout, ensure_ascii=False)
