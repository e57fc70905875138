#!/usr/bin/env python3
"""Writes the hostile and broken fixtures of issue 8 into Fixtures/hostile/ (see README.md there
for each file's expected code). Most start from a real accepted form, Fixtures/inbox/bui-thi-mai-anh.docx
(python-docx, with styles and numbering), so that the only thing wrong with them is the hostile part.

    python3 Fixtures/hostile/make_hostile.py            # the committed files (deterministic)
    python3 Fixtures/hostile/make_hostile.py --external # also re-make legacy-doc.docx (LibreOffice)
                                                        # and encrypted.docx (msoffcrypto-tool); these
                                                        # are not byte-reproducible, so only on demand
    python3 Fixtures/hostile/make_hostile.py --big DIR  # only the two big ones, into DIR (tests, timings)

The big ones (100,000 entries; a 50 MB main part) are made at test time instead of committed."""
import io
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import warnings
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BASE = os.path.join(ROOT, "Fixtures", "inbox", "bui-thi-mai-anh.docx")
STAMP = (2025, 12, 1, 8, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL_T}officeDocument" Target="word/document.xml"/></Relationships>')


def base_parts():
    with zipfile.ZipFile(BASE) as z:
        return [(info.filename, z.read(info)) for info in z.infolist()]


def info(name, compress=zipfile.ZIP_DEFLATED):
    zi = zipfile.ZipInfo(name, STAMP)
    zi.compress_type = compress
    zi.external_attr = 0o644 << 16
    return zi


def write_zip(path, parts, stored=()):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of one fixture
        with zipfile.ZipFile(path, "w") as z:
            for name, data in parts:
                z.writestr(info(name, zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED), data)


def replaced(name, data, parts=None):
    return [(n, data if n == name else d) for n, d in (parts or base_parts())]


def part(name):
    return dict(base_parts())[name]


def out(name):
    return os.path.join(HERE, name)


def document(body):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')


def para(text):
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def committed():
    base = base_parts()
    whole = open(BASE, "rb").read()

    open(out("empty.docx"), "wb").close()
    rng = random.Random(8)
    with open(out("random.docx"), "wb") as f:
        f.write(bytes(rng.randrange(256) for _ in range(64 << 10)))
    # Random bytes behind a ZIP local-header signature: looks like a ZIP, is not one.
    with open(out("random-pk.docx"), "wb") as f:
        f.write(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(16 << 10)))

    # Truncated uploads: half the file (no central directory at all), and the last 10 bytes
    # missing (the end-of-central-directory record cut short).
    with open(out("truncated-half.docx"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    with open(out("truncated-tail.docx"), "wb") as f:
        f.write(whole[:-10])

    # Bad CRC: document.xml stored, one byte of its text flipped after the CRC was computed.
    path = out("bad-crc.docx")
    write_zip(path, base, stored={"word/document.xml"})
    data = bytearray(open(path, "rb").read())
    at = data.find("Bùi Thị Mai Anh".encode())
    assert at > 0
    data[at] ^= 0x20
    open(path, "wb").write(bytes(data))

    # Zip bomb: the real form plus a 1.5 GiB entry of zeros (about 1.5 MB deflated), declared honestly.
    path = out("zip-bomb.docx")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in base:
            if name != "docProps/thumbnail.jpeg":
                z.writestr(info(name), data)
        zi = info("word/media/image1.bin")
        zi._compresslevel = 9  # Python 3.11 has no public setter on ZipInfo
        with z.open(zi, "w", force_zip64=True) as stream:
            block = bytes(1 << 20)
            for _ in range(1536):
                stream.write(block)
    # The same bomb as the main part itself, its sizes rewritten to claim 60 MB (under every cap):
    # only the streaming caps can stop it.
    path = out("zip-bomb-lying.docx")
    head = part("word/document.xml")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in base:
            if name not in ("word/document.xml", "docProps/thumbnail.jpeg"):
                z.writestr(info(name), data)
        zi = info("word/document.xml")
        zi._compresslevel = 9
        with z.open(zi, "w", force_zip64=True) as stream:
            stream.write(head[: head.rfind(b"</w:body>")] + b"<!--")
            block = b" " * (1 << 20)
            for _ in range(1100):
                stream.write(block)
    patch_sizes(path, b"word/document.xml", 60_000_000)

    # Entry names that climb out of any extraction folder; never used as paths by the reader.
    write_zip(out("path-traversal.docx"), base + [
        ("../../../../../../tmp/kiemdiem-hostile-escape.txt", b"escaped"),
        ("/tmp/kiemdiem-hostile-absolute.txt", b"absolute"),
        ("word/../../kiemdiem-hostile-up.xml", b"<x/>"),
        ("..\\..\\kiemdiem-hostile-backslash.txt", b"backslash"),
    ])

    # Duplicate names: a second word/document.xml (another member's name) after the real one.
    other = part("word/document.xml").replace("Bùi Thị Mai Anh".encode(), "Kẻ Mạo Danh".encode())
    write_zip(out("duplicate-names.docx"), base + [("word/document.xml", other)])

    # No main part: the package without word/document.xml and with the officeDocument relationship gone.
    write_zip(out("no-main-part.docx"), [(n, d) for n, d in base if n not in ("word/document.xml", "_rels/.rels")])

    # XML attacks, each in a complete copy of the real form.
    body = part("word/document.xml").decode()
    decl_end = body.index("?>") + 2
    prolog, rest = body[:decl_end], body[decl_end:]
    xxe = prolog + '\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + \
        rest.replace("Bùi Thị Mai Anh", "&xxe;", 1)
    write_zip(out("xxe-local-file.docx"), replaced("word/document.xml", xxe.encode(), base))
    styles = part("word/styles.xml").decode()
    s_end = styles.index("?>") + 2
    write_zip(out("xxe-in-styles.docx"), replaced(
        "word/styles.xml",
        (styles[:s_end] + '\n<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>' + styles[s_end:]).encode(),
        base))
    write_zip(out("external-dtd.docx"), replaced(
        "word/document.xml", (prolog + '\n<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">' + rest).encode(), base))
    laughs = "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10))
    bomb = prolog + '\n<!DOCTYPE w:document [<!ENTITY lol0 "lol">' + laughs + "]>" + \
        rest.replace("Bùi Thị Mai Anh", "&lol9;", 1)
    write_zip(out("billion-laughs.docx"), replaced("word/document.xml", bomb.encode(), base))

    # 100,000 nested elements inside the body (about 2 MB of XML, 10 KB deflated).
    deep = body.replace("<w:body>", "<w:body>" + "<w:customXml w:element=\"x\">" * 100_000
                        + "</w:customXml>" * 100_000, 1)
    write_zip(out("deep-nesting.docx"), replaced("word/document.xml", deep.encode(), base))

    # 20 extra levels of w:customXml around the body's content (depth 25 in all): read under the
    # default max_xml_depth (256), rejected under a configured 16. Proves the setting reaches the reader.
    nested = body.replace("<w:body>", "<w:body>" + "<w:customXml w:element=\"x\">" * 20, 1)
    nested = nested.replace("<w:sectPr", "</w:customXml>" * 20 + "<w:sectPr", 1)
    write_zip(out("nested-20.docx"), replaced("word/document.xml", nested.encode(), base))

    # Invalid UTF-8 inside w:t: an overlong form, a lone continuation byte and 0xFF in the name.
    bad = part("word/document.xml").replace("Bùi Thị Mai Anh".encode(), b"B\xc3\x28i Th\x80 \xff Anh\xc0\xaf", 1)
    write_zip(out("invalid-utf8.docx"), replaced("word/document.xml", bad, base))

    # A main part that libxml2 takes for UCS-4 (a zero-padded "<") and then cannot convert; found by
    # fuzz-word: the conversion error used to be printed on stderr by libxml2 itself.
    write_zip(out("bad-encoding.docx"), replaced("word/document.xml",
                                                 b"\x00\x00\x00<\x00\x00\x00?\x00\x00\x10\x73garbage", base))

    # Broken secondary parts: the form must still be read, with a warning.
    write_zip(out("broken-numbering.docx"), replaced(
        "word/numbering.xml", part("word/numbering.xml").replace(b"</w:numbering>", b""), base))
    write_zip(out("broken-styles.docx"), replaced(
        "word/styles.xml", part("word/styles.xml").replace(b"<w:style ", b"<w:style \xff\xfe", 3), base))

    # An .xlsx renamed .docx, written by LibreOffice from a CSV when soffice is there; committed.
    xlsx = out("spreadsheet.xlsx.docx")
    if not os.path.exists(xlsx) or "--external" in sys.argv:
        soffice(lambda tmp: write_text(os.path.join(tmp, "bang.csv"), "Họ và tên,Xếp loại\nBùi Thị Mai Anh,HTTNV\n"),
                "bang.csv", "xlsx", xlsx)


def write_text(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def soffice(prepare, source, fmt, target):
    with tempfile.TemporaryDirectory() as tmp:
        prepare(tmp)
        subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo-hostile", "--headless",
                        "--convert-to", fmt, "--outdir", os.path.join(tmp, "out"), os.path.join(tmp, source)],
                       check=True, capture_output=True, timeout=180)
        produced = os.path.join(tmp, "out", os.path.splitext(source)[0] + "." + fmt)
        shutil.copy(produced, target)


def external():
    """The two files only real Office-format writers can make: a Word 97–2003 .doc (LibreOffice)
    and an ECMA-376 Agile-encrypted package (msoffcrypto-tool, password "kiemdiem")."""
    soffice(lambda tmp: shutil.copy(BASE, os.path.join(tmp, "form.docx")), "form.docx", "doc", out("legacy-doc.docx"))
    subprocess.run([sys.executable, "-m", "msoffcrypto.format.ooxml"], capture_output=True)  # import check only
    subprocess.run(["msoffcrypto-tool", "-e", "-p", "kiemdiem", BASE, out("encrypted.docx")], check=True)


def patch_sizes(path, target, size):
    """Rewrites the uncompressed size of `target` in its local header, central directory entry and
    zip64 extra fields, so the archive claims `size` bytes for it."""
    raw = bytearray(open(path, "rb").read())
    for signature, size_off, name_len_off, header_len in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        start = 0
        while (at := raw.find(signature, start)) >= 0:
            name_len, extra_len = struct.unpack_from("<HH", raw, at + name_len_off)
            name_at = at + header_len
            if raw[name_at:name_at + name_len] == target:
                if struct.unpack_from("<I", raw, at + size_off)[0] == 0xFFFFFFFF:
                    extra = name_at + name_len
                    end = extra + extra_len
                    while extra < end:
                        tag, length = struct.unpack_from("<HH", raw, extra)
                        if tag == 1:
                            struct.pack_into("<Q", raw, extra + 4, size)  # zip64: uncompressed size first
                        extra += 4 + length
                else:
                    struct.pack_into("<I", raw, at + size_off, size)
            start = at + 4
    open(path, "wb").write(bytes(raw))


def big(folder):
    """The two fixtures too big to commit."""
    os.makedirs(folder, exist_ok=True)
    # 100,000 entries (zip64: the classic format counts to 65,535), plus a real minimal document.
    with zipfile.ZipFile(os.path.join(folder, "many-entries-100k.docx"), "w") as z:
        z.writestr(info("[Content_Types].xml"), CT)
        z.writestr(info("_rels/.rels"), RELS)
        z.writestr(info("word/document.xml"), document(para("Nhiều mục")))
        empty = info("x/0", zipfile.ZIP_STORED)
        for i in range(100_000):
            empty.filename = f"x/{i}"
            z.writestr(empty, b"")
    # A 50 MB main part of valid, varied Vietnamese text: about 420,000 paragraphs, no form title.
    rng = random.Random(50)
    words = ("đảng viên chi bộ kiểm điểm ưu điểm hạn chế khuyết điểm nguyên nhân biện pháp khắc phục "
             "nhiệm vụ chính trị đạo đức lối sống tác phong lề lối làm việc năm công tác tự phê bình "
             "tập thể cá nhân trách nhiệm người đứng đầu").split()
    with zipfile.ZipFile(os.path.join(folder, "large-50mb.docx"), "w") as z:
        z.writestr(info("[Content_Types].xml"), CT)
        z.writestr(info("_rels/.rels"), RELS)
        with z.open(info("word/document.xml"), "w", force_zip64=True) as stream:
            stream.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'.encode())
            written, i = 0, 0
            while written < 50_000_000:
                text = " ".join(rng.choice(words) for _ in range(rng.randrange(6, 24))) + f" {i}."
                chunk = para(text).encode()
                stream.write(chunk)
                written += len(chunk)
                i += 1
            stream.write(b"</w:body></w:document>")


if __name__ == "__main__":
    if "--big" in sys.argv:
        big(sys.argv[sys.argv.index("--big") + 1])
        sys.exit(0)
    committed()
    if "--external" in sys.argv or not all(os.path.exists(out(n)) for n in ("legacy-doc.docx", "encrypted.docx")):
        external()
    print("hostile fixtures written to", HERE)
