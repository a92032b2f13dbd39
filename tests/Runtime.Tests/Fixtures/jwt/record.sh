#!/usr/bin/env bash
# Re-records the Django oracle's answers to corpus.json (run from anywhere; needs Debian's
# python3 with Django/DRF/simplejwt and the shared oracle). Writes django.raw.jsonl (byte-exact
# bodies, used by JwtEndpointOracleTests) and django.probe.jsonl (probe.py --body format).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE=${ORACLE_DIR:-$(cd "$HERE/../../../../../shared/oracle" 2>/dev/null && pwd || echo /work/shared/oracle)}
PORT=${PORT:-18731}
export ORACLE_RENDERERS=json
bash "$ORACLE/serve.sh" "$HERE/oracle.settings" "$PORT" > "$HERE/.serve.out" &
SERVE=$!
trap 'kill -TERM $SERVE 2>/dev/null || true; wait $SERVE 2>/dev/null || true; rm -f "$HERE/.serve.out"' EXIT
for _ in $(seq 1 300); do grep -q "ORACLE READY" "$HERE/.serve.out" 2>/dev/null && break; sleep 0.1; done
grep -q "ORACLE READY" "$HERE/.serve.out"
ORACLE_DIR="$ORACLE" python3 "$HERE/record_raw.py" "http://127.0.0.1:$PORT" "$HERE/corpus.json" "$HERE/django.raw.jsonl"
# A second server for the probe.py format (fresh DB: the corpus blacklists tokens).
kill -TERM $SERVE; wait $SERVE 2>/dev/null || true
bash "$ORACLE/serve.sh" "$HERE/oracle.settings" "$PORT" > "$HERE/.serve.out" &
SERVE=$!
for _ in $(seq 1 300); do grep -q "ORACLE READY" "$HERE/.serve.out" 2>/dev/null && break; sleep 0.1; done
python3 "$ORACLE/probe.py" "http://127.0.0.1:$PORT" "$HERE/corpus.json" --body --header www-authenticate --header allow --header location -o "$HERE/django.probe.jsonl"
echo "recorded $(wc -l < "$HERE/django.raw.jsonl") requests"
