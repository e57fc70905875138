#!/usr/bin/env bash
# The province-sized roll-up of make bench (issue 18): BOARDS made-up boards × MEMBERS members,
# their packages written and signed by kiemdiem's own package writer (kiemdiem bench-packages),
# then `kiemdiem rollup` end to end (claim, check every signature and digest, file, workbook).
# Seconds and peak RSS of the roll-up alone, one JSON line per repeat.
#
# Knobs: BENCH_ROLLUP="100x600" (space-separated BOARDSxMEMBERS; empty: skip)  BENCH_REPEAT=3
#        BENCH_CORPUS=Benchmarks/corpus  KIEMDIEM=<binary> (default: swift build -c release)
#        BENCH_RESULTS=<results.jsonl> (bench.sh passes its own; default: $BENCH_CORPUS/rollup.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_ROLLUP-"100x600"}
[[ -z $sizes ]] && exit 0
repeat=${BENCH_REPEAT:-3}
corpus=$(mkdir -p "${BENCH_CORPUS:-Benchmarks/corpus}" && cd "${BENCH_CORPUS:-Benchmarks/corpus}" && pwd)
results=${BENCH_RESULTS:-$corpus/rollup.jsonl}
[[ -n ${BENCH_RESULTS:-} ]] || : > "$results"
say() { echo "bench: $*" >&2; }
if [[ -z ${KIEMDIEM:-} ]]; then
  say "swift build -c release"
  swift build -c release >&2
  KIEMDIEM=$(swift build -c release --show-bin-path)/kiemdiem
fi
for size in $sizes; do
  boards=${size%x*}; members=${size#*x}
  src=$corpus/rollup-$boards-$members
  if [[ ! -f $src/rollup.yml ]]; then
    say "generating $boards packages of $members members"
    rm -rf "$src"
    "$KIEMDIEM" bench-packages --boards "$boards" --members "$members" "$src" > /dev/null
  fi
  for ((r = 1; r <= repeat; r++)); do
    run=$corpus/rollup-run
    rm -rf "$run"; mkdir -p "$run/inbox"
    cp "$src/rollup.yml" "$run/"
    ln "$src"/inbox/* "$run/inbox/"   # hard links: the roll-up moves them, the packages stay
    sync; l=$(cut -d' ' -f1 /proc/loadavg)
    set +e
    /usr/bin/time -f '%e %M %U %S' -o "$corpus/time.txt" "$KIEMDIEM" rollup --config "$run/rollup.yml" 2> "$run/stderr.txt"
    status=$?
    set -e
    read -r e m u s < <(tail -n 1 "$corpus/time.txt")
    summary=$(grep -E '(^| )kiemdiem:' "$run/stderr.txt" | tail -n 1)
    if [[ $status != 0 ]]; then say "rollup failed ($status): $summary"; exit 1; fi
    counted=$(sed -E 's/.*tính ([0-9]+)\/.*/\1/' <<< "$summary")
    [[ $counted == "$boards" ]] || { say "rollup counted $counted of $boards boards"; exit 1; }
    echo "{\"what\":\"rollup\",\"boards\":$boards,\"members\":$members,\"rep\":$r,\"load\":$l,\"elapsed\":$e,\"rss_kb\":$m,\"user\":$u,\"sys\":$s}" >> "$results"
    say "rollup ${boards}x${members} rep=$r: ${e}s ${m}KB (load $l) — $summary"
    rm -rf "$run"
  done
done
[[ -n ${BENCH_RESULTS:-} ]] || python3 Benchmarks/report.py "$results" --machine
