#!/usr/bin/env bash
# CPU profile of one benchmark method with Linux perf (sampling, cpu-clock), the method run in a
# loop outside BenchmarkDotNet by the benchmarks' `profile` mode. Prints the hottest symbols (self
# time) and the split by library, and keeps both in BenchmarkDotNet.Artifacts/profiles/.
#   bench/profile.sh CorsMiddlewareBenchmarks.DjangoCors Case=AllowedGet Headers=HeaderDictionary
#   bench/profile.sh AccessTokenValidationBenchmarks.Ours Algorithm=HS256
# Needs perf (apt-get install -y linux-perf). The runtime is told to write a perf map, JIT
# everything (no ReadyToRun code without symbols) and map JIT code once (no W^X double mapping,
# which perf cannot attribute). SECONDS_TO_RUN (default 12) sets the length of the loop;
# PROFILE_DOC=docs/profiles/<name>.txt keeps the summary in the documentation.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,8p' "$0"; exit 2; }
command -v perf >/dev/null || { echo "profile: perf not found (apt-get install -y linux-perf)" >&2; exit 2; }
dotnet build -c Release bench/DjangoSettings.Benchmarks >/tmp/profile-build.log 2>&1 || { tail -20 /tmp/profile-build.log; exit 1; }
OUT=BenchmarkDotNet.Artifacts/profiles
mkdir -p "$OUT"
name=$(echo "$*" | tr ' =' '_-')
export DOTNET_PerfMapEnabled=1 DOTNET_ReadyToRun=0 DOTNET_EnableWriteXorExecute=0
perf record -q -F 2000 -e cpu-clock -g -o "$OUT/$name.data" \
  bench/DjangoSettings.Benchmarks/bin/Release/net10.0/DjangoSettings.Benchmarks profile "$@" "${SECONDS_TO_RUN:-12}" | tee "$OUT/$name.txt"
bash bench/profile-summary.sh "$OUT/$name.data" | tee -a "$OUT/$name.txt"
# PROFILE_DOC=docs/profiles/<file>.txt also keeps the summary in the documentation.
if [ -n "${PROFILE_DOC:-}" ]; then
  { echo "# bench/profile.sh $*"; echo "# $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)"; cat "$OUT/$name.txt"; } >"$PROFILE_DOC"
fi
echo "kept $OUT/$name.txt and $OUT/$name.data (perf report -i ... for call graphs)"
