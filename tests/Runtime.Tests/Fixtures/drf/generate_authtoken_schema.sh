#!/usr/bin/env bash
# Regenerates authtoken_schema.sql: the DDL the real Django 3.2 `manage.py migrate` leaves in SQLite for
# DRF's authtoken_token table (sqlite_master.sql, verbatim, in sqlite_master order), with the oracle's
# project plus rest_framework.authtoken (drf_oracle_settings.py). The SQLite token store must create
# byte-identical DDL; a test checks it. Needs Debian's python3 Django stack and sqlite3.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE=${ORACLE_DIR:-$(cd "$HERE/../../../../../shared/oracle" 2>/dev/null && pwd || echo /work/shared/oracle)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$ORACLE/djangoapp"
ORACLE_DB="$WORK/db.sqlite3" ORACLE_SETTINGS="$HERE/view-shell.settings" DJANGO_SETTINGS_MODULE=drf_oracle_settings \
  PYTHONPATH="$ORACLE/djangoapp:$HERE" PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 manage.py migrate --noinput -v 0
sqlite3 "$WORK/db.sqlite3" \
  "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name = 'authtoken_token' ORDER BY rowid;" > "$HERE/authtoken_schema.sql"
echo "wrote $HERE/authtoken_schema.sql" >&2
