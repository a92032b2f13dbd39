#!/usr/bin/env python3
"""Prints issue 13's and issue 14's speed targets with the measured figures and a computed verdict,
from the reports of the last bench/run.sh (DjangoMiddlewareBenchmarks, ThrottleBenchmarks). Called by
bench/run.sh: nothing in this table is typed by hand.

Issue 13: the composed pipeline (UseDjangoMiddleware) not slower than ASP.NET Core's HostFiltering +
Hsts + a header middleware doing the same work, and 0 B allocated per request beyond the harness
(the "routing only (floor)" row: routing, the endpoint and the response start every row pays).
Issue 14: DRF's AnonRateThrottle on the in-process store not slower than ASP.NET Core's partitioned
sliding-window rate limiter (the Redis store's one round trip per request is a test, not a benchmark:
tests/Scaleout.Tests/Throttling/RedisThrottleStoreTests counts EVAL/EVALSHA calls)."""
import glob, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bdn_csv import rows

RESULTS = sys.argv[1] if len(sys.argv) > 1 else "BenchmarkDotNet.Artifacts/results"


def load(pattern, keys):
    files = glob.glob(os.path.join(RESULTS, pattern))
    return rows(files[0], keys) if files else {}


def verdict(ok):
    return "**met**" if ok else "**not met**"


out = ["| Target | Case | Measured | Verdict |", "|---|---|---|---|"]
mw = load("*DjangoMiddlewareBenchmarks-report.csv", ("Case", "Headers"))
if mw:
    for case in ("Allowed", "Subdomain", "UnsizedBody", "Disallowed"):
        for headers in ("Kestrel", "HeaderDictionary"):
            asp = mw.get((case, headers, "ASP.NET Core HostFiltering+Hsts+headers"))
            ours = mw.get((case, headers, "UseDjangoMiddleware"))
            floor = mw.get((case, headers, "routing only (floor)"))
            if not (asp and ours and floor):
                continue
            ratio = ours[0] / asp[0]
            # Allocation beyond the harness: the floor's own bytes are the routing harness's.
            extra = max(0.0, ours[1] - floor[1])
            out.append(f"| pipeline not slower than ASP.NET Core's (ratio <= 1) | {case}, {headers} | {ours[0]:.0f} ns vs {asp[0]:.0f} ns: {ratio:.2f}x | {verdict(ratio <= 1.0)} |")
            out.append(f"| 0 B per request beyond the harness | {case}, {headers} | {extra:.0f} B (floor {floor[1]:.0f} B) | {verdict(extra == 0)} |")
th = load("*ThrottleBenchmarks-report.csv", ("Clients", "Outcome"))
if th:
    for clients in ("1", "10000"):
        for outcome in ("Allowed", "Refused"):
            asp = th.get((clients, outcome, "ASP.NET Core rate limiter (sliding window, per address)"))
            ours = th.get((clients, outcome, "DRF AnonRateThrottle (LocMem store)"))
            if not (asp and ours):
                continue
            ratio = ours[0] / asp[0]
            out.append(f"| throttle check not slower than ASP.NET Core's rate limiter (ratio <= 1) | {clients} client(s), {outcome} | {ours[0]:.1f} ns vs {asp[0]:.1f} ns: {ratio:.2f}x; {ours[1]:.0f} B vs {asp[1]:.0f} B | {verdict(ratio <= 1.0)} |")
if len(out) == 2:
    out.append("| (no DjangoMiddlewareBenchmarks or ThrottleBenchmarks report in this run) | | | |")
print("\n".join(out))
