#!/usr/bin/env python3
"""Records how the real Django stack (../shared/oracle) treats each regression settings file.

    python3 record_oracle.py            # from this folder, with ../shared beside the repository

For every *.settings file here whose header does not say "not standalone", runs the oracle's
dump_settings.py --4x (Django 3.2, django-cors-headers 3.14, simplejwt 5.2.2, Debian's python3 with
python3-decouple and python3-django-environ), writes its output to expected/NAME.json, and rewrites
the file's "# oracle-exec:" header line from the result: "ok" when Django loads the file and its
system checks pass, "fails: <check ids>" when they do not, "does not load: <exception>" otherwise.
The corpus budget test (CorpusBudgetTests) reads that line; nothing in it is typed by hand.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "oracle", "dump_settings.py"))
PREFIX = "# oracle-exec:"


def header_line(result, stderr):
    checks = [c["id"] for c in result.get("checks", [])]
    ignored = sorted({line.split(" from ")[0].split("oracle: ")[1] for line in stderr.splitlines() if "ignored (structural setting)" in line})
    text = "ok (`manage.py check` passes with the oracle's Django 3.2 / django-cors-headers 3.14)" if not checks else "fails: " + ", ".join(checks)
    if ignored:
        text += "; the oracle keeps its own " + ", ".join(ignored) + " (structural settings)"
    return text


def main():
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    for name in sorted(os.listdir(HERE)):
        if not name.endswith(".settings"):
            continue
        path = os.path.join(HERE, name)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        index = next(i for i, line in enumerate(lines[:5]) if line.startswith(PREFIX))
        if lines[index].startswith(PREFIX + " not standalone"):
            continue
        run = subprocess.run([sys.executable, ORACLE, "--4x", name], cwd=HERE, capture_output=True, text=True)
        expected = os.path.join(HERE, "expected", name[: -len(".settings")] + ".json")
        if run.returncode == 0:
            result = json.loads(run.stdout)
            with open(expected, "w", encoding="utf-8") as f:
                f.write(run.stdout)
            lines[index] = PREFIX + " " + header_line(result, run.stderr)
        else:
            last = [line for line in run.stderr.splitlines() if line.strip()][-1:] or ["unknown error"]
            lines[index] = PREFIX + " does not load: " + last[0].strip()
            if os.path.exists(expected):
                os.remove(expected)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        print(name + ": " + lines[index][len(PREFIX) + 1:])


if __name__ == "__main__":
    main()
