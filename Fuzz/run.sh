#!/usr/bin/env bash
# Builds the fuzz targets, seeds their corpora from Fixtures/, and runs each target in turn for
# FUZZ_SECONDS (default 60) with one worker: the machine is shared, one core per fuzzer at most.
# Usage: Fuzz/run.sh [target...]       targets: package word form (default: all three)
# Crashes land in .build-fuzz/artifacts/<target>/; the log of each run in .build-fuzz/logs/.
# Exit status 1 when any target found a crash, leak, timeout or out-of-memory input.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/.build-fuzz"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
TARGETS=("$@")
[[ ${#TARGETS[@]} -eq 0 ]] && TARGETS=(package word form)

"$ROOT/Fuzz/build.sh" >/dev/null || exit 2
python3 "$ROOT/Fuzz/seeds.py" >/dev/null || exit 2
mkdir -p "$OUT/logs"
status=0
for target in "${TARGETS[@]}"; do
    case "$target" in
        package) maxlen=262144; dict=() ;;
        word|form) maxlen=131072; dict=(-dict="$ROOT/Fuzz/ooxml.dict") ;;
        *) echo "unknown target $target" >&2; exit 2 ;;
    esac
    mkdir -p "$OUT/artifacts/$target"
    log="$OUT/logs/$target-$(date +%Y%m%d-%H%M%S).log"
    echo "fuzz-$target for ${SECONDS_PER_TARGET}s → $log" >&2
    # -timeout: one input taking 10 s is a hang (hostile inputs must finish in under 2 s);
    # -rss_limit_mb: ASan's shadow memory plus a 16 MiB inflation cap stay well under 2 GiB.
    "$OUT/bin/fuzz-$target" "$OUT/corpus/$target" "${dict[@]}" \
        -max_total_time="$SECONDS_PER_TARGET" -max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 \
        -workers=1 -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$target/" >"$log" 2>&1
    rc=$?
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|cov:" "$log" | tail -3 >&2
    if [[ $rc -ne 0 ]]; then
        echo "fuzz-$target: FAILED (exit $rc), see $log and $OUT/artifacts/$target/" >&2
        status=1
    fi
done
exit $status
