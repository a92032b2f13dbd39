#!/usr/bin/env python3
"""Prints issue 16's targets (huge origin lists, ReDoS) with the measured figures and a computed
verdict, from the reports of the last bench/run.sh (OriginCountBenchmarks, HostileOriginBenchmarks,
NearMissHintBenchmarks) and docs/benchmarks.origins.json (the last bench/origin-build.sh). Called
by bench/run.sh: nothing in this table is typed by hand."""
import glob, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bdn_csv import rows

results = sys.argv[1] if len(sys.argv) > 1 else "BenchmarkDotNet.Artifacts/results"


def load(pattern, keys):
    files = glob.glob(os.path.join(results, pattern))
    return rows(files[0], keys) if files else {}


def verdict(ok):
    return "**met**" if ok else "**not met**"


def us(ns):
    return f"{ns / 1000:.2f} µs" if ns < 1e6 else f"{ns / 1e6:.1f} ms"


out = ["| Target | Measured | Verdict |", "|---|---|---|"]

build_path = "docs/benchmarks.origins.json"
if os.path.exists(build_path):
    after = json.load(open(build_path))["runs"].get("after")
    row = next((r for r in (after or {}).get("rows", []) if r["origins"] == 100_000), None)
    if row and row["seconds"]:
        s, mb = max(row["seconds"]), max(row["peak_kb"]) / 1024
        out.append(f"| 100,000 origins build in < 60 s and < 1 GB (compiler process) | slowest of {len(row['seconds'])} builds: {s:.1f} s, peak {mb:.0f} MB (bench/origin-build.sh) | {verdict(s < 60 and mb < 1024)} |")
    elif row:
        out.append("| 100,000 origins build in < 60 s and < 1 GB (compiler process) | did not finish | **not met** |")

count = load("*OriginCountBenchmarks-report.csv", ("Origins", "Case"))
if count:
    cells, flat = [], True
    for case in ("Configured", "OtherSpelling", "Refused"):
        series = [count.get((str(n), case, "frozen dictionary")) for n in (10, 1000, 100000)]
        if all(series):
            lo, hi = min(r[0] for r in series), max(r[0] for r in series)
            # Flat: the largest list costs at most 1.5x the smallest, and allocates nothing more.
            flat &= hi <= 1.5 * lo and series[2][1] <= series[0][1]
            cells.append(f"{case}: " + " / ".join(f"{r[0]:.0f} ns" for r in series))
    out.append(f"| Per-request origin decision flat from 10 to 100,000 origins (frozen dictionary; 10 / 1,000 / 100,000) | {'; '.join(cells)} | {verdict(flat)} |")

hostile = load("*HostileOriginBenchmarks-report.csv", ("Case",))
if hostile:
    bt = hostile.get(("HostileNested", "backtracking (compiled, 100 ms timeout)"))
    nb = hostile.get(("HostileNested", "linear-time (NonBacktracking)"))
    if bt and nb:
        out.append(f"| A hostile Origin against `(a+)+` costs a request a few µs (≤ 10 µs) | linear-time engine {us(nb[0])} vs backtracking {us(bt[0])} = {bt[0] / nb[0]:,.0f}x less | {verdict(nb[0] <= 10_000)} |")
    typical = [(c, hostile.get((c, "backtracking (compiled, 100 ms timeout)")), hostile.get((c, "linear-time (NonBacktracking)"))) for c in ("TypicalAllowed", "TypicalRefused")]
    cells = [f"{c}: {l[0]:.0f} ns vs {b[0]:.0f} ns (x{l[0] / b[0]:.2f})" for c, b, l in typical if b and l]
    if cells:
        out.append(f"| What the linear-time engine costs a typical pattern (whole request, NonBacktracking vs compiled backtracking) | {'; '.join(cells)} | reported |")

hint = load("*NearMissHintBenchmarks-report.csv", ("Origins", "Case"))
if hint:
    series = [hint.get((str(n), "PortDiffers", "near-miss hint (Debug log only)")) for n in (10, 1000, 100000)]
    if all(series):
        flat = series[2][0] <= 2 * series[0][0]
        out.append(f"| Nearest-origin hint stays cheap at 100,000 origins (port differs; 10 / 1,000 / 100,000) | " + " / ".join(us(r[0]) for r in series) + f" | {verdict(flat)} |")

print("\n".join(out))
