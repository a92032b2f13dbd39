#!/usr/bin/python3
"""Records what python-dotenv and django-environ read from each cases/*.env file into expected.json.

The C# reader (src/Cli/Variables/DotEnvFile.cs) is tested against this file, so the expected
values come from the real parsers, not from our reading of them. Re-record after adding a case:

    env -i /usr/bin/python3 tests/Generator.Tests/Cli/DotEnv/record.py [OUTPUT]

(OUTPUT defaults to expected.json beside this script; a test records to a temp file and compares.)

Debian bookworm packages: python3-dotenv (0.21.0), python3-django-environ (0.4.4). `env -i` keeps
the process environment empty, so `${NAME}` expands from the file alone, as `check --env-file` does.
"""
import importlib.metadata
import io
import json
import os
import sys
import warnings
from pathlib import Path

import dotenv
import environ

HERE = Path(__file__).resolve().parent


def read_environ(path):
    # django-environ's read_env fills Env.ENVIRON (os.environ by default) with setdefault.
    saved = environ.Env.ENVIRON
    environ.Env.ENVIRON = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            environ.Env.read_env(str(path))
        return dict(environ.Env.ENVIRON)
    finally:
        environ.Env.ENVIRON = saved


def read_dotenv(path):
    # dotenv_values: the file's bindings in order, interpolated, keys without '=' as None.
    # Its warnings name the lines it skips.
    stream = io.StringIO()
    handler_target = sys.stderr
    sys.stderr = stream
    try:
        import logging
        logging.basicConfig(stream=stream, force=True)
        values = dotenv.dotenv_values(str(path))
    finally:
        sys.stderr = handler_target
    skipped = sorted({int(word) for line in stream.getvalue().splitlines() for word in line.replace(".", " ").split() if word.isdigit()})
    return dict(values), skipped


def main():
    # Python itself may set LC_CTYPE (PEP 538); no case reads it.
    if set(os.environ) - {"LC_CTYPE"}:
        sys.exit("run with an empty environment: env -i /usr/bin/python3 " + sys.argv[0])
    cases = {}
    for path in sorted((HERE / "cases").glob("*.env")):
        values, skipped = read_dotenv(path)
        cases[path.name] = {"dotenv": values, "dotenvSkippedLines": skipped, "djangoEnviron": read_environ(path)}
    document = {
        "recordedWith": {
            "python-dotenv": importlib.metadata.version("python-dotenv"),
            "django-environ": importlib.metadata.version("django-environ"),
        },
        "cases": cases,
    }
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "expected.json"
    output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
