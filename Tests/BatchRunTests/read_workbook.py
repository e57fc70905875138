"""Dumps a workbook as JSON for the Swift tests: sheet names and every row's values.
openpyxl is the reader a board's IT officer would use; if it cannot load the file, the test fails."""
import datetime
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "rows": {}}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows(values_only=True):
        rows.append([v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v for v in row])
    out["rows"][ws.title] = rows
json.dump(out, sys.stdout, ensure_ascii=False)
