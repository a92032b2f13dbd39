#!/usr/bin/env python3
"""Records how CPython's re (what Django runs CORS regexes on) behaves on a hostile input per pattern.

For each pattern: re.match against the hostile input, stopped by SIGALRM after LIMIT seconds (sre
checks for signals while it backtracks). A pattern is "catastrophic" when the match does not finish
within the limit on an input of 30 repeated characters: a linear or polynomial match of such an
input takes microseconds. Output: python_backtracking.json beside this script, read by
NestedRepetitionTests. Re-run: python3 record_python_backtracking.py
"""
import json
import pathlib
import re
import signal
import sys
import time

LIMIT = 3
RUN = 30

# (pattern, hostile input, expected to be found by the check: "found" | "safe" | "known-miss")
CASES = [
    (r"^https://(a+)+\.example\.com$", "https://" + "a" * RUN + "!", "found"),
    (r"^https://(\w+\s?)*\.example\.com$", "https://" + "a" * RUN + "!", "found"),
    (r"^https://([a-z0-9]+-?)+\.example\.com$", "https://" + "a" * RUN + "!", "found"),
    (r"^https://(?:(x+))+y$", "https://" + "x" * RUN, "found"),
    (r"^https://(a+|b)+c$", "https://" + "a" * RUN, "found"),
    (r"^https://(?P<sub>[a-z]+)*\.example\.com$", "https://" + "a" * RUN + "!", "found"),
    (r"^https://(a+){2,}c$", "https://" + "a" * RUN, "found"),
    (r"^https://([a-z0-9-]+\.)+example\.com$", "https://" + "a" * RUN + "!", "safe"),
    (r"^https://([a-z0-9-]+\.)+example\.com$", "https://" + "a." * RUN + "!", "safe"),
    (r"^https://(\w+\.)*example\.com$", "https://" + "a" * RUN + "!", "safe"),
    (r"^https://(ab+)+$", "https://" + "a" + "b" * RUN + "!", "safe"),
    (r"^https://(a+b+)+$", "https://" + "ab" * RUN + "!", "safe"),
    (r"^https://[a-z0-9-]+\.example\.com$", "https://" + "a" * RUN + "!", "safe"),
    (r"^https://(app|api|www)\.example\.com$", "https://" + "a" * RUN + "!", "safe"),
    (r"^https://(\d{1,3}\.){3}\d{1,3}$", "https://" + "1" * RUN + "!", "safe"),
    (r"^/api/(v[0-9]+/)*items/$", "/api/" + "v1/" * RUN + "!", "safe"),
    # Shapes the check deliberately does not look for (its summary says why): recorded so the
    # limitation is measured, not assumed.
    (r"^https://(x+x+)+y$", "https://" + "x" * RUN, "known-miss"),
    (r"^https://(a|aa)+c$", "https://" + "a" * RUN, "known-miss"),
]


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def main():
    signal.signal(signal.SIGALRM, on_alarm)
    rows = []
    for pattern, hostile, expected in CASES:
        compiled = re.compile(pattern)
        start = time.perf_counter()
        signal.alarm(LIMIT)
        try:
            matched = compiled.match(hostile) is not None
            finished = True
        except Timeout:
            matched = None
            finished = False
        finally:
            signal.alarm(0)
        elapsed = time.perf_counter() - start
        rows.append({
            "pattern": pattern,
            "hostile": hostile,
            "expected": expected,
            "catastrophic": not finished,
            "matched": matched,
            "seconds": round(elapsed, 3),
        })
        print(f"{'CATASTROPHIC' if not finished else 'finished':12} {elapsed:7.3f}s  {expected:10} {pattern}", file=sys.stderr)
    out = pathlib.Path(__file__).with_name("python_backtracking.json")
    out.write_text(json.dumps({"python": sys.version.split()[0], "limit_seconds": LIMIT, "cases": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
