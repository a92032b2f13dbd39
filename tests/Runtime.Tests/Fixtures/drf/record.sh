#!/usr/bin/env bash
# Re-records the Django oracle's answers for the DRF fixtures (run from anywhere; needs Debian's
# python3 with Django/DRF/simplejwt and the shared oracle beside the repository).
#
#   record.sh [SCENARIO...]     (default: every NAME.corpus.json here)
#
# For each scenario NAME: NAME.settings is the settings file the oracle execs, NAME.corpus.json the
# requests (probe.py's format), NAME.env (optional) extra environment for serve.sh (one VAR=value a
# line); the result is NAME.jsonl (status, DRF/locale headers and raw bodies, JWTs masked).
# Scenarios listed in i18n.list also get NAME.ko.* (LANGUAGE_CODE = 'ko-kr') and NAME.fr.*
# (LocaleMiddleware, Accept-Language: fr), written by make_variants.py.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE=${ORACLE_DIR:-$(cd "$HERE/../../../../../shared/oracle" 2>/dev/null && pwd || echo /work/shared/oracle)}
export ORACLE_DIR="$ORACLE"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

record() {
  local name=$1 port out serve
  port=$(free_port)
  out=$(mktemp)
  (
    if [ -f "$HERE/$name.env" ]; then set -a; . "$HERE/$name.env"; set +a; fi
    exec bash "$HERE/serve_drf.sh" "$HERE/$name.settings" "$port"
  ) > "$out" &
  serve=$!
  for _ in $(seq 1 600); do grep -q "ORACLE READY" "$out" 2>/dev/null && break; sleep 0.1; done
  if ! grep -q "ORACLE READY" "$out"; then kill -TERM $serve 2>/dev/null || true; wait $serve 2>/dev/null || true; echo "oracle did not start for $name" >&2; cat "$out" >&2; rm -f "$out"; return 1; fi
  python3 "$HERE/record_raw.py" "http://127.0.0.1:$port" "$HERE/$name.corpus.json" "$HERE/$name.jsonl"
  kill -TERM $serve; wait $serve 2>/dev/null || true
  rm -f "$out"
  echo "$name: recorded $(wc -l < "$HERE/$name.jsonl") requests"
}

# The ko-kr and Accept-Language: fr variants of the scenarios in i18n.list.
python3 "$HERE/make_variants.py"

if [ $# -eq 0 ]; then
  set -- $(cd "$HERE" && ls *.corpus.json | sed 's/\.corpus\.json$//')
fi
for name in "$@"; do record "$name"; done
