#!/usr/bin/python3
"""Regenerates vectors.json: password hashes made by the REAL Django 3.2 hashers.

Run with Debian's python (python3-django 3.2, python3-bcrypt, python3-argon2):
    /usr/bin/python3 tests/Runtime.Tests/Fixtures/hashers/generate_vectors.py > tests/Runtime.Tests/Fixtures/hashers/vectors.json

Salts are random, so every run gives new hashes; the tests only need each one to be a real Django hash.
Each vector: the hasher, the password (UTF-8 text), the encoded hash, and a wrong password that must not verify.
"""
import json
import sys

import django
from django.conf import settings

HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.BCryptPasswordHasher",
    "django.contrib.auth.hashers.SHA1PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedMD5PasswordHasher",
]
settings.configure(PASSWORD_HASHERS=HASHERS)
django.setup()

from django.contrib.auth.hashers import check_password, get_hasher, make_password  # noqa: E402

PASSWORDS = [
    "wonderland-123",
    "",
    "pässwörd-ÆØÅ-日本語-🔑",
    "with $ dollar and spaces  ",
    "x" * 80 + "-tail-beyond-72-bytes",
]
WRONG = "not-the-password"

vectors = []


# Shares the first 72 bytes with PASSWORDS[4]: plain bcrypt truncates there and accepts it,
# bcrypt_sha256 (and everything else) does not. Recorded as Django's own answer per vector.
SAME_PREFIX = "x" * 80 + "-other-tail"


def add(hasher, password, encoded, note=""):
    # Guard: the recorded vector must verify with Django itself, and the wrong password must not.
    assert check_password(password, encoded), (hasher, encoded)
    assert not check_password(WRONG, encoded) or password == WRONG
    vectors.append({"hasher": hasher, "password": password, "encoded": encoded, "wrong": WRONG,
                    "same_prefix": SAME_PREFIX, "same_prefix_verifies": check_password(SAME_PREFIX, encoded),
                    "note": note})


for name in ["pbkdf2_sha256", "pbkdf2_sha1", "sha1", "md5", "unsalted_sha1", "unsalted_md5"]:
    for pw in PASSWORDS:
        add(name, pw, make_password(pw, hasher=name))
# bcrypt at work factor 12 costs ~0.25 s a check: three passwords each (ASCII, non-ASCII, > 72 bytes).
for name in ["bcrypt_sha256", "bcrypt"]:
    for pw in [PASSWORDS[0], PASSWORDS[2], PASSWORDS[4]]:
        add(name, pw, make_password(pw, hasher=name))
# Argon2 at Django 3.2's cost (m=102400 KiB, t=2, p=8) is slow: two passwords are enough.
for pw in PASSWORDS[:1] + PASSWORDS[2:3]:
    add("argon2", pw, make_password(pw, hasher="argon2"))

# Iteration counts of older Django releases (and a tiny one): verify must honour the stored count.
pbkdf2 = get_hasher("pbkdf2_sha256")
for iterations in [1, 1000, 36000, 150000, 216000]:
    add("pbkdf2_sha256", "wonderland-123", pbkdf2.encode("wonderland-123", pbkdf2.salt(), iterations), "iterations=%d" % iterations)
sha1 = get_hasher("pbkdf2_sha1")
add("pbkdf2_sha1", "wonderland-123", sha1.encode("wonderland-123", sha1.salt(), 10000), "iterations=10000")

# Ancient unsalted MD5 stored as bare hex, and bcrypt with a lower work factor.
add("unsalted_md5", "wonderland-123", get_hasher("unsalted_md5").encode("wonderland-123", "")[0:32], "bare 32 hex")
import bcrypt  # noqa: E402
add("bcrypt", "wonderland-123", "bcrypt$" + bcrypt.hashpw(b"wonderland-123", bcrypt.gensalt(4)).decode("ascii"), "rounds=4")
# argon2 with cheap parameters and the other varieties argon2-cffi accepts.
import argon2  # noqa: E402
from argon2.low_level import Type, hash_secret  # noqa: E402
for t in [Type.ID, Type.I, Type.D]:
    raw = hash_secret(b"wonderland-123", b"0123456789abcdef", time_cost=1, memory_cost=64, parallelism=2, hash_len=32, type=t)
    add("argon2", "wonderland-123", "argon2" + raw.decode("ascii"), "cheap %s" % t.name)

json.dump({
    "generator": "tests/Runtime.Tests/Fixtures/hashers/generate_vectors.py",
    "django": django.get_version(),
    "bcrypt": bcrypt.__version__,
    "argon2_cffi": argon2.__version__,
    "vectors": vectors,
}, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
