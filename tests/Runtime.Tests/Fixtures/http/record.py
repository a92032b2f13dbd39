#!/usr/bin/env python3
"""Records Django's answers for the HTTP-behaviour fixtures (issue 13). Re-run it to re-record.

    record.py [--shared DIR] [--only REGEX]

1. settings/NAME.settings + corpus/NAME.json -> out/NAME.jsonl
   Served by django/ (the oracle's project plus a few views it lacks: request.body, request.POST,
   request.GET, get_host(), X-Frame-Options decorators, routes with converters), with
   ORACLE_USER_MIDDLEWARE=1 so the file's MIDDLEWARE and ALLOWED_HOSTS apply.
2. The oracle's 40 basic corpus requests (shared/oracle/corpus/basic.json) -> basic/NAME.jsonl
   for the oracle's four settings files, the corpus settings files Django serves
   (shared/corpus/settings, "oracle-exec: ok" and passing checks) and the sample's cors.settings,
   served by the oracle itself (serve.sh) with ORACLE_USER_MIDDLEWARE=1.

Every run uses probe.py --all-headers --body and ORACLE_RENDERERS=json (DRF renders JSON only, as
the existing CORS fixtures do). Servers get free ports and are stopped by PID. Needs Debian's
python3-django stack (see shared/oracle/README.md); python3 >= 3.7 runs this script.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.realpath(os.path.join(HERE, "..", "..", "..", ".."))
DJANGO_PY = os.environ.get("ORACLE_PYTHON", "/usr/bin/python3")
# The sample's settings read these; the oracle needs them set to start.
SAMPLE_ENV = {"DJANGO_SECRET_KEY": "h13-sample-fixture-secret-0f1e2d3c4b5a69788796a5b4c3d2e1f0"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, seconds=90):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def base_env(settings, extra=None):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"),
           "ORACLE_SETTINGS": settings, "ORACLE_USER_MIDDLEWARE": "1", "ORACLE_RENDERERS": "json",
           "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1"}
    env.update(extra or {})
    return env


class ProjectServer:
    """django/ served by runserver, set up like serve.sh does for the oracle."""

    def __init__(self, shared, settings, extra_env=None):
        self.work = tempfile.mkdtemp(prefix="h13-record-")
        self.port = free_port()
        self.env = base_env(settings, extra_env)
        self.env["ORACLE_DB"] = os.path.join(self.work, "db.sqlite3")
        self.env["H13_ORACLE_DJANGOAPP"] = os.path.join(shared, "oracle", "djangoapp")
        self.manage = [DJANGO_PY, os.path.join(HERE, "django", "manage.py")]
        self.proc = None

    def __enter__(self):
        subprocess.run(self.manage + ["migrate", "--noinput", "-v", "0"], env=self.env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(self.manage + ["oracle_seed"], env=self.env, check=True, stdout=subprocess.DEVNULL)
        self.log = open(os.path.join(self.work, "server.log"), "w")
        self.proc = subprocess.Popen(self.manage + ["runserver", "127.0.0.1:%d" % self.port, "--noreload"],
                                     env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        if not wait_port(self.port, self.proc):
            self.__exit__(None, None, None)
            raise RuntimeError("recording server did not start; log in " + self.work)
        return self

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
        shutil.rmtree(self.work, ignore_errors=True)


class OracleServer:
    """shared/oracle/serve.sh SETTINGS PORT, stopped with SIGTERM on its PID (its trap cleans up)."""

    def __init__(self, shared, settings, extra_env=None):
        self.oracle = os.path.join(shared, "oracle")
        self.settings = settings
        self.port = free_port()
        self.env = base_env(settings, extra_env)
        self.proc = None

    def __enter__(self):
        self.proc = subprocess.Popen(["bash", "serve.sh", self.settings, str(self.port)], cwd=self.oracle, env=self.env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("ORACLE READY"):
            err = self.proc.stderr.read()
            self.proc.wait()
            raise RuntimeError("oracle refused %s: %s" % (self.settings, err.strip().splitlines()[-1:] or line))
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def probe(shared, port, corpus, out):
    subprocess.run([sys.executable, os.path.join(shared, "oracle", "probe.py"), "http://127.0.0.1:%d" % port, corpus,
                    "--all-headers", "--body", "-o", out], check=True)


def runnable_corpus_files(shared):
    for path in sorted(os.listdir(os.path.join(shared, "corpus", "settings"))):
        full = os.path.join(shared, "corpus", "settings", path)
        with open(full, encoding="utf-8") as f:
            if any(line.startswith("# oracle-exec: ok") for line in f):
                yield path[: -len(".settings")], full


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("DJANGOSETTINGS_SHARED") or os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--only", help="record only names matching this regex")
    args = ap.parse_args()
    shared = os.path.realpath(args.shared)
    only = re.compile(args.only) if args.only else None

    for path in sorted(os.listdir(os.path.join(HERE, "settings"))):
        name = path[: -len(".settings")]
        if only and not only.search(name):
            continue
        with ProjectServer(shared, os.path.join(HERE, "settings", path)) as server:
            probe(shared, server.port, os.path.join(HERE, "corpus", name + ".json"), os.path.join(HERE, "out", name + ".jsonl"))
        print("recorded out/%s.jsonl" % name)

    basic = os.path.join(shared, "oracle", "corpus", "basic.json")
    os.makedirs(os.path.join(HERE, "basic"), exist_ok=True)
    shutil.copyfile(basic, os.path.join(HERE, "basic", "basic.corpus.json"))
    files = [(f[: -len(".cors.settings")], os.path.join(shared, "oracle", "settings", f), None)
             for f in sorted(os.listdir(os.path.join(shared, "oracle", "settings")))]
    files += [(n, p, None) for n, p in runnable_corpus_files(shared)]
    files.append(("sample", os.path.join(ROOT, "samples", "DjangoStyle", "cors.settings"), SAMPLE_ENV))
    for name, settings, extra in files:
        if only and not only.search(name):
            continue
        try:
            with OracleServer(shared, settings, extra) as server:
                probe(shared, server.port, basic, os.path.join(HERE, "basic", name + ".jsonl"))
        except RuntimeError as e:
            print("skip %s: %s" % (name, e))
            continue
        shutil.copyfile(settings, os.path.join(HERE, "basic", name + ".settings"))
        if extra:
            with open(os.path.join(HERE, "basic", name + ".env.json"), "w", encoding="utf-8") as f:
                json.dump(extra, f, indent=1)
                f.write("\n")
        print("recorded basic/%s.jsonl" % name)


if __name__ == "__main__":
    main()
