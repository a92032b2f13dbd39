#!/usr/bin/env python3
"""Re-records tests/DjangoProjects/fixtures from the real Django (Debian's 3.2 stack).

  /usr/bin/python3 tests/DjangoProjects/record_fixtures.py [--no-postgres]

Per test project (fixtures/<project>/):
  model.json        the user model as Django's _meta sees it (djtool.py model)
  sqlite.sql        sqlite_master SQL of the user table and the token_blacklist tables after migrate
  postgresql.sql    pg_dump -s of the same tables after migrate on a throwaway PostgreSQL 15 cluster
  tokens.json       tokens the project's TOKEN_OBTAIN_SERIALIZER mints for fixed users, with the clock
                    and the jti values fixed, for each USER_ID_FIELD the project is tested with
And fixtures/names.json: Django's truncate_name / _create_index_name results with PostgreSQL's limit;
fixtures/hashers.json: password hashes written by Django's hashers at various parameters, with
whether Django 3.2's check_password verifies each and would re-hash it (its setter runs).

The PostgreSQL cluster is created with initdb in a temporary folder, listens on a free loopback
port, and is stopped and deleted at the end (as root, the server runs as the postgres user).
"""
import argparse
import base64
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
PYTHON = os.environ.get("ORACLE_PYTHON", "/usr/bin/python3")
PG_BIN = "/usr/lib/postgresql/15/bin"

# Fixed inputs of the token fixtures (the tests mint with the same).
NOW = 1700000000.5
JTIS = ["00000000000000000000000000000001", "00000000000000000000000000000002"]

# project -> (users to create: (login, password, fields), [USER_ID_FIELD variants])
PROJECTS = {
    "email_uuid": (
        [("Ann@example.com", "pw-ann-123", {"id": "0b0e8f4c-5f6a-4c1d-9e2b-7a3c5d6e8f90", "display_name": "Ann \u00dcn\u00efc\u00f6de <&>"})],
        ["id", "email"],
    ),
    "bigauto_table": (
        [("bob", "pw-bob-456", {"email": "bob@example.com", "nickname": "Bobby"})],
        ["id", "username"],
    ),
    "char_pk": (
        [("carol", "pw-carol-789", {"full_name": "Carol"})],
        ["handle"],
    ),
}


def djtool(project, *args, env=None):
    out = subprocess.run(
        [PYTHON, os.path.join(HERE, "djtool.py"), "--project", project, *args],
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote", os.path.relpath(path, HERE), file=sys.stderr)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    """A throwaway cluster: initdb, pg_ctl start on a free port, stopped and removed on exit."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="djprojects-pg-")
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.run(f"{PG_BIN}/initdb -D '{self.dir}/data' -A trust -U postgres --no-sync")
        self.run(
            f"{PG_BIN}/pg_ctl -D '{self.dir}/data' -l '{self.dir}/log' "
            f"-o \"-c listen_addresses=127.0.0.1 -p {self.port} -k '{self.dir}' -c fsync=off\" -w start"
        )

    def run(self, command):
        argv = ["su", "postgres", "-c", command] if os.geteuid() == 0 else ["/bin/sh", "-c", command]
        return subprocess.run(argv, check=True, capture_output=True, text=True).stdout

    def create(self, name):
        subprocess.run(
            [PG_BIN + "/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-c", f'CREATE DATABASE "{name}"'],
            check=True, capture_output=True,
        )
        return {"DJ_DB_ENGINE": "django.db.backends.postgresql", "DJ_DB_NAME": name, "DJ_DB_USER": "postgres",
                "DJ_DB_HOST": "127.0.0.1", "DJ_DB_PORT": str(self.port)}

    def dump(self, name, tables):
        argv = [PG_BIN + "/pg_dump", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-s"]
        for t in tables:
            argv += ["-t", t]
        return subprocess.run(argv + [name], check=True, capture_output=True, text=True).stdout

    def close(self):
        try:
            self.run(f"{PG_BIN}/pg_ctl -D '{self.dir}/data' -m immediate -w stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def record_project(project, pg):
    users, id_fields = PROJECTS[project]
    work = tempfile.mkdtemp(prefix="djprojects-")
    try:
        sqlite = {"DJ_DB_NAME": os.path.join(work, "db.sqlite3")}
        djtool(project, "migrate", env=sqlite)
        model = djtool(project, "model", env=sqlite)
        write(os.path.join(FIXTURES, project, "model.json"), json.dumps(model, indent=1, ensure_ascii=False) + "\n")
        write(os.path.join(FIXTURES, project, "sqlite.sql"), "\n".join(djtool(project, "schema", env=sqlite)) + "\n")

        tokens = {"now": NOW, "jti": JTIS, "users": [], "tokens": {}}
        for login, password, fields in users:
            created = djtool(project, "create-user", "--password", password, *[f"{k}={v}" for k, v in fields.items()],
                             model["USERNAME_FIELD"] + "=" + login, env=sqlite)
            tokens["users"].append({"login": login, "password": password, "row": created})
        for id_field in id_fields:
            minted = {}
            for login, _, _ in users:
                # Each mint records its outstanding row under the same fixed jti: a fresh copy each time.
                copy = os.path.join(work, f"mint-{id_field}-{len(minted)}.sqlite3")
                shutil.copyfile(sqlite["DJ_DB_NAME"], copy)
                env = {"DJ_DB_NAME": copy, "DJ_USER_ID_FIELD": id_field}
                minted[login] = djtool(project, "mint", "--login", login, "--now", str(NOW),
                                       "--jti", JTIS[0], "--jti", JTIS[1], env=env)
            tokens["tokens"][id_field] = minted
        write(os.path.join(FIXTURES, project, "tokens.json"), json.dumps(tokens, indent=1, ensure_ascii=False) + "\n")

        if pg is not None:
            name = "rec_" + project
            env = pg.create(name)
            djtool(project, "migrate", env=env)
            dump = pg.dump(name, [model["table"], "token_blacklist_*"])
            write(os.path.join(FIXTURES, project, "postgresql.sql"), dump)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def record_hashers():
    """Hashes at Django 3.2's parameters and at others, with check_password's verdict and re-hash."""
    p = "django.contrib.auth.hashers."
    password = "p\u00e4ssw\u00f6rd-\u65e5\u672c"
    cases = [
        ("pbkdf2_sha256 at 3.2's 260000", p + "PBKDF2PasswordHasher", None, None),
        ("pbkdf2_sha256 at 150000 (older Django)", p + "PBKDF2PasswordHasher", None, 150000),
        ("pbkdf2_sha256 at 1000000 (Django 5.2)", p + "PBKDF2PasswordHasher", None, 1000000),
        ("pbkdf2_sha256 with a 12-character salt", p + "PBKDF2PasswordHasher", "abcdefghijkl", None),
        ("pbkdf2_sha1", p + "PBKDF2SHA1PasswordHasher", None, None),
        ("argon2 at 3.2's parameters", p + "Argon2PasswordHasher", None, None),
        ("bcrypt_sha256", p + "BCryptSHA256PasswordHasher", None, None),
        ("md5", p + "MD5PasswordHasher", None, None),
    ]
    vectors = []
    for label, hasher, salt, iterations in cases:
        args = ["make-password", "--password", password, "--hasher", hasher]
        if salt:
            args += ["--salt", salt]
        if iterations:
            args += ["--iterations", str(iterations)]
        encoded = djtool("bigauto_table", *args)["hash"]
        vectors.append({"label": label, "encoded": encoded})
    # Django 3.2 has no scrypt hasher: the format of 4.0+, computed with hashlib as its encode() does.
    for n, r, par in [(2 ** 14, 8, 1), (2 ** 14, 8, 5), (2 ** 10, 8, 1)]:
        salt = "abcdefghijklmnopqrstuv"
        key = hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r, p=par, maxmem=0, dklen=64)
        vectors.append({"label": f"scrypt N={n} r={r} p={par} (Django 4.0+ format, hashlib)",
                        "encoded": f"scrypt${n}${salt}${r}${par}${base64.b64encode(key).decode('ascii')}"})
    hasher_lists = {
        "default": None,
        "md5-first": p + "MD5PasswordHasher," + p + "PBKDF2PasswordHasher",
        "argon2-first": p + "Argon2PasswordHasher," + p + "PBKDF2PasswordHasher," + p + "BCryptSHA256PasswordHasher",
    }
    for v in vectors:
        v["django32"] = {}
        if v["encoded"].startswith("scrypt$"):
            continue
        for name, hashers in hasher_lists.items():
            extra = ["--hashers", hashers] if hashers else []
            right = djtool("bigauto_table", *extra, "check-hash", "--password", password, "--hash", v["encoded"])
            wrong = djtool("bigauto_table", *extra, "check-hash", "--password", password + "x", "--hash", v["encoded"])
            v["django32"][name] = {"verified": right["verified"], "must_update": right["must_update"],
                                   "wrong_verified": wrong["verified"]}
    out = {"generator": "tests/DjangoProjects/record_fixtures.py", "password": password,
           "hasher_lists": hasher_lists, "vectors": vectors}
    write(os.path.join(FIXTURES, "hashers.json"), json.dumps(out, indent=1, ensure_ascii=False) + "\n")


def record_names():
    """Django's name shortening for PostgreSQL (no server needed: only the backend's limits)."""
    names = djtool("bigauto_table", "names", env={"DJ_DB_ENGINE": "django.db.backends.postgresql", "DJ_DB_NAME": "unused"})
    write(os.path.join(FIXTURES, "names.json"), json.dumps(names, indent=1) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL dumps (keeps the recorded ones)")
    args = parser.parse_args()
    pg = None if args.no_postgres else Postgres()
    try:
        for project in PROJECTS:
            record_project(project, pg)
        record_hashers()
        record_names()
    finally:
        if pg is not None:
            pg.close()


if __name__ == "__main__":
    main()
