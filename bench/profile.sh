#!/usr/bin/env bash
# CPU profile of one benchmark method with Linux perf (sampling, cpu-clock), the method run in a
# loop outside BenchmarkDotNet by the benchmarks' `profile` mode. Prints the hottest symbols (self
# time) and the split by library, and keeps both in BenchmarkDotNet.Artifacts/profiles/.
#   bench/profile.sh CorsMiddlewareBenchmarks.DjangoCors Case=AllowedGet Headers=HeaderDictionary
#   bench/profile.sh AccessTokenValidationBenchmarks.Ours Algorithm=HS256
# Needs perf (apt-get install -y linux-perf). The runtime is told to write a perf map, JIT
# everything (no ReadyToRun code without symbols) and map JIT code once (no W^X double mapping,
# which perf cannot attribute). SECONDS_TO_RUN (default 12) sets the length of the loop.
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
clean() { sed -E 's/\[(System|Microsoft|DjangoSettings)[^]]*\] //g; s/(valuetype|class|instance) //g; s/\[Optimized(Tier1)?(OSR)?\]//' | cut -c1-160; }
{
  echo "## by library (self time)"
  perf report -i "$OUT/$name.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -8
  echo "## hottest symbols (self time, >= 1%)"
  perf report -i "$OUT/$name.data" --no-children --sort symbol --stdio -g none --percent-limit 1 2>/dev/null | grep -v '^#' | grep -v '^$' | clean | head -40
} | tee -a "$OUT/$name.txt"
echo "kept $OUT/$name.txt and $OUT/$name.data (perf report -i ... for call graphs)"
