#!/usr/bin/env python3
"""Replays a corpus (probe.py's format) against a server and records, per request, the status,
the headers DRF and Django's locale machinery decide, and the raw body (byte-exact text, JWTs
replaced by <jwt>). Uses probe.py's request machinery (substitution, captures), so the C# tests
can replay the recorded requests exactly.

    record_raw.py BASE_URL CORPUS OUT.jsonl"""
import json
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.environ.get("ORACLE_DIR", "/work/shared/oracle"))
import probe  # noqa: E402

JWT = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*")
KEEP = ("content-type", "content-length", "www-authenticate", "allow", "vary", "retry-after",
        "content-language", "location")


def main(base_url, corpus, out_path):
    base = urllib.parse.urlsplit(base_url)
    env = {}
    with open(out_path, "w", encoding="utf-8") as out:
        for spec in probe.load_corpus(corpus):
            method = spec.get("method", "GET")
            pairs = probe.header_pairs(spec)
            template = None
            if "json" in spec:
                template = json.dumps(spec["json"])
                if not any(n.lower() == "content-type" for n, _ in pairs):
                    pairs.append(("Content-Type", "application/json"))
            elif spec.get("body") is not None:
                template = spec["body"]
            sent_pairs = [(n, probe.substitute(v, env)) for n, v in pairs]
            body = None if template is None else probe.substitute(template, env).encode("utf-8")
            status, headers, raw = probe.send(base, method, probe.substitute(spec["path"], env), sent_pairs, body, 10.0)
            merged = {}
            for n, v in headers:
                n = n.lower()
                merged[n] = merged[n] + ", " + v if n in merged else v
            text = raw.decode("utf-8")
            try:
                parsed = json.loads(text) if text.strip() else None
            except ValueError:
                parsed = None
            for var, field in (spec.get("capture") or {}).items():
                try:
                    env[var] = str(probe.dig(parsed, field))
                except (KeyError, IndexError, TypeError):
                    pass
            rec = {
                "id": spec["id"],
                "method": method,
                "path": spec["path"],
                "request_headers": pairs,
                "request_body": template,
                "capture": spec.get("capture") or {},
                "status": status,
                "headers": {k: merged[k] for k in KEEP if k in merged},
                "body": JWT.sub("<jwt>", text),
            }
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
