#!/usr/bin/env python3
"""Deterministic generator of N distinct, realistic review forms for the benchmarks.

The templates are the real fixture .docx files (Fixtures/inbox-2020, and Fixtures/forms when present)
whose expected JSON (Fixtures/expected/<stem>.json) has a form of the chosen review year. They come
from two writers (python-docx and LibreOffice) and several layouts. Form i is template i mod T
(round robin, so the mix of levels and verdicts of the fixtures is kept), with, in word/document.xml:

- the member's full name (identity line and signature) replaced by a generated Vietnamese name,
- the date of birth replaced by a generated one, written in the template's own format,
- every bullet paragraph of the sections ("- …", no colon) replaced by a bullet drawn from the
  pool of all templates' bullets (so lengths and texts vary from form to form).

(name, date of birth) is a bijection of i, so no two forms are the same member (no
DUPLICATE_SUBMISSION) and no two files have the same bytes; the generator checks both.
Every other zip entry is copied compressed, byte for byte, so 10,000 forms take seconds.
Form i depends only on (seed, i): the first 1,000 forms of a 10,000 corpus are the 1,000 corpus.

usage: generate_corpus.py OUTDIR N [--seed S] [--year Y] [--jobs J]
"""
import argparse
import datetime
import glob
import hashlib
import json
import os
import random
import re
import struct
import sys
import unicodedata
import zipfile
import zlib
from multiprocessing import Pool

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai"]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Đình", "Xuân", "Thu", "Kim",
           "Bích", "Hồng", "Công", "Trọng"]
GIVENS = ["An", "Bình", "Chi", "Cường", "Dũng", "Duy", "Giang", "Hà", "Hải", "Hạnh", "Hiền", "Hiếu",
          "Hòa", "Hùng", "Hương", "Huy", "Khoa", "Lan", "Liên", "Linh", "Long", "Mai", "Minh", "Nam",
          "Nga", "Ngọc", "Nhung", "Oanh", "Phúc", "Phương", "Quân", "Quyên", "Sơn", "Tâm", "Thắng",
          "Thành", "Thảo", "Thủy", "Trang", "Trung", "Tú", "Tuấn", "Vân", "Việt", "Yến", "Khánh",
          "Lộc", "Đạt"]
# Dates of birth from 1960-01-01, for 40 years.
DOB_START = datetime.date(1960, 1, 1)
DOB_DAYS = 40 * 365
NAMES = len(SURNAMES) * len(MIDDLES) * len(GIVENS)
SPACE = NAMES * DOB_DAYS          # distinct (name, date of birth) pairs
MULTIPLIER = 2654435761           # odd and coprime with SPACE: i -> (i * M + 12345) mod SPACE is a bijection

TEXT_RE = re.compile(r'(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)')


def member(i, seed):
    k = (i * MULTIPLIER + 12345 + seed * 7) % SPACE
    name_index, day = divmod(k, DOB_DAYS)
    g = name_index % len(GIVENS)
    m = (name_index // len(GIVENS)) % len(MIDDLES)
    s = name_index // (len(GIVENS) * len(MIDDLES))
    name = unicodedata.normalize("NFC", f"{SURNAMES[s]} {MIDDLES[m]} {GIVENS[g]}")
    return name, DOB_START + datetime.timedelta(days=day)


def dob_formats(d):
    """Every way the fixtures write a date of birth: (format id, text)."""
    return [("dmy/0", f"{d.day:02d}/{d.month:02d}/{d.year}"), ("dmy/", f"{d.day}/{d.month}/{d.year}"),
            ("dmy-0", f"{d.day:02d}-{d.month:02d}-{d.year}"), ("dmy-", f"{d.day}-{d.month}-{d.year}"),
            ("words0", f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"),
            ("words", f"ngày {d.day} tháng {d.month} năm {d.year}")]


def is_bullet(text):
    return text.startswith("- ") and len(text) >= 40 and ":" not in text


def read_raw_entries(path):
    """(ZipInfo, compressed bytes) of every entry, without inflating."""
    entries = []
    with open(path, "rb") as f, zipfile.ZipFile(path) as z:
        for info in z.infolist():
            f.seek(info.header_offset)
            header = f.read(30)
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            f.seek(info.header_offset + 30 + name_len + extra_len)
            entries.append((info, f.read(info.compress_size)))
    return entries


def load_templates(year):
    paths = sorted(glob.glob(os.path.join(ROOT, "Fixtures", "inbox-2020", "*.docx")))
    paths += sorted(glob.glob(os.path.join(ROOT, "Fixtures", "forms", "*.docx")))
    by_year = {}
    for path in paths:
        stem = os.path.splitext(os.path.basename(path))[0]
        expected = os.path.join(ROOT, "Fixtures", "expected", stem + ".json")
        if not os.path.exists(expected):
            continue
        form = json.load(open(expected, encoding="utf-8")).get("form")
        if not form or form.get("kind") != "individual" or not form.get("year"):
            continue
        by_year.setdefault(form["year"], []).append((path, form))
    if year is None:
        year = max(by_year, key=lambda y: (len(by_year[y]), -y))
    templates = []
    for path, form in by_year.get(year, []):
        entries = read_raw_entries(path)
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        m = form.get("member") or {}
        name = m.get("full_name")
        if name and name not in xml:
            continue                      # name split over runs: cannot rewrite it honestly
        dob_text, dob_format = None, None
        if m.get("date_of_birth"):
            d = datetime.date.fromisoformat(m["date_of_birth"])
            for fmt, text in dob_formats(d):
                if text in xml:
                    dob_text, dob_format = text, fmt
                    break
        templates.append(dict(path=path, stem=os.path.basename(path)[:-5], xml=xml, entries=entries,
                              name=name, dob_text=dob_text, dob_format=dob_format))
    return year, templates


def bullet_pool(templates):
    pool = set()
    for t in templates:
        for _, text, _ in TEXT_RE.findall(t["xml"]):
            if is_bullet(text):
                pool.add(text)
    return sorted(pool)


def dos_time(_info):
    return (0 << 11) | (0 << 5), (2020 - 1980) << 9 | (12 << 5) | 20   # 2020-12-20 00:00, fixed


def write_docx(path, template, document_xml):
    body = bytearray()
    central = bytearray()
    for info, raw in template["entries"]:
        name = info.filename.encode("utf-8")
        if info.filename == "word/document.xml":
            data = document_xml.encode("utf-8")
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            raw = compressor.compress(data) + compressor.flush()
            method, crc, size = zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data)
        else:
            method, crc, size = info.compress_type, info.CRC, info.file_size
        t, d = dos_time(info)
        flags = 0x800 if any(b > 127 for b in name) else 0
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, t, d, crc, len(raw), size, len(name), 0)
        body += name + raw
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, t, d, crc, len(raw), size,
                               len(name), 0, 0, 0, 0, 0, offset) + name
    count = len(template["entries"])
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(body), 0)
    with open(path, "wb") as f:
        f.write(bytes(body) + bytes(central) + end)


def make_form(i, seed, templates, pool):
    t = templates[i % len(templates)]
    rng = random.Random(f"kiemdiem-bench:{seed}:{i}")
    name, dob = member(i, seed)
    xml = t["xml"]
    if t["name"]:
        xml = xml.replace(t["name"], name)
    if t["dob_text"]:
        xml = xml.replace(t["dob_text"], dict(dob_formats(dob))[t["dob_format"]], 1)

    def bullet(match):
        if is_bullet(match.group(2)):
            return match.group(1) + rng.choice(pool) + match.group(3)
        return match.group(0)
    xml = TEXT_RE.sub(bullet, xml)
    slug = unicodedata.normalize("NFD", name.lower().replace("đ", "d")).encode("ascii", "ignore").decode()
    slug = slug.replace(" ", "-")
    filename = f"{i:06d}-{slug}.docx"
    return filename, xml, t, (t["name"] and name, dob.isoformat() if t["dob_text"] else None)


_STATE = {}


def _init(outdir, seed, year):
    _, templates = load_templates(year)
    _STATE.update(outdir=outdir, seed=seed, templates=templates, pool=bullet_pool(templates))


def _chunk(bounds):
    lo, hi = bounds
    digests = []
    for i in range(lo, hi):
        filename, xml, t, _ = make_form(i, _STATE["seed"], _STATE["templates"], _STATE["pool"])
        write_docx(os.path.join(_STATE["outdir"], filename), t, xml)
        digests.append(hashlib.sha1(xml.encode("utf-8")).digest())
    return digests


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("count", type=int)
    ap.add_argument("--seed", type=int, default=2020)
    ap.add_argument("--year", type=int, default=None, help="review year of the templates (default: the year with most)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    year, templates = load_templates(args.year)
    if not templates:
        sys.exit("generate_corpus: no templates")
    if args.count > SPACE:
        sys.exit(f"generate_corpus: at most {SPACE} distinct forms")
    os.makedirs(args.outdir, exist_ok=True)
    for old in glob.glob(os.path.join(args.outdir, "*.docx")):
        os.remove(old)
    step = 500
    chunks = [(lo, min(args.count, lo + step)) for lo in range(0, args.count, step)]
    with Pool(args.jobs, initializer=_init, initargs=(args.outdir, args.seed, year)) as pool:
        digests = [d for part in pool.map(_chunk, chunks) for d in part]
    if len(set(digests)) != len(digests):
        sys.exit("generate_corpus: two forms came out identical")
    manifest = dict(count=args.count, seed=args.seed, year=year,
                    templates=[t["stem"] for t in templates], bullets=len(bullet_pool(templates)))
    with open(os.path.join(args.outdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print(f"generate_corpus: {args.count} forms of {year} from {len(templates)} templates in {args.outdir}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
