#!/usr/bin/env bash
# Records the Django oracle's answers to corpus/basic.json for each realistic settings file of
# shared/corpus/settings that Django itself serves (header "oracle-exec: ok ..." and passing checks
# with a clean environment), plus how Django read the file (dump_settings.py --4x). The runtime test
# CorpusFixtureReplayTests compiles the same files with our settings compiler and replays them.
# Usage: record.sh [SHARED_DIR]   (default: ../shared next to the repository)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
SHARED=${1:-${DJANGOSETTINGS_SHARED:-$ROOT/../shared}}
ORACLE=$SHARED/oracle
export ORACLE_RENDERERS=json
port=18440
rm -f "$HERE"/*.settings "$HERE"/*.jsonl "$HERE"/*.dump.json
for settings in "$SHARED"/corpus/settings/*.settings; do
  name=$(basename "$settings" .settings)
  grep -q '^# oracle-exec: ok' "$settings" || { echo "skip $name (not runnable by the oracle)"; continue; }
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  (cd "$ORACLE" && env -i PATH="$PATH" HOME="$HOME" ORACLE_RENDERERS=json ./serve.sh "$settings" "$port" > "/tmp/corpus-record-$name.ready" 2>"/tmp/corpus-record-$name.err") &
  pid=$!
  ok=0
  for _ in $(seq 1 300); do
    if grep -q "ORACLE READY" "/tmp/corpus-record-$name.ready" 2>/dev/null; then ok=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ "$ok" = 1 ]; then
    cp "$settings" "$HERE/$name.settings"
    (cd "$ORACLE" && python3 probe.py "http://127.0.0.1:$port" corpus/basic.json -o "$HERE/$name.jsonl")
    (cd "$ORACLE" && env -i PATH="$PATH" HOME="$HOME" /usr/bin/python3 dump_settings.py --4x "$settings") > "$HERE/$name.dump.json"
    echo "recorded $name"
  else
    echo "skip $name (Django refuses to start it: $(tail -1 /tmp/corpus-record-$name.err))"
  fi
  kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  rm -f "/tmp/corpus-record-$name.ready" "/tmp/corpus-record-$name.err"
  port=$((port + 1))
done
