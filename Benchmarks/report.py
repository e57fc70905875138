#!/usr/bin/env python3
"""Turns Benchmarks/bench.sh's results.jsonl into the one table of `make bench` (medians of the repeats).

usage: report.py RESULTS.jsonl [--machine]
"""
import json
import os
import platform
import statistics
import subprocess
import sys


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    date = subprocess.run(["date", "-Iseconds"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} CPUs ({cpu}), {mem / 1048576:.1f} GiB RAM, {platform.system()} {platform.release()}, {date}"


def main():
    every = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
    rows = [r for r in every if r["what"] != "rollup"]
    rollups = [r for r in every if r["what"] == "rollup"]
    groups = {}
    for r in rows:
        groups.setdefault((r["what"], r["n"], r["workers"]), []).append(r)

    def med(key, field):
        values = [r[field] for r in groups.get(key, [])]
        return statistics.median(values) if values else None

    def rate(key):                    # forms per second of wall time, median over the repeats
        values = [r["n"] / max(r["elapsed"], 0.01) for r in groups.get(key, [])]   # time(1) has 10 ms steps
        return statistics.median(values) if values else None

    def cpu_rate(key):                # forms per CPU-second (user + sys)
        values = [r["n"] / max(r["user"] + r["sys"], 0.01) for r in groups.get(key, [])]
        return statistics.median(values) if values else None

    reference_file = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "reference.json")
    reference = json.load(open(reference_file))["reference"] if os.path.exists(reference_file) else None
    order = {"kiemdiem": 0, "reference": 1, "baseline": 2, "floor": 3, "floor-parts": 4}
    print()
    if "--machine" in sys.argv:
        print(f"machine: {machine()}")
    if rollups:
        print("| roll-up (kiemdiem rollup, end to end) | boards × members | seconds (wall) | CPU-s | peak RSS MB | load avg before | runs |")
        print("|---|---:|---:|---:|---:|---|---:|")
        sizes = sorted({(r["boards"], r["members"]) for r in rollups})
        for b, m in sizes:
            runs = [r for r in rollups if (r["boards"], r["members"]) == (b, m)]
            loads = ", ".join(f"{r['load']:.2f}" for r in runs)
            print(f"| signed packages checked, filed, superior's workbook | {b:,} × {m:,} "
                  f"| {statistics.median(r['elapsed'] for r in runs):,.2f} | {statistics.median(r['user'] + r['sys'] for r in runs):,.2f} "
                  f"| {statistics.median(r['rss_kb'] for r in runs) / 1024:,.1f} | {loads} | {len(runs)} |")
        print()
    if not rows:
        return
    print("| program | forms | workers | forms/s (wall) | forms per CPU-s | peak RSS MB | load avg before | runs |")
    print("|---|---:|---:|---:|---:|---:|---|---:|")
    for key in sorted(groups, key=lambda k: (order[k[0]], k[1], k[2])):
        what, n, w = key
        loads = ", ".join(f"{r['load']:.2f}" for r in groups[key])
        label = {"kiemdiem": "kiemdiem run", "reference": f"kiemdiem run at {reference} (reference)", "baseline": "baseline (python-docx + openpyxl)",
                 "floor": "floor: unzip + walk word/document.xml (C)",
                 "floor-parts": "floor, all parts kiemdiem parses (C)"}[what]
        print(f"| {label} | {n:,} | {w} | {rate(key):,.1f} | {cpu_rate(key):,.1f} | {med(key, 'rss_kb') / 1024:,.1f} "
              f"| {loads} | {len(groups[key])} |")

    def ratio(a, b):
        return a / b if a and b else None

    sizes = sorted({k[1] for k in groups if k[0] == "kiemdiem"})
    big, small = (sizes[-1], sizes[0]) if sizes else (None, None)
    base_n = next((k[1] for k in groups if k[0] == "baseline"), None)
    k1 = ("kiemdiem", big, 1)
    k2 = ("kiemdiem", big, 2)
    floor = ("floor", big, 1)
    floor_parts = ("floor-parts", big, 1)
    lines = []

    def target(name, value, goal, fmt, ok):
        if value is None:
            lines.append(f"| {name} | – | {goal} | not measured |")
        else:
            reached = "–" if goal == "–" else ("yes" if ok(value) else "NO")
            lines.append(f"| {name} | {fmt.format(value)} | {goal} | {reached} |")

    best = max(filter(None, [rate(k1), rate(k2)]), default=None)
    target(f"kiemdiem / baseline (best kiemdiem at {big:,} vs baseline at {base_n:,}, wall)" if big else "kiemdiem / baseline",
           ratio(best, rate(("baseline", base_n, 1))), "≥ 25×", "{:.1f}×", lambda v: v >= 25)
    target("kiemdiem / baseline, 1 worker, per CPU-s", ratio(cpu_rate(k1), cpu_rate(("baseline", base_n, 1))),
           "≥ 25×", "{:.1f}×", lambda v: v >= 25)
    target("kiemdiem 1 worker / floor, wall", ratio(rate(k1), rate(floor)), "≥ 60 %", "{:.0%}", lambda v: v >= 0.6)
    target("kiemdiem / floor, per CPU-s (per core)", ratio(cpu_rate(k1), cpu_rate(floor)), "≥ 60 %", "{:.0%}",
           lambda v: v >= 0.6)
    target("kiemdiem / floor of all parts, per CPU-s (not a target: for scale)", ratio(cpu_rate(k1), cpu_rate(floor_parts)),
           "–", "{:.0%}", lambda v: True)
    target(f"2 workers / 1 worker at {big:,}" if big else "2 workers / 1 worker", ratio(rate(k2), rate(k1)),
           "≥ 1.7×", "{:.2f}×", lambda v: v >= 1.7)
    for w in sorted({k[2] for k in groups if k[0] == "reference"}):
        target(f"kiemdiem / reference {reference} at {big:,}, {w} worker{'s' if w > 1 else ''}, wall (same run)",
               ratio(rate(("kiemdiem", big, w)), rate(("reference", big, w))), "≥ 0.90", "{:.2f}×", lambda v: v >= 0.9)
    for w in sorted({k[2] for k in groups if k[0] == "kiemdiem"}):
        if big == small:
            target(f"peak RSS at {big:,}, {w} worker{'s' if w > 1 else ''}", med(("kiemdiem", big, w), "rss_kb") / 1024,
                   "< 150 MB", "{:.1f} MB", lambda v: v < 150)
            continue
        rss_big, rss_small = med(("kiemdiem", big, w), "rss_kb"), med(("kiemdiem", small, w), "rss_kb")
        target(f"peak RSS {big:,} / {small:,}, {w} worker{'s' if w > 1 else ''}", ratio(rss_big, rss_small),
               "≤ 1.10", "{:.2f}", lambda v: v <= 1.10)
        target(f"peak RSS at {big:,}, {w} worker{'s' if w > 1 else ''}", rss_big and rss_big / 1024, "< 150 MB",
               "{:.1f} MB", lambda v: v < 150)
    print()
    print("| ratio | measured | target | reached |")
    print("|---|---:|---|---|")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
