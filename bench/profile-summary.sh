#!/usr/bin/env bash
# Prints the summary bench/profile.sh keeps for a perf recording: self time by library, then the
# hottest symbols (>= 1% of the samples), .NET names shortened. Usage: bench/profile-summary.sh perf.data
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 perf.data" >&2; exit 2; }
clean() { sed -E 's/\[(System|Microsoft|DjangoSettings)[^]]*\] //g; s/(valuetype|class|instance) //g; s/\[Optimized(Tier1)?(OSR)?\]//; s/ +$//' | cut -c1-170; }
echo "## by library (self time)"
perf report -i "$1" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -8
echo "## hottest symbols (self time, >= 1%)"
perf report -i "$1" --no-children --sort symbol --stdio -g none --percent-limit 1 2>/dev/null | grep -v '^#' | grep -v '^$' | clean | head -40
