#!/usr/bin/env bash
# Runs the register-search benchmark and writes bench/results/register-search.md.
# Usage: bench/run.sh [--quick]     (OPENBAMS_BENCH_POSTGRES=<connection string> adds PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results
mkdir -p "$out"
dotnet build bench/OpenBams.Bench -c Release -v q >/dev/null
header() {
  echo "# Register search benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); commit: $(git rev-parse --short HEAD 2>/dev/null || echo n/a)"
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(dotnet --version) SDK"
  echo
}
if [ "${1:-}" = "--quick" ]; then
  { header; echo "Quick mode (200 runs after 20 warm-up, stopwatch):"; echo; dotnet bench/OpenBams.Bench/bin/Release/net10.0/OpenBams.Bench.dll --quick | grep "^|"; } > "$out/register-search-quick.md"
else
  dotnet bench/OpenBams.Bench/bin/Release/net10.0/OpenBams.Bench.dll "$out"
  { header; sed "s/&#39;//g" "$out"/BenchmarkDotNet/results/*RegisterSearchBenchmarks-report-github.md; } > "$out/register-search.md"
fi
cat "$out"/register-search*.md
