#!/usr/bin/env python3
"""Re-records tests/DjangoProjects/fixtures/seed/tokens.json from the real Django (Debian's 3.2 stack).

  /usr/bin/python3 tests/DjangoProjects/record_seed_tokens.py

The seed backend's shape of custom claims: the oracle's Django project (../shared/oracle/djangoapp,
whose oracle_app.serializers.UsernameTokenObtainPairSerializer is the seed's get_token override
adding "username") runs with the sample's own settings file (samples/DjangoStyle/cors.settings,
exec'd by the oracle's settings as serve.sh does) and a fixed DJANGO_SECRET_KEY. Django migrates a
throwaway SQLite database, creates the user the sample's tests log in as, and the serializer mints
a token pair with the clock and the jti values fixed (djtool.py's freeze_time / fix_jtis). The
sample's build translates its copy of the serializer (samples/DjangoStyle/seed/serializers.py);
tests/UserModels.Tests/Tokens/SeedClaimsTests.cs logs in through the generated wiring with the
same clock and jti values and expects these bytes. "names" holds what AbstractUser's
get_full_name()/get_short_name() return for a few first/last names (DjangoClaimValues).
"""
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
ORACLE = os.environ.get("ORACLE_DIR", os.path.join(REPO, "..", "shared", "oracle"))
SETTINGS = os.path.join(REPO, "samples", "DjangoStyle", "cors.settings")
OUT = os.path.join(HERE, "fixtures", "seed", "tokens.json")

# Fixed inputs (the C# test uses the same).
NOW = 1700000000.5
JTIS = ["00000000000000000000000000000011", "00000000000000000000000000000012"]
SECRET = "seed-fixture-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
USER = {"username": "alice", "email": "alice@example.com", "password": "wonderland-123"}
# (first_name, last_name) pairs for AbstractUser.get_full_name() / get_short_name(), which the
# translation also covers: Python's str.strip() removes more white space than ASCII.
NAMES = [("Alice", "Liddell"), ("", ""), ("Alice", ""), ("", "Liddell"), ("  Al ice\t", "\u00a0Lid\u2003"), ("\u3000\u0085x", "y\u200b")]

sys.path.insert(0, HERE)
import djtool  # noqa: E402  (freeze_time, fix_jtis, the Debian interpreter)


def main():
    djtool.reexec_under_debian_python()
    with tempfile.TemporaryDirectory(prefix="seed-tokens-") as workdir:
        record(workdir)


def record(workdir):
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "oracle_project.settings",
        "ORACLE_SETTINGS": SETTINGS,
        "ORACLE_DB": os.path.join(workdir, "db.sqlite3"),
        "DJANGO_SECRET_KEY": SECRET,
    })
    sys.path.insert(0, os.path.join(ORACLE, "djangoapp"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model
    from oracle_app.serializers import UsernameTokenObtainPairSerializer

    user = get_user_model().objects.create_user(USER["username"], USER["email"], USER["password"])
    djtool.freeze_time(NOW)
    djtool.fix_jtis(JTIS)
    refresh = UsernameTokenObtainPairSerializer.get_token(user)
    access = refresh.access_token
    result = {
        "settings": "samples/DjangoStyle/cors.settings",
        "serializer": "oracle_app.serializers.UsernameTokenObtainPairSerializer",
        "secret": SECRET,
        "now": NOW,
        "jti": JTIS,
        "user": {**USER, "id": user.pk},
        "refresh": str(refresh),
        "access": str(access),
        "names": [
            {"first_name": first, "last_name": last,
             "full": get_user_model()(first_name=first, last_name=last).get_full_name(),
             "short": get_user_model()(first_name=first, last_name=last).get_short_name()}
            for first, last in NAMES
        ],
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    print("wrote", os.path.relpath(OUT, HERE), file=sys.stderr)


if __name__ == "__main__":
    main()
