#!/usr/bin/env python3
"""Reads BenchmarkDotNet's CSV for CorsMiddlewareBenchmarks and prints, per request shape, each
middleware's own cost (its time minus the harness floor) and how many times faster ours is than
ASP.NET Core's by that measure. Called by bench/run.sh; the figures come from the run, not by hand."""
import csv, sys

UNITS = {"ns": 1.0, "μs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}

def ns(text):
    value, unit = text.replace(",", "").split()
    return float(value) * UNITS[unit]

rows = {}
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r.get("Mean", "NA") in ("NA", ""):
            continue
        key = (r.get("Headers", ""), r["Case"])
        rows.setdefault(key, {})[r["Method"].strip("'")] = ns(r["Mean"])

print("| Headers | Case | floor (ns) | ASP.NET Core own cost (ns) | ours own cost (ns) | ours faster by |")
print("|---|---|---:|---:|---:|---:|")
for key in sorted(rows):
    headers, case = key
    m = rows[key]
    try:
        floor, asp, ours = m["no CORS (harness floor)"], m["ASP.NET Core UseCors"], m["DjangoCors"]
    except KeyError:
        continue
    a, o = asp - floor, ours - floor
    speedup = f"{a / o:.2f}x" if o > 0 else "n/a (below floor noise)"
    print(f"| {headers} | {case} | {floor:.0f} | {a:.0f} | {o:.0f} | {speedup} |")
