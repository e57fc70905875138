#!/usr/bin/env bash
# make bench: kiemdiem run end to end vs the python-docx baseline and the libxml2 floor.
# Prints ONE table (Benchmarks/report.py) and leaves the raw figures in $CORPUS/results.jsonl.
#
# Knobs (environment):  BENCH_SIZES="1000 10000"  BENCH_WORKERS="1 2"  BENCH_REPEAT=3
#                       BENCH_BASELINE_N=1000  BENCH_CORPUS=Benchmarks/corpus  BENCH_SEED=2020
#                       BENCH_FLOOR_SIZES (default: BENCH_SIZES; empty: no floor runs)
#                       BENCH_REFERENCE=<git revision>: also run that revision's kiemdiem on the same
#                       corpus, interleaved repeat by repeat, so "as fast as before" is measured in
#                       one run on one machine state, not against figures of another day
#                       BENCH_ROLLUP="100x600": the province-sized roll-up (Benchmarks/rollup.sh:
#                       BOARDSxMEMBERS signed packages rolled up end to end); empty: skip it
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-"1000 10000"}
workers_list=${BENCH_WORKERS:-"1 2"}
repeat=${BENCH_REPEAT:-3}
baseline_n=${BENCH_BASELINE_N:-1000}
floor_sizes=${BENCH_FLOOR_SIZES-$sizes}
seed=${BENCH_SEED:-2020}
corpus=$(mkdir -p "${BENCH_CORPUS:-Benchmarks/corpus}" && cd "${BENCH_CORPUS:-Benchmarks/corpus}" && pwd)
results=$corpus/results.jsonl
: > "$results"
say() { echo "bench: $*" >&2; }

# --- tools -------------------------------------------------------------------------------------
python3 -c 'import docx, openpyxl' 2>/dev/null ||
  python3 -m pip install -q --disable-pip-version-check python-docx openpyxl
say "swift build -c release"
swift build -c release >&2
bin=$(swift build -c release --show-bin-path)/kiemdiem
bins=("kiemdiem=$bin")
if [[ -n ${BENCH_REFERENCE:-} ]]; then
  ref=$(git rev-parse --short "$BENCH_REFERENCE")
  refdir=$corpus/reference-$ref
  [[ -d $refdir ]] || git worktree add --detach "$refdir" "$ref" >&2
  say "swift build -c release (reference $ref)"
  (cd "$refdir" && swift build -c release >&2)
  bins+=("reference=$(cd "$refdir" && swift build -c release --show-bin-path)/kiemdiem")
  echo "{\"reference\":\"$ref\"}" > "$corpus/reference.json"
else
  rm -f "$corpus/reference.json"
fi
gcc -O2 -Wall -o "$corpus/floor" Benchmarks/floor.c $(pkg-config --cflags --libs libxml-2.0 libzip)

# --- corpora (form i depends only on the seed and i: the 1,000 forms are the first of the 10,000)
max=0; for n in $sizes $baseline_n; do ((n > max)) && max=$n; done
src=$corpus/forms-$seed-$max
if [[ ! -f $src/manifest.json ]] || ! python3 -c "import json,sys; sys.exit(json.load(open('$src/manifest.json'))['count'] != $max)"; then
  say "generating $max forms"
  python3 Benchmarks/generate_corpus.py "$src" "$max" --seed "$seed"
fi
year=$(python3 -c "import json; print(json.load(open('$src/manifest.json'))['year'])")
mapfile -t all < <(cd "$src" && ls | grep '\.docx$' | sort)

record() { echo "$1" >> "$results"; }
load() { cut -d' ' -f1 /proc/loadavg; }

# --- the floor ---------------------------------------------------------------------------------
# "floor": word/document.xml only (the brief's floor); "floor-parts": every XML part kiemdiem parses.
for n in $floor_sizes; do
  for what in floor floor-parts; do
    flag=(); [[ $what == floor-parts ]] && flag=(--all-parts)
    for ((r = 1; r <= repeat; r++)); do
      l=$(load)
      # names on stdin: 100,000 of them exceed ARG_MAX
      out=$(cd "$src" && printf '%s\n' "${all[@]:0:n}" |
            /usr/bin/time -f '%e %M %U %S' -o "$corpus/time.txt" "$corpus/floor" "${flag[@]}")
      read -r e m u s < <(tail -n 1 "$corpus/time.txt")
      docs_s=$(sed -E 's/.* ([0-9.]+) docs\/s/\1/' <<< "$out")
      record "{\"what\":\"$what\",\"n\":$n,\"workers\":1,\"rep\":$r,\"load\":$l,\"elapsed\":$e,\"rss_kb\":$m,\"user\":$u,\"sys\":$s,\"inproc_docs_s\":$docs_s}"
      say "$what n=$n rep=$r: $out (load $l)"
    done
  done
done

# --- kiemdiem run ------------------------------------------------------------------------------
for n in $sizes; do
  for w in $workers_list; do
    for ((r = 1; r <= repeat; r++)); do
     for entry in "${bins[@]}"; do
      what=${entry%%=*}; exe=${entry#*=}
      run=$corpus/run-$n-$w
      rm -rf "$run"; mkdir -p "$run/inbox"
      # hard links: the run moves them, the corpus stays
      (cd "$src" && printf '%s\0' "${all[@]:0:n}" | xargs -0 ln -t "$run/inbox/")
      cat > "$run/pipeline.yml" <<YML
inbox: inbox
workspace: workspace
year: $year
intake:
  settle_seconds: 0
  workers: $w
report:
  workbook: workspace/reports/tong-hop-$year.xlsx
YML
      sync; l=$(load)
      set +e
      /usr/bin/time -f '%e %M %U %S' -o "$corpus/time.txt" "$exe" run --config "$run/pipeline.yml" 2> "$run/stderr.txt"
      status=$?
      set -e
      read -r e m u s < <(tail -n 1 "$corpus/time.txt")
      if [[ $status != 0 && $status != 3 ]]; then say "$what run failed ($status):"; cat "$run/stderr.txt" >&2; exit 1; fi
      summary=$(tail -n 1 "$run/stderr.txt")
      claimed=$(sed -E 's/.*nhận ([0-9]+).*/\1/' <<< "$summary")
      accepted=$(sed -E 's/.*hợp lệ ([0-9]+).*/\1/' <<< "$summary")
      [[ $claimed == "$n" ]] || { say "$what claimed $claimed of $n"; exit 1; }
      record "{\"what\":\"$what\",\"n\":$n,\"workers\":$w,\"rep\":$r,\"load\":$l,\"elapsed\":$e,\"rss_kb\":$m,\"user\":$u,\"sys\":$s,\"accepted\":$accepted}"
      say "$what n=$n workers=$w rep=$r: ${e}s ${m}KB (load $l) — $summary"
      rm -rf "$run"
     done
    done
  done
done

# --- the baseline ------------------------------------------------------------------------------
for ((r = 1; r <= repeat; r++)); do
  l=$(load)
  out=$(cd "$src" && /usr/bin/time -f '%e %M %U %S' -o "$corpus/time.txt" \
        python3 "$OLDPWD/Benchmarks/baseline.py" "$corpus/baseline.xlsx" "${all[@]:0:baseline_n}")
  read -r e m u s < <(tail -n 1 "$corpus/time.txt")
  record "{\"what\":\"baseline\",\"n\":$baseline_n,\"workers\":1,\"rep\":$r,\"load\":$l,\"elapsed\":$e,\"rss_kb\":$m,\"user\":$u,\"sys\":$s}"
  say "baseline n=$baseline_n rep=$r: $out (load $l)"
done

# --- the province-sized roll-up (issue 18) -----------------------------------------------------
BENCH_RESULTS=$results KIEMDIEM=$bin BENCH_CORPUS=$corpus BENCH_REPEAT=$repeat ./Benchmarks/rollup.sh

python3 Benchmarks/report.py "$results" --machine

# --- hostile inputs (Fuzz/hostile-timings.sh, another branch) -----------------------------------
if [[ -x Fuzz/hostile-timings.sh ]]; then ./Fuzz/hostile-timings.sh; elif [[ -f Fuzz/hostile-timings.sh ]]; then bash Fuzz/hostile-timings.sh; fi
