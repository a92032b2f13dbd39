"""Reading BenchmarkDotNet's CSV reports (shared by bench/cors-net.py and bench/targets.py)."""
import csv

UNITS = {"ns": 1.0, "μs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
SIZES = {"B": 1, "KB": 1024, "MB": 1024 * 1024}


def ns(text):
    """A time cell ("1,234.5 ns", "4.3 μs") in nanoseconds."""
    value, unit = text.replace(",", "").split()
    return float(value) * UNITS[unit]


def size(text):
    """An Allocated cell ("-", "336 B", "4.78 KB") in bytes."""
    text = text.strip()
    if text in ("-", "0", "0 B", ""):
        return 0.0
    value, unit = text.replace(",", "").split()
    return float(value) * SIZES[unit]


def rows(path, keys):
    """{(param values..., method): (mean ns, allocated bytes, job)} for every measured row."""
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r.get("Mean", "NA") in ("NA", ""):
                continue
            key = tuple(r.get(k, "") for k in keys) + (r["Method"].strip("'"),)
            out[key] = (ns(r["Mean"]), size(r.get("Allocated", "-")), r.get("Job", ""))
    return out
