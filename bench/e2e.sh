#!/usr/bin/env bash
# End-to-end throughput over loopback (a measurement script, not part of CI):
#   the sample (samples/DjangoStyle) three ways -- Sample:Cors=none, django (ours), aspnet
#   (ASP.NET Core's UseCors with a policy derived from the same settings) -- and the Django
#   reference server (/work/shared/oracle/serve.sh, or $ORACLE_DIR/serve.sh) on the same
#   cors.settings, each driven by wrk with (a) CORS preflights and (b) authenticated GET /api/me/
#   carrying an allowed Origin. Writes docs/benchmarks.e2e.md and splices it into docs/benchmarks.md.
#
#   bench/e2e.sh                 5 s per measurement, 2 wrk threads, 16 connections, best of 3 rounds
#   E2E_DURATION=10s E2E_CONNECTIONS=64 bench/e2e.sh
# Needs: the .NET SDK, wrk (apt-get install -y wrk), curl, python3; the Django oracle is optional
# (its rows are left out when serve.sh or Debian's Django packages are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${E2E_DURATION:-5s}
CONNECTIONS=${E2E_CONNECTIONS:-16}
THREADS=${E2E_THREADS:-2}
ROUNDS=${E2E_ROUNDS:-3}
ORACLE_DIR=${ORACLE_DIR:-/work/shared/oracle}
ORIGIN="http://localhost:3000"
USER_NAME=alice
USER_PASSWORD=wonderland-123
OUT=docs/benchmarks.e2e.md

command -v wrk >/dev/null || { echo "e2e: wrk not found (apt-get install -y wrk)" >&2; exit 2; }
command -v curl >/dev/null || { echo "e2e: curl not found" >&2; exit 2; }

WORK=$(mktemp -d /tmp/djs-e2e.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() {
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "e2e: nothing listens on port $1" >&2; return 1
}

echo "e2e: building the sample (Release)" >&2
dotnet build -c Release samples/DjangoStyle -o "$WORK/sample" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }

cat >"$WORK/preflight.lua" <<LUA
wrk.method = "OPTIONS"
wrk.headers["Origin"] = "$ORIGIN"
wrk.headers["Access-Control-Request-Method"] = "POST"
wrk.headers["Access-Control-Request-Headers"] = "authorization, content-type"
LUA

# Logs in as alice and prints the access token.
login() {
  curl -fsS -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"$USER_NAME\",\"password\":\"$USER_PASSWORD\"}" "$1/api/token/" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access"])'
}

# wrk's Requests/sec for one URL; "$@" are extra wrk arguments.
rps() {
  local url=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$WORK/wrk.out" 2>&1 || { cat "$WORK/wrk.out" >&2; return 1; }
  if [ "${ALLOW_NON2XX:-0}" = 0 ] && grep -q "Non-2xx" "$WORK/wrk.out"; then echo "e2e: non-2xx answers from $url:" >&2; cat "$WORK/wrk.out" >&2; return 1; fi
  awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.out"
}

declare -A PREFLIGHT GET
measure() { # name base-url
  local name=$1 base=$2 token
  token=$(login "$base")
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H "Origin: $ORIGIN" "$base/api/me/"
  # Short warm-up (JIT tiering, connection pools), then the measured runs.
  wrk -t1 -c4 -d2s -H "Authorization: Bearer $token" "$base/api/me/" >/dev/null 2>&1 || true
  # Without CORS nothing answers a preflight: routing says 405, which is what is measured there.
  local p g
  p=$(ALLOW_NON2XX=$([ "$name" = none ] && echo 1 || echo 0) rps "$base/api/me/" -s "$WORK/preflight.lua")
  g=$(rps "$base/api/me/" -H "Authorization: Bearer $token" -H "Origin: $ORIGIN")
  echo "e2e: $name preflight $p req/s, authenticated GET $g req/s" >&2
  # Best of the rounds: other work on the machine only ever lowers a figure.
  PREFLIGHT[$name]=$(python3 -c "print(max($p, ${PREFLIGHT[$name]:-0}))")
  GET[$name]=$(python3 -c "print(max($g, ${GET[$name]:-0}))")
}

MODES=(none django aspnet)
for round in $(seq 1 "$ROUNDS"); do
for mode in "${MODES[@]}"; do
  port=$(free_port)
  root="$WORK/root-$mode"; mkdir -p "$root"
  ASPNETCORE_ENVIRONMENT=Production DJANGO_SECRET_KEY="e2e-benchmark-secret-key-0123456789-abcdefghijklmnop" \
  DJANGO_SUPERUSER_USERNAME=$USER_NAME DJANGO_SUPERUSER_PASSWORD=$USER_PASSWORD \
  Logging__LogLevel__Default=Warning \
    dotnet "$WORK/sample/DjangoStyle.dll" --create-superuser-from-env --urls "http://127.0.0.1:$port" \
      --contentRoot "$root" --Sample:Cors=$mode >"$WORK/sample-$mode.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  wait_port "$port"
  measure "$mode" "http://127.0.0.1:$port"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
done

HAVE_DJANGO=0
if [ -x "$ORACLE_DIR/serve.sh" ] && /usr/bin/python3 -c 'import django, corsheaders, rest_framework_simplejwt' 2>/dev/null; then
  port=$(free_port)
  DJANGO_SECRET_KEY="e2e-benchmark-secret-key-0123456789-abcdefghijklmnop" \
    "$ORACLE_DIR/serve.sh" samples/DjangoStyle/cors.settings "$port" >"$WORK/oracle.out" 2>"$WORK/oracle.err" &
  pid=$!; PIDS+=("$pid")
  wait_port "$port"
  measure django-server "http://127.0.0.1:$port"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  HAVE_DJANGO=1
else
  echo "e2e: Django oracle not available; its rows are left out" >&2
fi

ratio() { python3 -c "print(f'{$1/$2:.3f}')"; }
{
  echo "## End to end (bench/e2e.sh)"
  echo
  echo "Generated by \`bench/e2e.sh\` on $(date -u +%Y-%m-%d): wrk ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION} per measurement, best of ${ROUNDS} rounds for the sample (servers restarted each round, modes interleaved; the Django server once), over loopback on the same $(nproc)-core machine as the server (client and server compete for the cores; only ratios within this table mean anything)."
  echo "The sample runs in Production with logging at Warning; \`Sample:Cors\` picks the middleware. Preflight: \`OPTIONS /api/me/\` from an allowed Origin. GET: \`/api/me/\` with a valid Bearer access token (HS256, user lookup in SQLite) and an allowed Origin."
  echo
  echo "| Server | Preflight req/s | vs no CORS | vs ASP.NET Core CORS | Authenticated GET req/s | vs no CORS | vs ASP.NET Core CORS |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  rows=(none django aspnet); [ $HAVE_DJANGO = 1 ] && rows+=(django-server)
  for r in "${rows[@]}"; do
    case $r in
      none) label="sample, no CORS middleware";;
      django) label="sample, UseDjangoCors (ours)";;
      aspnet) label="sample, ASP.NET Core UseCors";;
      django-server) label="Django runserver (oracle)";;
    esac
    echo "| $label | ${PREFLIGHT[$r]} | $(ratio "${PREFLIGHT[$r]}" "${PREFLIGHT[none]}") | $(ratio "${PREFLIGHT[$r]}" "${PREFLIGHT[aspnet]}") | ${GET[$r]} | $(ratio "${GET[$r]}" "${GET[none]}") | $(ratio "${GET[$r]}" "${GET[aspnet]}") |"
  done
  echo
  echo "Without CORS the sample has no preflight handler: OPTIONS /api/me/ goes to routing and answers 405, so the preflight row for it is the cost of a rejected OPTIONS, not a CORS answer."
  echo "CORS middleware cost on the authenticated GET (1 - ours / no CORS): $(python3 -c "print(f'{(1-${GET[django]}/${GET[none]})*100:.1f}%')")."
  echo
} >"$OUT"

# Splice into docs/benchmarks.md between the markers bench/run.sh writes (append if absent).
if [ -f docs/benchmarks.md ] && grep -q '<!-- e2e -->' docs/benchmarks.md; then
  python3 - "$OUT" <<'PY'
import sys, re
e2e = open(sys.argv[1]).read()
doc = open("docs/benchmarks.md").read()
doc = re.sub(r"<!-- e2e -->.*?<!-- /e2e -->", lambda m: "<!-- e2e -->\n" + e2e + "<!-- /e2e -->", doc, flags=re.S)
open("docs/benchmarks.md", "w").write(doc)
PY
fi
echo "wrote $OUT" >&2
