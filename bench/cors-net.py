#!/usr/bin/env python3
"""Reads BenchmarkDotNet's CSV for CorsMiddlewareBenchmarks and prints, per request shape, each
middleware's own cost (its time minus the harness floor) and how many times faster ours is than
ASP.NET Core's by that measure. Called by bench/run.sh; the figures come from the run, not by hand."""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bdn_csv import rows as read_rows

rows = {}
for (headers, case, method), (mean, _, _) in read_rows(sys.argv[1], ("Headers", "Case")).items():
    rows.setdefault((headers, case), {})[method] = mean

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
