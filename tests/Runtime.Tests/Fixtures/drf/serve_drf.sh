#!/usr/bin/env bash
# The shared oracle's Django project (same settings loader, URLs and views) with DRF's authtoken app
# added and the DRF fixture users seeded (drf_seed.py), on 127.0.0.1:PORT:
#
#   serve_drf.sh SETTINGS_FILE PORT
#
# Prints "ORACLE READY url=... server_pid=N db=PATH" when it accepts connections; SIGTERM stops
# Django and removes the temp dir. Honours the oracle's ORACLE_* variables (ORACLE_RENDERERS,
# ORACLE_USER_MIDDLEWARE, ORACLE_DEBUG, ORACLE_KEEP).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE=${ORACLE_DIR:-$(cd "$HERE/../../../../../shared/oracle" 2>/dev/null && pwd || echo /work/shared/oracle)}
PY=${ORACLE_PYTHON:-/usr/bin/python3}
SETTINGS_FILE=$(realpath "$1")
PORT=$2

WORK=$(mktemp -d /tmp/drf-oracle.XXXXXX)
export ORACLE_SETTINGS="$SETTINGS_FILE"
export ORACLE_DB="$WORK/db.sqlite3"
export DJANGO_SETTINGS_MODULE=drf_oracle_settings
export PYTHONPATH="$ORACLE/djangoapp:$HERE${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
# DRF builds @api_view's Allow header from a set: a fixed seed fixes its order, as serve.sh does.
export PYTHONHASHSEED=${PYTHONHASHSEED:-0}

SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ "${ORACLE_KEEP:-0}" != 1 ]; then rm -rf "$WORK"; fi
  return 0
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

cd "$ORACLE/djangoapp"
"$PY" manage.py migrate --noinput -v 0 >&2
"$PY" manage.py oracle_seed --username alice --password wonderland-123 >&2
"$PY" "$HERE/drf_seed.py" >&2
"$PY" manage.py runserver "127.0.0.1:$PORT" --noreload >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 1 300); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "drf oracle: server exited; its log:" >&2; cat "$WORK/server.log" >&2; SERVER_PID=""; exit 1; fi
  if port_open "$PORT"; then break; fi
  sleep 0.1
done
port_open "$PORT" || { echo "drf oracle: port $PORT did not open" >&2; exit 1; }
echo "ORACLE READY url=http://127.0.0.1:$PORT server_pid=$SERVER_PID db=$ORACLE_DB log=$WORK/server.log settings=$1"
set +e
wait "$SERVER_PID"
rc=$?
SERVER_PID=""
exit $rc
