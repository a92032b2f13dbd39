#!/usr/bin/python3
"""Records what CPython's re.match answers for a corpus of patterns and inputs: the reference
for RegexEngineDifferentialTests, which checks that the translated patterns answer the same on
.NET's backtracking engine and on its linear-time engine (RegexOptions.NonBacktracking).

Run with Debian's python (the interpreter the Django oracle runs on):
    /usr/bin/python3 tests/Runtime.Tests/Fixtures/regex/record_python_match.py > tests/Runtime.Tests/Fixtures/regex/python_match.json

The corpus: origin and URL regexes as projects write them, the classic ReDoS shapes (kept short
enough for Python's own backtracking), patterns where leftmost-first alternation, lazy
quantifiers and empty loop iterations choose a different match than leftmost-longest would,
anchors around a final newline, flags, counted repetitions, classes, and constructs only the
backtracking engine runs. Each pattern gets its hand-picked inputs plus seeded random strings
over its own characters, so the output is the same on every run.
"""
import json
import random
import re
import sys

CORPUS = [
    # Origin regexes as written in real settings files.
    (r"^https://\w+\.example\.com$", ["https://app.example.com", "https://app.example.com.evil.net", "https://.example.com", "https://a_b.example.com\n", "https://é.example.com"]),
    (r"^https?://(.*\.)?example\.com$", ["https://example.com", "http://a.b.example.com", "https://evilexample.com", "https://x.example.com:80"]),
    (r"^https://[a-z0-9-]+\.example\.(com|org)$", ["https://a-1.example.org", "https://A.example.com", "https://a.example.net"]),
    (r"^http://localhost:\d+$", ["http://localhost:3000", "http://localhost:", "http://localhost:3000\n", "http://localhost:٣٠٠٠"]),
    (r"^https://(www\.)?example\.com(:\d+)?$", ["https://www.example.com:8443", "https://wwwexample.com", "https://example.com:"]),
    (r"^https://.*\.vercel\.app$", ["https://my-app-git-main.vercel.app", "https://vercel.app", "https://a.vercel.app.evil"]),
    (r"^https://deploy-preview-\d+--site\.netlify\.app$", ["https://deploy-preview-12--site.netlify.app", "https://deploy-preview---site.netlify.app"]),
    (r"^null$", ["null", "null\n", "NULL", "nul"]),
    (r"https://a\.com", ["https://a.com", "https://a.com.evil", "xhttps://a.com"]),
    # URL regexes (CORS_URLS_REGEX).
    (r"^/api/.*$", ["/api/", "/api/x\n", "/api/x\ny", "/apix"]),
    (r"^/(api|auth)/", ["/auth/token/", "/authz/", "/api"]),
    (r"^.*$", ["", "/x", "/x\n", "/x\ny"]),
    (r"^/api/v[12]/", ["/api/v1/", "/api/v3/"]),
    # ReDoS shapes (short inputs: Python itself backtracks).
    (r"^https://(a+)+\.example\.com$", ["https://aaaa.example.com", "https://" + "a" * 16 + "!", "https://.example.com"]),
    (r"^(a|a)*$", ["", "aaaa", "a" * 16 + "b"]),
    (r"^(a|aa)+$", ["aaaaa", "a" * 16 + "b"]),
    (r"^(.*a){3}$", ["aaa", "xaxaxa", "xaxax", "a" * 12 + "b"]),
    (r"^(\w+\s?)*$", ["ab cd ef", "ab  cd", "a" * 14 + "!"]),
    (r"^([a-z]+)*\.com$", ["abc.com", "a" * 14 + "!"]),
    (r"^(x+x+)+y$", ["xxy", "x" * 14]),
    (r"^(a?){8}a{8}$", ["a" * 8, "a" * 16, "a" * 7]),
    # Leftmost-first alternation, lazy quantifiers, empty iterations: the match differs from
    # leftmost-longest, whether there is one must not.
    (r"^(a|ab)(c|bcd)(d*)$", ["abcd", "abc", "acd", "abcdd"]),
    (r"^(ab|a)c", ["ac", "abc", "abbc"]),
    (r"a|ab", ["ab", "b", "ba"]),
    (r"^(?:a|ab)$", ["a", "ab", "abb"]),
    (r"^(a*)(a*)b", ["aab", "b", "aa"]),
    (r"^(a*?)b", ["aab", "b", "ac"]),
    (r"^.*?$", ["", "abc", "a\nb"]),
    (r"^a+?$", ["a", "aaa", "aab"]),
    (r"^(a+?)b", ["aab", "b"]),
    (r"^(a*)*$", ["", "aaa", "aab"]),
    (r"^(a|)*b$", ["b", "aab", "aac"]),
    (r"^(?:a?)*?b", ["b", "aab", "ac"]),
    (r"^(a*)+$", ["", "a", "ab"]),
    (r"^(?:$|a)*$", ["", "aaa", "ab"]),
    # Anchors and the final newline.
    (r"^a$", ["a", "a\n", "a\n\n", "ab"]),
    (r"^a\Z", ["a", "a\n"]),
    (r"(?m)^b$", ["b", "a\nb", "b\nc"]),
    (r"\bfoo\b", ["foo", "foo bar", "foobar"]),
    (r"^\B", ["", "a", " "]),
    (r"^$", ["", "\n", "a"]),
    (r"", ["", "a"]),
    (r"^a|b$", ["a", "xb", "xb\n", "x"]),
    (r"a^", ["a", ""]),
    (r"$a", ["a", ""]),
    # Flags.
    (r"(?i)^HTTPS://EXAMPLE\.COM$", ["https://example.com", "HTTPS://Example.Com"]),
    (r"(?s)^a.b$", ["a\nb", "axb"]),
    (r"(?x) ^ a b c $  # comment", ["abc", "a b c"]),
    (r"^(?i:ab)c$", ["ABc", "abC"]),
    (r"(?m)^https://a\.t$", ["https://a.t\nx", "x\nhttps://a.t"]),
    # Counted repetitions.
    (r"^a{2,4}$", ["a", "aa", "aaaa", "aaaaa"]),
    (r"^(?:ab){2,}$", ["abab", "ab", "ababab"]),
    (r"^a{,3}$", ["", "aaa", "aaaa"]),
    (r"^a{3}$", ["aaa", "aa"]),
    (r"^[a-c]{2}x{0,2}$", ["abxx", "ab", "abxxx"]),
    (r"^(?:[a-z]{1,3}\.){2}com$", ["ab.cd.com", "abcd.e.com"]),
    # Classes.
    (r"^[^a-z]+$", ["ABC", "aBC", "\n"]),
    (r"^[\d\s]+$", ["1 2\n3", "1a"]),
    (r"^[\w.-]+@[\w.-]+$", ["a.b@c-d.e", "a@b@c"]),
    (r"^[]a]+$", ["]a]", "b"]),
    (r"^\w+$", ["é", "中文", "_", "١", "a-b"]),
    (r"^\d+$", ["١٢", "12", "½"]),
    # Constructs only the backtracking engine runs (refused by NonBacktracking).
    (r"^https://(?!admin\.)\w+\.example\.com$", ["https://app.example.com", "https://admin.example.com"]),
    (r"^https://\w+(?<!-)\.example\.com$", ["https://a.example.com", "https://a-.example.com"]),
    (r"^https://(?P<w>\w)(?P=w)\.t$", ["https://aa.t", "https://ab.t"]),
    (r"^(a)\1$", ["aa", "ab"]),
    (r"^https://(?>a+)\.t$", ["https://aa.t", "https://.t"]),
    (r"^(a)?(?(1)b|c)$", ["ab", "c", "b"]),
]


def random_inputs(pattern, given, rng, count=40):
    alphabet = sorted({c for c in pattern + "".join(given) if c.isprintable() or c == "\n"} | set("ab.\n"))
    out = []
    for _ in range(count):
        n = rng.randint(0, 12)
        out.append("".join(rng.choice(alphabet) for _ in range(n)))
    # Variants of the given inputs: one character dropped, doubled or replaced.
    for s in given:
        if s:
            i = rng.randrange(len(s))
            out.append(s[:i] + s[i + 1:])
            out.append(s[:i] + s[i] + s[i:])
            out.append(s[:i] + rng.choice(alphabet) + s[i + 1:])
    return out


def main():
    rng = random.Random(1604)
    records = []
    for pattern, given in CORPUS:
        inputs = list(given) + random_inputs(pattern, given, rng)
        inputs = list(dict.fromkeys(inputs))
        try:
            rx = re.compile(pattern)
        except re.error as e:
            records.append({"pattern": pattern, "error": str(e)})
            continue
        records.append({"pattern": pattern, "inputs": inputs, "matches": [rx.match(s) is not None for s in inputs]})
    json.dump({"python": sys.version.split()[0], "records": records}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
