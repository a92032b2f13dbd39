#!/usr/bin/env bash
# Records the Django oracle's answers to corpus/basic.json for each sample settings file, as the
# fixtures CorsFixtureReplayTests replays against DjangoCorsMiddleware (with the 3.14 -> 4.x deltas).
# Usage: record.sh [ORACLE_DIR]   (default: ../shared/oracle next to the repository)
# Needs Debian's python3-django, python3-django-cors-headers, ... (see the oracle README).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
if [ $# -ge 1 ]; then ORACLE=$1
elif [ -n "${DJANGOSETTINGS_SHARED:-}" ]; then ORACLE=$DJANGOSETTINGS_SHARED/oracle
else ORACLE=$ROOT/../shared/oracle; fi
cd "$ORACLE"
# Same as the tests' OracleServer: DRF renders JSON only, so DRF views answer "Vary: Origin".
export ORACLE_RENDERERS=json
cp corpus/basic.json "$HERE/basic.corpus.json"   # the replay test needs the exact requests too
port=18340
for settings in settings/*.cors.settings; do
  name=$(basename "$settings" .cors.settings)
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  ./serve.sh "$settings" "$port" > "/tmp/cors-record-$name.ready" &
  pid=$!
  for _ in $(seq 1 300); do grep -q "ORACLE READY" "/tmp/cors-record-$name.ready" 2>/dev/null && break; sleep 0.2; done
  python3 probe.py "http://127.0.0.1:$port" corpus/basic.json -o "$HERE/$name.jsonl"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "/tmp/cors-record-$name.ready"
  echo "recorded $name.jsonl ($(wc -l < "$HERE/$name.jsonl") requests)"
  port=$((port + 1))
done
