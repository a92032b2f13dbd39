#!/usr/bin/env bash
# Regenerates django32_schema.sql: the DDL that the REAL Django 3.2 `manage.py migrate` leaves in
# SQLite for auth_user and simplejwt's two token_blacklist tables (sqlite_master.sql, verbatim, in
# sqlite_master order). SqliteDjangoDatabase must create byte-identical DDL; StoresSchemaTests checks it.
#   tests/Runtime.Tests/Fixtures/sqlite/generate_schema.sh [ORACLE_DIR]   (default: $DJANGOSETTINGS_SHARED/oracle, else ../shared/oracle)
# Needs Debian's python3-django, python3-djangorestframework-simplejwt (the oracle's stack) and sqlite3.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE=${1:-${DJANGOSETTINGS_SHARED:-$HERE/../../../../shared}/oracle}
ORACLE=$(cd "$ORACLE" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$ORACLE/djangoapp"
ORACLE_DB="$WORK/db.sqlite3" ORACLE_SETTINGS="$ORACLE/settings/react.cors.settings" \
  DJANGO_SETTINGS_MODULE=oracle_project.settings PYTHONDONTWRITEBYTECODE=1 \
  /usr/bin/python3 manage.py migrate --noinput -v 0
sqlite3 "$WORK/db.sqlite3" \
  "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ('auth_user', 'token_blacklist_outstandingtoken', 'token_blacklist_blacklistedtoken') ORDER BY rowid;" \
  > "$HERE/django32_schema.sql"
echo "wrote $HERE/django32_schema.sql" >&2
