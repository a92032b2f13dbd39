#!/usr/bin/env bash
# End-to-end throughput over loopback (a measurement script, not part of CI):
#   the sample (samples/DjangoStyle) three ways -- Sample:Cors=none, django (ours), aspnet
#   (ASP.NET Core's UseCors with a policy derived from the same settings) -- and the Django
#   reference server (/work/shared/oracle/serve.sh, or $ORACLE_DIR/serve.sh) on the same
#   cors.settings, each driven by wrk with (a) CORS preflights and (b) authenticated GET /api/me/
#   carrying an allowed Origin. Writes docs/benchmarks.e2e.md and splices it into docs/benchmarks.md.
#
#   bench/e2e.sh                 5 s per measurement, 16 connections, 5 rounds
#   E2E_DURATION=10s E2E_ROUNDS=9 E2E_CONNECTIONS=64 bench/e2e.sh
# Method: the three sample servers run side by side, each pinned (taskset) to the last core, wrk to
# the first one, so client and server do not take turns on the same core. Each round measures the
# three modes back to back; a ratio is taken within a round (paired, so slow drifts of the machine
# cancel) and the table reports the median over rounds with the lowest and highest round.
# Needs: the .NET SDK, wrk (apt-get install -y wrk), curl, python3; the Django oracle is optional
# (its rows are left out when serve.sh or Debian's Django packages are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${E2E_DURATION:-5s}
CONNECTIONS=${E2E_CONNECTIONS:-16}
THREADS=${E2E_THREADS:-1}
ROUNDS=${E2E_ROUNDS:-7}
WARMUP=${E2E_WARMUP:-10s}
NCPU=$(nproc)
SERVER_CPU=$((NCPU - 1))
CLIENT_CPUS=$([ "$NCPU" -gt 1 ] && echo "0-$((NCPU - 2))" || echo 0)
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

# CPU time of all of a process's threads so far, in ns (scheduler statistics, not 10 ms ticks).
cpu_ns() {
  local total=0 t f
  for f in /proc/"$1"/task/*/schedstat; do
    read -r t _ <"$f" 2>/dev/null && total=$((total + t))
  done
  echo "$total"
}

# One wrk run against a server: prints "requests/s server-CPU-µs-per-request"; "$@" are extra wrk arguments.
rps() {
  local pid=$1 url=$2; shift 2
  local before after requests
  before=$(cpu_ns "$pid")
  taskset -c "$CLIENT_CPUS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$WORK/wrk.out" 2>&1 || { cat "$WORK/wrk.out" >&2; return 1; }
  after=$(cpu_ns "$pid")
  if [ "${ALLOW_NON2XX:-0}" = 0 ] && grep -q "Non-2xx" "$WORK/wrk.out"; then echo "e2e: non-2xx answers from $url:" >&2; cat "$WORK/wrk.out" >&2; return 1; fi
  requests=$(awk '/ requests in / {print $1}' "$WORK/wrk.out")
  echo "$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.out") $(python3 -c "print(f'{($after - $before) / 1000 / $requests:.3f}')")"
}

declare -A PREFLIGHT GET PREFLIGHT_CPU GET_CPU TOKEN BASE SPID
# One measurement per kind; appended to the mode's space-separated list of rounds.
measure() { # name
  local name=$1 base=${BASE[$1]} token=${TOKEN[$1]} p g
  # Without CORS nothing answers a preflight: routing says 405, which is what is measured there.
  p=($(ALLOW_NON2XX=$([ "$name" = none ] && echo 1 || echo 0) rps "${SPID[$name]}" "$base/api/me/" -s "$WORK/preflight.lua"))
  g=($(rps "${SPID[$name]}" "$base/api/me/" -H "Authorization: Bearer $token" -H "Origin: $ORIGIN"))
  echo "e2e: $name preflight ${p[0]} req/s (${p[1]} µs CPU each), authenticated GET ${g[0]} req/s (${g[1]} µs CPU each)" >&2
  PREFLIGHT[$name]="${PREFLIGHT[$name]:-} ${p[0]}"
  GET[$name]="${GET[$name]:-} ${g[0]}"
  PREFLIGHT_CPU[$name]="${PREFLIGHT_CPU[$name]:-} ${p[1]}"
  GET_CPU[$name]="${GET_CPU[$name]:-} ${g[1]}"
}

start_server() { # name base-url-var command...
  local name=$1; shift
  local port; port=$(free_port)
  "$@" "$port" >"$WORK/server-$name.log" 2>&1 &
  PIDS+=("$!")
  SPID[$name]=$!
  wait_port "$port"
  BASE[$name]="http://127.0.0.1:$port"
  TOKEN[$name]=$(login "${BASE[$name]}")
  curl -fsS -o /dev/null -H "Authorization: Bearer ${TOKEN[$name]}" -H "Origin: $ORIGIN" "${BASE[$name]}/api/me/"
  # Warm-up at full load: tiered JIT and dynamic PGO settle only after tens of thousands of
  # requests (a 3 s warm-up left the first rounds 2-3x slower), plus connection and statement caches.
  taskset -c "$CLIENT_CPUS" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer ${TOKEN[$name]}" -H "Origin: $ORIGIN" "${BASE[$name]}/api/me/" >/dev/null 2>&1 || true
  taskset -c "$CLIENT_CPUS" wrk -t1 -c"$CONNECTIONS" -d3s -s "$WORK/preflight.lua" "${BASE[$name]}/api/me/" >/dev/null 2>&1 || true
}

sample() { # mode port
  mkdir -p "$WORK/root-$1"
  ASPNETCORE_ENVIRONMENT=Production DJANGO_SECRET_KEY="e2e-benchmark-secret-key-0123456789-abcdefghijklmnop" \
  DJANGO_SUPERUSER_USERNAME=$USER_NAME DJANGO_SUPERUSER_PASSWORD=$USER_PASSWORD \
  Logging__LogLevel__Default=Warning \
    exec taskset -c "$SERVER_CPU" dotnet "$WORK/sample/DjangoStyle.dll" --create-superuser-from-env --urls "http://127.0.0.1:$2" \
      --contentRoot "$WORK/root-$1" --Sample:Cors=$1
}

MODES=(none django aspnet)
for mode in "${MODES[@]}"; do start_server "$mode" sample "$mode"; done
# Round 0 is run and thrown away: after the per-server warm-ups, the first pass over the three
# servers still ran slower than every later one (all three modes alike), decided before looking
# at any ratio. Then the measured rounds, rotating the order so no mode is always first or last.
for k in 0 1 2; do measure "${MODES[$k]}" >/dev/null; done
for mode in "${MODES[@]}"; do PREFLIGHT[$mode]=""; GET[$mode]=""; PREFLIGHT_CPU[$mode]=""; GET_CPU[$mode]=""; done
for round in $(seq 1 "$ROUNDS"); do
  for k in 0 1 2; do measure "${MODES[$(( (round + k) % 3 ))]}"; done
done

HAVE_DJANGO=0
oracle() { # port
  DJANGO_SECRET_KEY="e2e-benchmark-secret-key-0123456789-abcdefghijklmnop" \
    exec taskset -c "$SERVER_CPU" "$ORACLE_DIR/serve.sh" samples/DjangoStyle/cors.settings "$1"
}
if [ -x "$ORACLE_DIR/serve.sh" ] && /usr/bin/python3 -c 'import django, corsheaders, rest_framework_simplejwt' 2>/dev/null; then
  start_server django-server oracle
  measure django-server
  HAVE_DJANGO=1
else
  echo "e2e: Django oracle not available; its rows are left out" >&2
fi

{
  echo "## End to end (bench/e2e.sh)"
  echo
  echo "Generated by \`bench/e2e.sh\` on $(date -u +%Y-%m-%d) on $(nproc) cores: the three sample servers side by side on core $SERVER_CPU (taskset), wrk (${THREADS} thread, ${CONNECTIONS} connections, ${DURATION} per measurement) on core(s) $CLIENT_CPUS, over loopback; each server warmed up for ${WARMUP} of GETs and 3 s of preflights at full load, then one unrecorded round over the three; ${ROUNDS} measured rounds, each measuring the three modes back to back in a rotating order. Ratios are taken within a round (paired) and summarised as the median over rounds, with the lowest and highest round in brackets; req/s are medians."
  echo "The sample runs in Production with logging at Warning; \`Sample:Cors\` picks the middleware. Preflight: \`OPTIONS /api/me/\` from an allowed Origin. GET: \`/api/me/\` with a valid Bearer access token (HS256, user lookup in SQLite) and an allowed Origin. The Django reference server (runserver, one process) is measured once, on the same core."
  echo
  E2E_PREFLIGHT_none="${PREFLIGHT[none]}" E2E_PREFLIGHT_django="${PREFLIGHT[django]}" E2E_PREFLIGHT_aspnet="${PREFLIGHT[aspnet]}" E2E_PREFLIGHT_oracle="${PREFLIGHT[django-server]:-}" \
  E2E_GET_none="${GET[none]}" E2E_GET_django="${GET[django]}" E2E_GET_aspnet="${GET[aspnet]}" E2E_GET_oracle="${GET[django-server]:-}" \
  E2E_PCPU_none="${PREFLIGHT_CPU[none]}" E2E_PCPU_django="${PREFLIGHT_CPU[django]}" E2E_PCPU_aspnet="${PREFLIGHT_CPU[aspnet]}" \
  E2E_GCPU_none="${GET_CPU[none]}" E2E_GCPU_django="${GET_CPU[django]}" E2E_GCPU_aspnet="${GET_CPU[aspnet]}" \
  python3 - <<'PY'
import os, statistics
def series(kind, mode):
    return [float(x) for x in os.environ.get(f"E2E_{kind}_{mode}", "").split()]
def paired(kind, mode, base):
    a, b = series(kind, mode), series(kind, base)
    r = [x / y for x, y in zip(a, b)]
    return f"{statistics.median(r):.3f} [{min(r):.3f}–{max(r):.3f}]"
def single(kind, mode, base):
    a, b = series(kind, mode), series(kind, base)
    return f"{statistics.median(a) / statistics.median(b):.3f}"
labels = {"none": "sample, no CORS middleware", "django": "sample, UseDjangoCors (ours)", "aspnet": "sample, ASP.NET Core UseCors", "oracle": "Django runserver (oracle)"}
print("| Server | Preflight req/s | vs no CORS | vs ASP.NET Core CORS | Authenticated GET req/s | vs no CORS | vs ASP.NET Core CORS |")
print("|---|---:|---:|---:|---:|---:|---:|")
for mode in ("none", "django", "aspnet", "oracle"):
    if not series("GET", mode):
        continue
    rel = single if mode == "oracle" else paired
    cells = []
    for kind in ("PREFLIGHT", "GET"):
        cells += [f"{statistics.median(series(kind, mode)):.0f}", rel(kind, mode, "none"), rel(kind, mode, "aspnet")]
    print(f"| {labels[mode]} | " + " | ".join(cells) + " |")
print()
print("Without CORS the sample has no preflight handler: OPTIONS /api/me/ goes to routing and answers 405, so the preflight row for it is the cost of a rejected OPTIONS, not a CORS answer.")
print("Server CPU time per request (all threads of the server process, from /proc/<pid>/task/*/schedstat around each wrk run). Where it moves as much as req/s between rounds, the variation is in how fast the machine runs the same work, not in how the server and wrk are scheduled:")
print()
print("| Server | Preflight CPU µs/request | vs no CORS | Authenticated GET CPU µs/request | vs no CORS | vs ASP.NET Core CORS |")
print("|---|---:|---:|---:|---:|---:|")
for mode in ("none", "django", "aspnet"):
    print(f"| {labels[mode]} | {statistics.median(series('PCPU', mode)):.1f} | {paired('PCPU', mode, 'none')} | "
          f"{statistics.median(series('GCPU', mode)):.1f} | {paired('GCPU', mode, 'none')} | {paired('GCPU', mode, 'aspnet')} |")
print()
ours = [1 - x / y for x, y in zip(series("GET", "django"), series("GET", "none"))]
asp = [1 - x / y for x, y in zip(series("GET", "aspnet"), series("GET", "none"))]
print(f"CORS middleware cost on the authenticated GET (1 − with / without, paired per round): ours {statistics.median(ours) * 100:.1f}% "
      f"(rounds {min(ours) * 100:.1f}% to {max(ours) * 100:.1f}%), ASP.NET Core's {statistics.median(asp) * 100:.1f}% "
      f"(rounds {min(asp) * 100:.1f}% to {max(asp) * 100:.1f}%).")
print()
PY
} >"$OUT"

# The raw rounds, for bench/targets.py (and anyone who wants other statistics).
python3 - "$DURATION" "$ROUNDS" "${PREFLIGHT[none]}" "${PREFLIGHT[django]}" "${PREFLIGHT[aspnet]}" "${GET[none]}" "${GET[django]}" "${GET[aspnet]}" \
  "${PREFLIGHT_CPU[none]}" "${PREFLIGHT_CPU[django]}" "${PREFLIGHT_CPU[aspnet]}" "${GET_CPU[none]}" "${GET_CPU[django]}" "${GET_CPU[aspnet]}" >docs/benchmarks.e2e.json <<'PY'
import json, sys
d, r, pn, pd, pa, gn, gd, ga, cpn, cpd, cpa, cgn, cgd, cga = sys.argv[1:15]
f = lambda s: [float(x) for x in s.split()]
json.dump({"duration": d, "rounds": int(r),
           "preflight": {"none": f(pn), "django": f(pd), "aspnet": f(pa)},
           "get": {"none": f(gn), "django": f(gd), "aspnet": f(ga)},
           "preflight_cpu_us": {"none": f(cpn), "django": f(cpd), "aspnet": f(cpa)},
           "get_cpu_us": {"none": f(cgn), "django": f(cgd), "aspnet": f(cga)}}, sys.stdout, indent=1)
PY

# Rewrite docs/benchmarks.md with this table (and the targets table, which reads the JSON) when
# the benchmark reports are at hand; otherwise splice the table between the markers.
if ls BenchmarkDotNet.Artifacts/results/*-report-github.md >/dev/null 2>&1; then
  BENCH_DOC_ONLY=1 bash bench/run.sh >&2
elif [ -f docs/benchmarks.md ] && grep -q '<!-- e2e -->' docs/benchmarks.md; then
  python3 - "$OUT" <<'PY'
import sys, re
e2e = open(sys.argv[1]).read()
doc = open("docs/benchmarks.md").read()
doc = re.sub(r"<!-- e2e -->.*?<!-- /e2e -->", lambda m: "<!-- e2e -->\n" + e2e + "<!-- /e2e -->", doc, flags=re.S)
open("docs/benchmarks.md", "w").write(doc)
PY
fi
echo "wrote $OUT" >&2
