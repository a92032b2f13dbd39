#!/usr/bin/env bash
# Build cost of long CORS_ALLOWED_ORIGINS lists (issue 16.4), measured on a real project build: a
# web project referencing src/Runtime and the generator (as the sample does) is built with a
# generated settings file of N origins, and the C# compiler process (csc, run without the build
# server so it is a process of its own) is timed with /usr/bin/time: wall time and peak resident
# memory. Writes docs/benchmarks.origins.md and splices it into docs/benchmarks.md.
#   bench/origin-build.sh                         N = 10, 1000, 10000, 100000 on this checkout
#   ORIGIN_COUNTS="1000 10000" ORIGIN_REV=203a23e bench/origin-build.sh
#       the same at another commit (exported with git archive into a temporary directory, so the
#       repository's worktree list is not touched); its rows are added as "before"
# Each N is built once to warm MSBuild and NuGet, then ORIGIN_ROUNDS (default 3) times with only
# the settings file touched; the table reports the median round and the spread.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
COUNTS=${ORIGIN_COUNTS:-10 1000 10000 100000}
ROUNDS=${ORIGIN_ROUNDS:-3}
REV=${ORIGIN_REV:-}
OUT=docs/benchmarks.origins.md
DATA=docs/benchmarks.origins.json
command -v /usr/bin/time >/dev/null || { echo "origin-build: /usr/bin/time not found (apt-get install -y time)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/djs-origins.XXXXXX)
SRC=$ROOT
trap 'rm -rf "$WORK"' EXIT
if [ -n "$REV" ]; then
  mkdir -p "$WORK/src"
  git -C "$ROOT" archive "$REV" src Directory.Build.props | tar -x -C "$WORK/src"
  SRC=$WORK/src
fi
LABEL=${REV:-$(git rev-parse --short HEAD)}

VERSION=$(dotnet --version)
CSC=$(dotnet --list-sdks | sed -n "s/^$VERSION \[\(.*\)\]$/\1/p")/$VERSION/Roslyn/bincore/csc
[ -x "$CSC" ] || { echo "origin-build: no compiler at $CSC" >&2; exit 2; }
# The Csc task runs this wrapper instead of csc: the same compiler, timed on its own.
mkdir -p "$WORK/tools"
cat >"$WORK/tools/csc" <<SH
#!/usr/bin/env bash
exec /usr/bin/time -f "%e %M" -a -o "$WORK/csc.times" "$CSC" "\$@"
SH
chmod +x "$WORK/tools/csc"

mkdir -p "$WORK/app"
cat >"$WORK/app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <Import Project="$SRC/src/Generator/build/DjangoSettings.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>App</RootNamespace>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$SRC/src/Runtime/DjangoSettings.Runtime.csproj" />
    <ProjectReference Include="$SRC/src/Generator/DjangoSettings.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
  <Import Project="$SRC/src/Generator/build/DjangoSettings.targets" />
</Project>
XML
# Only the settings file matters; the program just has to compile against either API.
echo 'WebApplication.CreateBuilder(args).Build().Run();' >"$WORK/app/Program.cs"

settings() {
  python3 - "$1" >"$WORK/app/cors.settings" <<'PY'
import sys
n = int(sys.argv[1])
print("CORS_ALLOWED_ORIGINS = [")
for i in range(n):
    print(f'    "https://customer{i}.example-platform.com",')
print("]")
PY
}

echo "origin-build: building the runtime and generator at $LABEL" >&2
settings 10
dotnet build -c Release "$WORK/app" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }

RESULTS=()
for n in $COUNTS; do
  settings "$n"
  : >"$WORK/csc.times"
  for round in $(seq 0 "$ROUNDS"); do
    touch "$WORK/app/cors.settings"
    if ! timeout 1800 dotnet build -c Release --no-restore --no-dependencies --disable-build-servers \
        -p:UseSharedCompilation=false -p:CscToolPath="$WORK/tools" -p:CscToolExe=csc "$WORK/app" >"$WORK/build.log" 2>&1; then
      echo "origin-build: N=$n failed or timed out" >&2; tail -5 "$WORK/build.log" >&2
      echo "fail fail" >>"$WORK/csc.times"
    fi
    echo "origin-build: N=$n round $round: $(tail -1 "$WORK/csc.times")" >&2
  done
  # The first line is the warm-up build.
  RESULTS+=("$n $(tail -n +2 "$WORK/csc.times" | tr '\n' ' ')")
done

python3 - "$DATA" "$LABEL" "${REV:+before}" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "${RESULTS[@]}" <<'PY'
import json, os, statistics, sys
path, label, kind, cores, load = sys.argv[1:6]
data = json.load(open(path)) if os.path.exists(path) else {"runs": {}}
rows = []
for line in sys.argv[6:]:
    parts = line.split()
    n, values = int(parts[0]), parts[1:]
    ok = [(float(values[i]), int(values[i + 1])) for i in range(0, len(values), 2) if values[i] != "fail"]
    rows.append({"origins": n, "seconds": [s for s, _ in ok], "peak_kb": [m for _, m in ok], "failed": len(values) // 2 - len(ok)})
data["runs"]["before" if kind else "after"] = {"commit": label, "cores": cores, "load": load, "rows": rows}
json.dump(data, open(path, "w"), indent=1)
PY

python3 - "$DATA" >"$OUT" <<'PY'
import json, statistics, sys
data = json.load(open(sys.argv[1]))
print("## Origin lists at scale: the build (bench/origin-build.sh)")
print()
print("Generated by `bench/origin-build.sh` (and `ORIGIN_REV=<commit> ORIGIN_COUNTS=... bench/origin-build.sh` for the \"before\" rows): a web project referencing the runtime and the generator, built in Release with a settings file of N origins (`\"https://customer{i}.example-platform.com\"`). The C# compiler runs as its own process (`UseSharedCompilation=false`) through a wrapper that times it with `/usr/bin/time`: wall time of the whole compilation, the generator and the SDK's analyzers included, and its peak resident memory. One warm-up build, then the median of the measured rounds (lowest–highest in brackets).")
print()
print("| Code | Origins | csc wall time (s) | csc peak memory (MB) | rounds |")
print("|---|---:|---:|---:|---:|")
for kind in ("before", "after"):
    run = data["runs"].get(kind)
    if not run:
        continue
    for r in run["rows"]:
        if not r["seconds"]:
            print(f"| {kind} ({run['commit']}) | {r['origins']:,} | did not finish | | {r['failed']} failed |")
            continue
        s, m = r["seconds"], [k / 1024 for k in r["peak_kb"]]
        print(f"| {kind} ({run['commit']}) | {r['origins']:,} | {statistics.median(s):.1f} [{min(s):.1f}–{max(s):.1f}] | {statistics.median(m):.0f} [{min(m):.0f}–{max(m):.0f}] | {len(s)} |")
print()
loads = "; ".join(f"{k}: load average {v['load']} on {v['cores']} cores" for k, v in data["runs"].items())
print(f"Machine while measuring: {loads}. Target (issue 16.4): 100,000 origins under 60 s and 1 GB.")
print()
PY
if [ -f docs/benchmarks.md ] && grep -q '<!-- origins -->' docs/benchmarks.md; then
  python3 - <<'PY'
import re
doc = open("docs/benchmarks.md").read()
part = open("docs/benchmarks.origins.md").read()
doc = re.sub(r"<!-- origins -->.*?<!-- /origins -->", lambda m: "<!-- origins -->\n" + part + "<!-- /origins -->", doc, flags=re.S)
open("docs/benchmarks.md", "w").write(doc)
PY
fi
echo "wrote $OUT" >&2
