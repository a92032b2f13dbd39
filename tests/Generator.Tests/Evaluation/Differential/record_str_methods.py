#!/usr/bin/env python3
"""Records what CPython's str methods return for a generated table of receivers x methods x
arguments, as the expectations of StrMethodDifferentialTests.

    /usr/bin/python3 record_str_methods.py > str_methods.json

Each case is the Python expression (written with repr(), so it is valid source) and its outcome:
the result as typed JSON ({"str": ...}, {"list": [...]}, {"int": ...}, {"bool": ...},
{"tuple": [...]}, {"bytes": [...]}) or the exception type Python raised ({"error": "ValueError"}).
Nothing here is typed by hand: rerun the script to re-record (Debian's python3, 3.11).
"""
import json
import sys

RECEIVERS = [
    "", "abc", "a,b,,c", "  a b  ", "Hello World", "hello world", "MiXeD cAsE", "it's a test",
    "a\tb\nc\r\nd", "line1\nline2\n", "\r\n\r\n", "x", "ab12", "123", "-42", "+7", "1_000", " 42 ",
    "http://localhost:3000, https://example.com ,", "one  two\u00a0three", "\x1c a \x1f",
    "\u2003em\u2003", "a\u2028b\u2029c", "a\x0bb\x0cc\x85d", "ß", "straße", "ǅungla dž", "İstanbul", "ΣΑΣ", "ﬁle",
    "été", "²³", "٣٤", "Ⅻ", "tab\there", "CORS_ALLOWED_ORIGINS", "x-csrftoken", "aaa", "abab", "a\U0001F600b,c",
]

# (method, list of argument tuples) -- keyword arguments are written as ("kw", name, value).
ARGS = {
    "split": [(), (None,), (",",), (", ",), ("",), (",", 1), (None, 1), (",", -1), (",", 0), (("kw", "sep", ","),), (("kw", "maxsplit", 1),), ("a",), ("ab",), (1,)],
    "rsplit": [(), (None,), (",",), (",", 1), (None, 1), (None, 0), ("",), ("a",)],
    "strip": [(), (None,), ("a",), ("",), (" ,",), ("ab",), (1,)],
    "lstrip": [(), (" a",), (None,)],
    "rstrip": [(), ("\n",), (",",)],
    "lower": [()],
    "upper": [()],
    "casefold": [()],
    "capitalize": [()],
    "title": [()],
    "swapcase": [()],
    "replace": [("", "-"), ("a", "b"), ("a", "b", 1), ("", "-", 2), ("", "-", 0), ("", "-", -1), ("ab", ""), ("a", "xyz", -1), ("x", 1), ("a", "b", "1")],
    "startswith": [("a",), (("a", "H"),), ("",), (1,), ("b", 1), ("a", 0, 1), ("", 5), (("x", "y"),), ("h", -5)],
    "endswith": [("c",), (("c", "d"),), ("",), ("b", 0, 2), ("d", -2)],
    "join": [(["a", "b"],), ([],), ("xyz",), ([1, 2],), (("p", "q"),)],
    "find": [("a",), ("",), ("zz",), ("a", 1), ("a", -3), ("b", 1, 2), (1,)],
    "rfind": [("a",), ("",), ("zz",), ("a", 0, 2)],
    "index": [("a",), ("zz",), ("",)],
    "rindex": [("a",), ("zz",)],
    "count": [("a",), ("",), ("ab",), ("a", 1), ("a", 0, 2), ("", 1, 3), (1,)],
    "removeprefix": [("a",), ("",), ("ab",)],
    "removesuffix": [("c",), ("",), ("bc",)],
    "isdigit": [()], "isdecimal": [()], "isnumeric": [()], "isalpha": [()], "isalnum": [()],
    "isspace": [()], "islower": [()], "isupper": [()], "istitle": [()], "isascii": [()],
    "isidentifier": [()], "isprintable": [()],
    "zfill": [(5,), (0,), (-1,), (2,)],
    "center": [(9,), (9, "*"), (2,), (8, "-")],
    "ljust": [(6,), (6, "."), (1,)],
    "rjust": [(6,), (6, "."), (1,)],
    "partition": [(",",), ("zz",), ("",)],
    "rpartition": [(",",), ("zz",)],
    "splitlines": [(), (True,), (("kw", "keepends", True),)],
    "expandtabs": [(), (4,), (0,)],
    "encode": [(), ("utf-8",)],
    "format": [(), (1, 2), (("kw", "x", 1),)],
}


def source(value):
    return repr(value)


def call_source(receiver, method, args):
    parts = []
    for a in args:
        if isinstance(a, tuple) and len(a) == 3 and a[0] == "kw":
            parts.append(a[1] + "=" + source(a[2]))
        else:
            parts.append(source(a))
    return source(receiver) + "." + method + "(" + ", ".join(parts) + ")"


def typed(value):
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": value}
    if isinstance(value, str):
        return {"str": value}
    if isinstance(value, bytes):
        return {"bytes": list(value)}
    if isinstance(value, list):
        return {"list": [typed(v) for v in value]}
    if isinstance(value, tuple):
        return {"tuple": [typed(v) for v in value]}
    raise TypeError("unexpected result type " + type(value).__name__)


def main():
    cases = []
    for method, arg_sets in ARGS.items():
        for receiver in RECEIVERS:
            for args in arg_sets:
                expr = call_source(receiver, method, args)
                try:
                    outcome = typed(eval(expr, {"__builtins__": {}}))
                except Exception as ex:  # the exception type is the expectation
                    outcome = {"error": type(ex).__name__}
                cases.append({"expr": expr, "outcome": outcome})
    # One case per line, so a re-recording diffs line by line.
    sys.stdout.write('{"python": ' + json.dumps(sys.version.split()[0]) + ', "cases": [\n')
    sys.stdout.write(",\n".join(json.dumps(c, ensure_ascii=False) for c in cases))
    sys.stdout.write("\n]}\n")


if __name__ == "__main__":
    main()
