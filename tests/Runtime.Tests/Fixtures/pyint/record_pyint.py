#!/usr/bin/python3
"""Records how Django turns a user id claim into an integer primary key, for PythonIntTests.

Run with Debian's python (python3-django 3.2):
    /usr/bin/python3 tests/Runtime.Tests/Fixtures/pyint/record_pyint.py > tests/Runtime.Tests/Fixtures/pyint/pyint.json

JWTAuthentication.get_user filters on USER_ID_FIELD; for Django's default AutoField the ORM runs
AutoField.get_prep_value, which is Python's int() for a str (and for an int). The file holds:
  cases:      [text, result]: result is the integer as decimal text, or null where Django raises
              (ValueError/TypeError: a 500 in Django, a 401 in the port)
  digits:     [code point, value] for every code point int() reads as a decimal digit
  spaces:     every code point int() skips around the number
  unassigned: [first, last] ranges that this Python's Unicode database does not assign (a newer
              .NET Unicode database may know digits there that this Python does not)
"""
import json
import random
import sys
import unicodedata

import django
from django.conf import settings

settings.configure()
django.setup()

from django.db import models  # noqa: E402

FIELD = models.AutoField(primary_key=True)


def prep(text):
    try:
        value = FIELD.get_prep_value(text)
    except (ValueError, TypeError):
        return None
    return str(value)


def code_points():
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        yield cp


digits = []
spaces = []
for cp in code_points():
    ch = chr(cp)
    if prep(ch) is not None:
        digits.append([cp, int(prep(ch))])
    if prep(ch + "7" + ch) == "7":
        spaces.append(cp)

unassigned = []
start = None
for cp in range(0x110001):
    cn = cp <= 0x10FFFF and not (0xD800 <= cp <= 0xDFFF) and unicodedata.category(chr(cp)) == "Cn"
    if cn and start is None:
        start = cp
    elif not cn and start is not None:
        unassigned.append([start, cp - 1])
        start = None

FIXED = [
    "1", "0", "-0", "+0", "01", "007", " 1 ", "\t1\n", "\x0b1\x0c", "\r1\r", "+1", "-1", "- 1", "+ 1", "1 2",
    "1\x00", "\x001", "1\x00\x00", "1\x1c", "\x1f1", "1\x7f", "\x851\x85", "\xa01\xa0", "\u20281\u2029",
    "\u30001\u3000", "1\u200b", "\ufeff1", "1_000", "1__0", "_1", "1_", "0_1", "+_1", "-_1", "1_ ", " _1",
    "", " ", "+", "-", "_", "0x10", "0o7", "0b1", "1e3", "1.0", "1.", ".1", "1j", "inf", "nan",
    "\u0661", "\u0661\u0662", "\u0663_\u0663", "\uff11\uff12", "\U0001d7cf", "\u00b2", "\u2460", "\u216b", "\u4e00",
    "\u0b6f", "\u07c0", "1\u0661", "-\u0661", "\u2212" "1", "\uff0b1", "\uff0d1",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
    "18446744073709551616", "1" + "0" * 30, "0" * 30 + "1", "9" * 4300, "9" * 4301,
    "0" * 4299 + "1", "0" * 4300 + "1", "1" + "_0" * 4299, "1" + "_0" * 4300,
]

rng = random.Random(16)
ALPHABET = ["0", "1", "5", "9", "_", "+", "-", " ", "\t", "\x00", "\xa0", "\u0663", "\uff15", "\U0001d7d7",
            "\u3000", "\x1c", "a", ".", "\u200b"]
generated = []
for _ in range(3000):
    generated.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 8))))
# Mostly well-formed numbers with noise at the edges.
for _ in range(1000):
    body = "_".join(str(rng.randint(0, 10 ** rng.randint(1, 7))) for _ in range(rng.randint(1, 3)))
    generated.append(rng.choice(["", " ", "+", "-", "\xa0", "\x00"]) + body + rng.choice(["", " ", "\n", "\x00", "_", "\u3000"]))

cases = [[text, prep(text)] for text in dict.fromkeys(FIXED + generated)]

json.dump({
    "python": sys.version.split()[0],
    "django": django.get_version(),
    "unicode": unicodedata.unidata_version,
    "cases": cases,
    "digits": digits,
    "spaces": spaces,
    "unassigned": unassigned,
}, sys.stdout, ensure_ascii=True, separators=(",", ":"))
sys.stdout.write("\n")
