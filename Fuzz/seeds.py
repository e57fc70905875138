#!/usr/bin/env python3
"""Seeds the fuzz corpora from Fixtures/: whole packages for the package target, their XML parts
(prefixed with the part selector byte) for the Word target, the real forms' document.xml for the
form target. Writes into .build-fuzz/corpus/<target>/ (git-ignored); existing files are kept, so
a corpus grown by earlier runs survives. Regression inputs under Fixtures/hostile/regressions/
are added to every corpus."""
import glob
import hashlib
import os
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, ".build-fuzz", "corpus")
MAX_SEED = 256 << 10
PART_SELECTOR = {"word/document.xml": 0, "word/styles.xml": 1, "word/numbering.xml": 2}


def put(target, data):
    if not data or len(data) > MAX_SEED:
        return
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, hashlib.sha1(data).hexdigest())
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)


docx = sorted(set(glob.glob(os.path.join(ROOT, "Fixtures", "**", "*.docx"), recursive=True)))
for path in docx:
    data = open(path, "rb").read()
    put("package", data)
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.file_size > MAX_SEED:
                    continue
                part = z.read(info)
                if info.filename in PART_SELECTOR:
                    put("word", bytes([PART_SELECTOR[info.filename]]) + part)
                elif info.filename.startswith("word/header"):
                    put("word", bytes([3]) + part)
                if info.filename == "word/document.xml" and "/inbox-2020/" in path:
                    put("form", part)
    except Exception:
        pass  # hostile fixtures: the package seed above is all they give
for path in glob.glob(os.path.join(ROOT, "Fixtures", "hostile", "regressions", "*", "*")):
    target = os.path.basename(os.path.dirname(path))
    if target in ("package", "word", "form"):
        put(target, open(path, "rb").read())
for target in ("package", "word", "form"):
    print(target, len(os.listdir(os.path.join(CORPUS, target))), "seeds")
