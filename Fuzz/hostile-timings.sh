#!/usr/bin/env bash
# Time and peak memory of `kiemdiem inspect --json` on each hostile fixture (issue 8: target under
# 2 s and 200 MB each). Prints one Markdown table row per fixture; for `make bench`.
# Usage: Fuzz/hostile-timings.sh [path/to/kiemdiem]   (default: the release build, built if missing)
# Exit status 1 when a fixture breaks the memory bound or does not get its expected code.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${1:-}"
if [[ -z "$BIN" ]]; then
    BIN="$(cd "$ROOT" && swift build -c release --show-bin-path)/kiemdiem"
    [[ -x "$BIN" ]] || (cd "$ROOT" && swift build -c release >&2) || exit 2
fi
BIG="$(mktemp -d /tmp/kiemdiem-hostile-timings.XXXXXX)"
trap 'rm -rf "$BIG"' EXIT
python3 "$ROOT/Fixtures/hostile/make_hostile.py" --big "$BIG" >/dev/null || exit 2

# Expected first finding per fixture (Fixtures/hostile/README.md); "-" = accepted without findings.
declare -A EXPECT=(
  [empty.docx]=EMPTY_FILE [random.docx]=NOT_A_ZIP [random-pk.docx]=CORRUPT_ARCHIVE
  [legacy-doc.docx]=LEGACY_WORD_FORMAT [encrypted.docx]=ENCRYPTED_DOCUMENT
  [truncated-half.docx]=CORRUPT_ARCHIVE [truncated-tail.docx]=CORRUPT_ARCHIVE [bad-crc.docx]=CORRUPT_ARCHIVE
  [zip-bomb.docx]=ARCHIVE_LIMIT_EXCEEDED [zip-bomb-lying.docx]=CORRUPT_ARCHIVE
  [many-entries-100k.docx]=ARCHIVE_LIMIT_EXCEEDED [path-traversal.docx]=- [duplicate-names.docx]=CORRUPT_ARCHIVE
  [spreadsheet.xlsx.docx]=NOT_A_WORD_DOCUMENT [no-main-part.docx]=NOT_A_WORD_DOCUMENT
  [xxe-local-file.docx]=UNSAFE_XML [xxe-in-styles.docx]=UNSAFE_XML [external-dtd.docx]=UNSAFE_XML
  [billion-laughs.docx]=UNSAFE_XML [deep-nesting.docx]=ARCHIVE_LIMIT_EXCEEDED [nested-20.docx]=-
  [invalid-utf8.docx]=MALFORMED_XML [bad-encoding.docx]=MALFORMED_XML [large-50mb.docx]=NOT_A_REVIEW_FORM
  [broken-numbering.docx]=MALFORMED_XML [broken-styles.docx]=MALFORMED_XML
)

status=0
printf '| fixture | size | code | seconds | peak RSS MB | within 2 s / 200 MB |\n|---|---:|---|---:|---:|---|\n'
for file in "$ROOT"/Fixtures/hostile/*.docx "$BIG"/*.docx; do
    name="$(basename "$file")"
    out="$(/usr/bin/time -f '%e %M' -o "$BIG/time" "$BIN" inspect --json "$file" 2>/dev/null)"
    read -r seconds kb < <(tail -1 "$BIG/time")
    code="$(printf '%s' "$out" | python3 -c 'import json,sys; f=json.loads(sys.stdin.readline())["findings"]; print(f[0]["code"] if f else "-")')"
    mb=$((kb / 1024))
    ok="yes"
    awk -v s="$seconds" 'BEGIN { exit !(s > 2.0) }' && ok="slow"
    (( mb >= 200 )) && { ok="OVER MEMORY"; status=1; }
    [[ "$code" == "${EXPECT[$name]:-?}" ]] || { ok="$ok, expected ${EXPECT[$name]:-?}"; status=1; }
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(du -h "$file" | cut -f1)" "$code" "$seconds" "$mb" "$ok"
done
exit $status
