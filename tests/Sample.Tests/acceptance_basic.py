#!/usr/bin/env python3
"""Issue 13's acceptance over every recorded settings file: the sample built against each file
(-p:DjangoSettingsFile) answers the oracle's 40 basic corpus requests with every header as Django
did with the file's own MIDDLEWARE and ALLOWED_HOSTS.

    acceptance_basic.py [--only REGEX] [--keep]

Django's answers are the recordings of tests/Runtime.Tests/Fixtures/http/record.py (basic/NAME.jsonl,
probe.py --all-headers --body, ORACLE_USER_MIDDLEWARE=1); the sample's are probed live the same way.
Both go through the documented simplejwt 5.2.2 -> 5.5 deltas (as SimpleJwtVersionDelta does for the
live test), then shared/oracle/compare.py --expect 4x (django-cors-headers 3.14 -> 4.x). Prints
"NAME: N passed, M failed" per file and exits 1 if any request differs. Each file costs a build of
the sample (one to three minutes on a shared machine), so this script is run by hand, as a check of
the real `-p:DjangoSettingsFile` build; CI runs the same comparison for every recorded file in one
build (Sample.Tests/Acceptance/RecordedCorpusAcceptanceTests). docs/middleware.md has the last counts.
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.realpath(os.path.join(HERE, "..", ".."))
BASIC = os.path.join(ROOT, "tests", "Runtime.Tests", "Fixtures", "http", "basic")
SHARED = os.environ.get("DJANGOSETTINGS_SHARED") or os.path.realpath(os.path.join(ROOT, "..", "shared"))
ORACLE = os.path.join(SHARED, "oracle")
PROJECT = os.path.join(ROOT, "samples", "DjangoStyle", "DjangoStyle.csproj")
# probe.py and compare.py run on the interpreter with Debian's Django stack, as the tests run them.
ORACLE_PYTHON = os.environ.get("ORACLE_PYTHON", "/usr/bin/python3")
# DOTNET_RESTORE=1 for a fresh copy of the repository (no obj/ folders yet).
RESTORE = [] if os.environ.get("DOTNET_RESTORE") == "1" else ["--no-restore"]
OLD, NEW = "Token is invalid or expired", "Token is invalid"
# The one request whose answer is not reproduced, as in RecordedCorpusAcceptanceTests: with DEBUG = True
# Django's 404 is its technical page (URL patterns, request details), so its body and Content-Length
# are left out of the comparison (docs/middleware.md, "What the port does not reproduce").
TECHNICAL_PAGE_REQUEST = "get-nonexistent-path"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def delta(path, out, expected_side):
    """simplejwt 5.2.2 -> 5.5: 'Token is invalid' for undecodable tokens; no Content-Length for token bodies."""
    with open(path, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            headers = record["headers"]
            body = json.dumps(record.get("body"), ensure_ascii=False)
            if expected_side and OLD in body:
                n = body.count(OLD)
                record["body"] = json.loads(body.replace(OLD, NEW))
                if "content-length" in headers:
                    headers["content-length"] = str(int(headers["content-length"]) - n * (len(OLD) - len(NEW)))
            if '"<jwt>"' in body:
                headers.pop("content-length", None)
            w.write(json.dumps(record, ensure_ascii=False) + "\n")


def file_env(name):
    """The process environment plus what the sample and Django need for this file (its env.json last)."""
    env = dict(os.environ)
    env.update({"ASPNETCORE_ENVIRONMENT": "Production", "Sample__ClientUrl": "none", "DJANGO_SUPERUSER_USERNAME": "alice",
                "DJANGO_SUPERUSER_PASSWORD": "wonderland-123", "DJANGO_SUPERUSER_EMAIL": "alice@example.com",
                "DJANGO_SECRET_KEY": "h13-acceptance-secret-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                # What the oracle's base settings give a file that reads SECRET_KEY from the environment.
                "SECRET_KEY": "oracle-default-insecure-secret-key-override-me-in-cors-settings"})
    env_file = os.path.join(BASIC, name + ".env.json")
    if os.path.exists(env_file):
        with open(env_file, encoding="utf-8") as f:
            env.update(json.load(f))
    return env


def except_technical_page(expected, actual):
    """Drops body and Content-Length of TECHNICAL_PAGE_REQUEST from both sides when Django's answer is its technical page."""
    with open(expected, encoding="utf-8") as f:
        django = [json.loads(l) for l in f if l.strip()]
    page = next((r.get("body") for r in django if r["id"] == TECHNICAL_PAGE_REQUEST), None)
    if not (isinstance(page, str) and page.startswith("<!DOCTYPE html>")):
        return False
    for path in (expected, actual):
        with open(path, encoding="utf-8") as f:
            records = [json.loads(l) for l in f if l.strip()]
        with open(path, "w", encoding="utf-8") as w:
            for record in records:
                if record["id"] == TECHNICAL_PAGE_REQUEST:
                    record.pop("body", None)
                    record["headers"].pop("content-length", None)
                w.write(json.dumps(record, ensure_ascii=False) + "\n")
    return True


def run_one(name, work):
    settings = os.path.join(BASIC, name + ".settings")
    build = os.path.join(work, name)
    subprocess.run(["dotnet", "build", PROJECT] + RESTORE + ["-nologo", "-v", "q", "-p:DjangoSettingsFile=" + settings,
                    "-p:IntermediateOutputPath=" + os.path.join(build, "obj") + "/", "-o", os.path.join(build, "bin")],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    env = file_env(name)
    content = os.path.join(build, "content")
    os.makedirs(content)
    port = free_port()
    log = open(os.path.join(build, "sample.log"), "w")
    proc = subprocess.Popen(["dotnet", os.path.join(build, "bin", "DjangoStyle.dll"), "--create-superuser-from-env",
                             "--urls", "http://127.0.0.1:%d" % port, "--contentRoot", content],
                            cwd=content, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError("sample exited: see " + log.name)
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.2)
        ours = os.path.join(build, "ours.jsonl")
        subprocess.run([ORACLE_PYTHON, os.path.join(ORACLE, "probe.py"), "http://127.0.0.1:%d" % port, "corpus/basic.json",
                        "--all-headers", "--body", "-o", ours], cwd=ORACLE, check=True, stdout=subprocess.DEVNULL)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    expected, actual = os.path.join(build, "django.delta.jsonl"), os.path.join(build, "ours.delta.jsonl")
    delta(os.path.join(BASIC, name + ".jsonl"), expected, True)
    delta(ours, actual, False)
    excepted = except_technical_page(expected, actual)
    # compare.py --expect 4x evaluates the file with Django (dump_settings.py): it needs the same
    # environment (the sample's cors.settings reads DJANGO_SECRET_KEY; without it every request failed).
    result = subprocess.run([ORACLE_PYTHON, "compare.py", expected, actual, "--expect", "4x", "--settings", settings,
                             "--corpus", "corpus/basic.json"], cwd=ORACLE, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    m = re.search(r"(\d+) passed, (\d+) failed", result.stdout)
    output = ("exception: %s (DEBUG's technical 404 page): body and content-length not compared\n" % TECHNICAL_PAGE_REQUEST if excepted else "") + result.stdout
    return (int(m.group(1)), int(m.group(2))) if m else (0, 40), output


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    names = sorted(f[:-len(".settings")] for f in os.listdir(BASIC) if f.endswith(".settings") and re.search(args.only, f))
    work = tempfile.mkdtemp(prefix="h13-acceptance-")
    failed_any = False
    try:
        for name in names:
            try:
                (passed, failed), output = run_one(name, work)
            except Exception as e:  # a build or start failure counts as every request failing
                (passed, failed), output = (0, 40), str(e)
            print("%s: %d passed, %d failed" % (name, passed, failed), flush=True)
            for line in output.splitlines():
                if line.startswith("exception:"):
                    print("    " + line, flush=True)
            if failed:
                failed_any = True
                print("\n".join("    " + l for l in output.splitlines() if l.startswith(("FAIL", "    "))), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("kept " + work)
    return 1 if failed_any else 0


if __name__ == "__main__":
    sys.exit(main())
