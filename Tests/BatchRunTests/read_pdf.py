"""Measures a PDF that LibreOffice printed from a workbook, for the Swift tests: per page its size
in points, the smallest and most common character size, its text, and the lines of its footer
region. pdfplumber is the reader; if it cannot open the file, the test fails."""
import collections
import json
import sys

import pdfplumber

out = {"pages": []}
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        # A rotated glyph (a chart's vertical axis title) reports its advance as its size; its
        # extent across the line is the font size there.
        sizes = [c["size"] if c.get("upright", True) else c["width"] for c in page.chars]
        common = collections.Counter(round(s, 1) for s in sizes).most_common(1)
        # The footer: text in the bottom margin (below the last 60 pt of the page).
        footer = page.crop((0, page.height - 60, page.width, page.height)).extract_text() or ""
        body = page.crop((0, 0, page.width, page.height - 60))
        fonts = sorted({c["fontname"].split("+")[-1] for c in page.chars})
        out["pages"].append({
            "fonts": fonts,
            "width": float(page.width),
            "height": float(page.height),
            "smallest": min(sizes) if sizes else None,
            "common": common[0][0] if common else None,
            "text": body.extract_text() or "",
            "footer": footer,
        })
json.dump(out, sys.stdout, ensure_ascii=False)
