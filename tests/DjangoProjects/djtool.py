#!/usr/bin/env python3
"""Drive one of the test Django projects beside this file with Django's own classes.

The C# tests use it to put Django on the other side of every interop check: Django migrates the
database, creates users, mints tokens with the project's own TOKEN_OBTAIN_SERIALIZER, authenticates
tokens with simplejwt's JWTAuthentication, and reads back the rows the C# runtime wrote.

  djtool.py --project email_uuid [--hashers A,B] [--simple-jwt KEY=JSON ...] COMMAND [ARGS]

The database is the project's DATABASES, which read DJ_DB_ENGINE / DJ_DB_NAME / DJ_DB_USER /
DJ_DB_HOST / DJ_DB_PORT from the environment (SQLite file by default); SIMPLE_JWT's USER_ID_FIELD
and USER_ID_CLAIM read DJ_USER_ID_FIELD / DJ_USER_ID_CLAIM. Every command prints one JSON value.

Commands
  migrate                                manage.py migrate (quiet)
  schema                                 SQLite only: sqlite_master SQL of the user table and the two
                                         token_blacklist tables, in rowid order
  model                                  the user model as Django's _meta sees it (table, fields with
                                         column, type and database type, USERNAME_FIELD, ...)
  create-user --password P [--superuser] [--inactive] FIELD=VALUE ...
                                         the manager's create_user / create_superuser; prints the row
  set-hash --login L --hash H            writes a raw password hash (an "old hasher" user)
  user --login L | --pk P                the row as Django loads it (password hash included)
  delete-user --login L                  deletes through the ORM (Django nulls outstanding rows)
  mint --login L [--now EPOCH] [--jti HEX ...]
                                         tokens from the project's TOKEN_OBTAIN_SERIALIZER get_token
                                         (custom claims included), with the clock and jti fixed
  authenticate TOKEN [--now EPOCH] [--stateless]
                                         simplejwt's JWTAuthentication (or JWTStatelessUserAuthentication,
                                         whose TokenUser is printed) on a request carrying TOKEN
  refresh TOKEN                          simplejwt's TokenRefreshSerializer (rotation and blacklist as set)
  blacklist TOKEN                        RefreshToken(TOKEN).blacklist()
  outstanding                            token_blacklist rows as the ORM reads them
  check-password --login L --password P  django.contrib.auth.authenticate(), and the hash after it
  make-password --password P --hasher NAME [--salt S] [--iterations N]
                                         a hash written by the named hasher class
  names                                  Django's truncate_name and _create_index_name for a few long
                                         names, with the connection's max_name_length (run it with
                                         DJ_DB_ENGINE=django.db.backends.postgresql: no server is needed)
  check-hash --password P --hash H       django.contrib.auth.hashers.check_password with a setter:
                                         whether it verifies and whether Django would re-hash it

Needs Debian's python3-django, python3-djangorestframework(-simplejwt), python3-jwt (and
python3-psycopg2 for PostgreSQL). Re-executes itself under /usr/bin/python3 (ORACLE_PYTHON overrides).
"""
import argparse
import datetime as _dt
import json
import os
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.environ.get("ORACLE_PYTHON", "/usr/bin/python3")


def reexec_under_debian_python():
    """A pyenv python3 first on PATH cannot see the Debian packages: run under the system one."""
    try:
        import django  # noqa: F401
        import rest_framework_simplejwt  # noqa: F401
    except ImportError:
        if os.path.realpath(sys.executable) != os.path.realpath(PYTHON) and os.path.exists(PYTHON):
            os.execv(PYTHON, [PYTHON] + sys.argv)
        raise


def setup(project, hashers, simple_jwt=()):
    root = os.path.join(HERE, project)
    sys.path.insert(0, root)
    os.chdir(root)
    os.environ["DJANGO_SETTINGS_MODULE"] = "project.settings"
    os.environ.setdefault("PYTHONHASHSEED", "0")
    import django
    from django.conf import settings

    if hashers:
        settings.PASSWORD_HASHERS = hashers.split(",")
    if simple_jwt:
        overrides = dict(settings.SIMPLE_JWT)
        for item in simple_jwt:
            key, _, value = item.partition("=")
            overrides[key] = json.loads(value)
        settings.SIMPLE_JWT = overrides
    django.setup()


def freeze_time(epoch):
    """Make simplejwt's clock and PyJWT's claim checks see `epoch` (seconds, may be fractional)."""
    fixed = _dt.datetime.fromtimestamp(epoch, tz=_dt.timezone.utc)

    class FrozenDatetime(_dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return fixed if tz is not None else fixed.replace(tzinfo=None)

        @classmethod
        def utcnow(cls):
            return fixed.replace(tzinfo=None)

    import jwt.api_jwt
    import rest_framework_simplejwt.utils as sj_utils

    jwt.api_jwt.datetime = FrozenDatetime
    sj_utils.datetime = FrozenDatetime


def fix_jtis(jtis):
    """Hand out the given hex ids, in order, where simplejwt calls uuid4()."""
    import rest_framework_simplejwt.tokens as sj_tokens

    pending = [uuid.UUID(hex=j) for j in jtis]

    def next_uuid():
        return pending.pop(0) if pending else uuid.uuid4()

    sj_tokens.uuid4 = next_uuid


def jsonable(value):
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def user_model():
    from django.contrib.auth import get_user_model

    return get_user_model()


def row(user):
    out = {}
    for f in user._meta.concrete_fields:
        out[f.name] = jsonable(getattr(user, f.attname))
    out["pk"] = str(user.pk)
    return out


def find_user(login=None, pk=None):
    User = user_model()
    if login is not None:
        return User._default_manager.get_by_natural_key(login)
    return User._default_manager.get(pk=pk)


def cmd_migrate(_):
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    return {"migrated": True}


def cmd_schema(_):
    from django.db import connection

    tables = [user_model()._meta.db_table, "token_blacklist_outstandingtoken", "token_blacklist_blacklistedtoken"]
    with connection.cursor() as c:
        c.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN (%s) ORDER BY rowid"
            % ",".join("%s" for _ in tables),
            tables,
        )
        return [r[0] + ";" for r in c.fetchall()]


def cmd_model(_):
    from django.db import connection

    User = user_model()
    meta = User._meta
    fields = []
    for f in meta.concrete_fields:
        fields.append(
            {
                "name": f.name,
                "column": f.column,
                "type": f.get_internal_type(),
                "db_type": f.db_type(connection),
                "max_length": f.max_length,
                "null": f.null,
                "unique": f.unique,
                "primary_key": f.primary_key,
                "has_default": f.has_default(),
            }
        )
    return {
        "label": meta.label,
        "table": meta.db_table,
        "pk": meta.pk.name,
        "USERNAME_FIELD": User.USERNAME_FIELD,
        "EMAIL_FIELD": User.get_email_field_name(),
        "REQUIRED_FIELDS": list(User.REQUIRED_FIELDS),
        "fields": fields,
    }


def cmd_create_user(args):
    User = user_model()
    fields = {}
    for item in args.fields:
        name, _, value = item.partition("=")
        fields[name] = value
    if args.inactive:
        fields["is_active"] = False
    manager = User._default_manager
    create = manager.create_superuser if args.superuser else manager.create_user
    user = create(password=args.password, **fields)
    return row(user)


def cmd_set_hash(args):
    user = find_user(args.login)
    user.password = args.hash
    user.save(update_fields=["password"])
    return row(user)


def cmd_user(args):
    return row(find_user(args.login, args.pk))


def cmd_delete_user(args):
    find_user(args.login).delete()
    return {"deleted": args.login}


def cmd_mint(args):
    from django.utils.module_loading import import_string
    from rest_framework_simplejwt.settings import api_settings

    if args.now is not None:
        freeze_time(args.now)
    if args.jti:
        fix_jtis(args.jti)
    serializer = import_string(api_settings.TOKEN_OBTAIN_SERIALIZER)
    refresh = serializer.get_token(find_user(args.login))
    access = refresh.access_token
    return {"refresh": str(refresh), "access": str(access)}


def cmd_authenticate(args):
    from rest_framework.exceptions import APIException
    from rest_framework.test import APIRequestFactory
    from rest_framework_simplejwt.authentication import JWTAuthentication

    if args.now is not None:
        freeze_time(args.now)
    from rest_framework_simplejwt.authentication import JWTStatelessUserAuthentication

    request = APIRequestFactory().get("/api/me/", HTTP_AUTHORIZATION="Bearer " + args.token)
    authenticator = JWTStatelessUserAuthentication() if args.stateless else JWTAuthentication()
    try:
        result = authenticator.authenticate(request)
    except APIException as e:
        return {"ok": False, "status": e.status_code, "detail": e.detail}
    except Exception as e:  # noqa: BLE001 - what Django would turn into a 500
        return {"ok": False, "status": 500, "error": "%s: %s" % (type(e).__name__, e)}
    if result is None:
        return {"ok": False, "status": None}
    user, token = result
    if args.stateless:
        # TokenUser: id with the claim's JSON type, username / is_staff / is_superuser from claims.
        return {"ok": True, "id": user.id, "pk": str(user.pk), "username": user.username,
                "is_staff": user.is_staff, "is_superuser": user.is_superuser, "is_active": user.is_active,
                "str": str(user), "claims": token.payload}
    return {"ok": True, "pk": str(user.pk), "login": user.get_username(), "claims": token.payload}


def cmd_refresh(args):
    from rest_framework.exceptions import APIException
    from rest_framework_simplejwt.exceptions import TokenError
    from rest_framework_simplejwt.serializers import TokenRefreshSerializer

    serializer = TokenRefreshSerializer(data={"refresh": args.token})
    try:
        serializer.is_valid(raise_exception=True)
    except TokenError as e:
        return {"ok": False, "detail": str(e)}
    except APIException as e:
        return {"ok": False, "status": e.status_code, "detail": e.detail}
    return {"ok": True, **serializer.validated_data}


def cmd_blacklist(args):
    from rest_framework_simplejwt.tokens import RefreshToken

    RefreshToken(args.token).blacklist()
    return {"blacklisted": True}


def cmd_outstanding(_):
    from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

    blacklisted = {b.token_id: b.blacklisted_at for b in BlacklistedToken.objects.all()}
    out = []
    for o in OutstandingToken.objects.order_by("id"):
        out.append(
            {
                "jti": o.jti,
                "user_id": None if o.user_id is None else str(o.user_id),
                "user_login": None if o.user is None else o.user.get_username(),
                "token": o.token,
                "created_at": jsonable(o.created_at),
                "expires_at": jsonable(o.expires_at),
                "blacklisted_at": jsonable(blacklisted.get(o.id)),
            }
        )
    return out


def cmd_check_password(args):
    from django.contrib.auth import authenticate

    User = user_model()
    user = authenticate(**{User.USERNAME_FIELD: args.login, "password": args.password})
    after = find_user(args.login)
    return {"authenticated": user is not None, "hash": after.password}


def cmd_make_password(args):
    from django.utils.module_loading import import_string

    hasher = import_string(args.hasher)()
    if args.iterations is not None:
        hasher.iterations = args.iterations
    salt = args.salt if args.salt is not None else hasher.salt()
    return {"hash": hasher.encode(args.password, salt)}


def cmd_names(_):
    from types import SimpleNamespace

    from django.db import connection
    from django.db.backends.base.schema import BaseDatabaseSchemaEditor
    from django.db.backends.utils import truncate_name

    limit = connection.ops.max_name_length()
    editor = SimpleNamespace(connection=connection)
    tables = [
        "auth_user",
        "a_very_long_application_label_for_testing_anextremelylongusermodelname",
        "users_member",
    ]
    indexes = [
        ("token_blacklist_outstandingtoken", ["user_id"], "_fk_users_member_id"),
        ("token_blacklist_outstandingtoken", ["user_id"], "_fk_core_users_id"),
        ("token_blacklist_outstandingtoken", ["user_id"], "_fk_people_person_handle"),
        ("users_member", ["email"], "_like"),
        ("people_person", ["handle"], "_like"),
        ("a_very_long_application_label_for_testing_anextremelylongusermodelname", ["username"], "_like"),
    ]
    return {
        "max_name_length": limit,
        "truncate_name": [[t, truncate_name(t, limit)] for t in tables],
        "index_names": [[t, c, s, BaseDatabaseSchemaEditor._create_index_name(editor, t, c, s)] for t, c, s in indexes],
    }


def cmd_check_hash(args):
    from django.contrib.auth.hashers import check_password

    rehashed = []
    verified = check_password(args.password, args.hash, setter=rehashed.append)
    return {"verified": verified, "must_update": bool(rehashed)}


def main():
    reexec_under_debian_python()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", required=True, help="folder beside this file (email_uuid, bigauto_table, char_pk)")
    parser.add_argument("--hashers", help="PASSWORD_HASHERS override, comma-separated dotted paths")
    parser.add_argument("--simple-jwt", action="append", default=[], help="SIMPLE_JWT override KEY=JSON (repeatable)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate")
    sub.add_parser("schema")
    sub.add_parser("model")
    p = sub.add_parser("create-user")
    p.add_argument("--password")
    p.add_argument("--superuser", action="store_true")
    p.add_argument("--inactive", action="store_true")
    p.add_argument("fields", nargs="*")
    p = sub.add_parser("set-hash")
    p.add_argument("--login", required=True)
    p.add_argument("--hash", required=True)
    p = sub.add_parser("user")
    p.add_argument("--login")
    p.add_argument("--pk")
    p = sub.add_parser("delete-user")
    p.add_argument("--login", required=True)
    p = sub.add_parser("mint")
    p.add_argument("--login", required=True)
    p.add_argument("--now", type=float)
    p.add_argument("--jti", action="append", default=[])
    p = sub.add_parser("authenticate")
    p.add_argument("token")
    p.add_argument("--now", type=float)
    p.add_argument("--stateless", action="store_true")
    p = sub.add_parser("refresh")
    p.add_argument("token")
    p = sub.add_parser("blacklist")
    p.add_argument("token")
    sub.add_parser("outstanding")
    p = sub.add_parser("check-password")
    p.add_argument("--login", required=True)
    p.add_argument("--password", required=True)
    p = sub.add_parser("make-password")
    p.add_argument("--password", required=True)
    p.add_argument("--hasher", required=True)
    p.add_argument("--salt")
    p.add_argument("--iterations", type=int)
    sub.add_parser("names")
    p = sub.add_parser("check-hash")
    p.add_argument("--password", required=True)
    p.add_argument("--hash", required=True)
    args = parser.parse_args()

    setup(args.project, args.hashers, args.simple_jwt)
    handler = globals()["cmd_" + args.command.replace("-", "_")]
    print(json.dumps(handler(args), ensure_ascii=False, default=jsonable))
    return 0


if __name__ == "__main__":
    sys.exit(main())
