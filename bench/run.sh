#!/usr/bin/env bash
# Register-search benchmark: builds Release and runs it, results in bench/results/.
#
#   bench/run.sh                  BenchmarkDotNet (1 launch, 3 warm-up, 10 iterations, in-process)
#                                 -> bench/results/register-search.md (+ full artifacts in bench/results/BenchmarkDotNet/)
#   bench/run.sh --filter '*Http*'   extra arguments go to BenchmarkDotNet
#   bench/run.sh --quick [--runs N] [--warmup N]
#                                 stopwatch loop, mean/p50/p95 -> bench/results/register-search-quick.md
#   bench/run.sh --plans          the SQL of each scenario with the engine's query plan
#                                 -> bench/results/register-search-plans.md
#   bench/run.sh --council [--runs N] [--warmup N]
#                                 the council's hot paths (live session screen, public portal of decisions, oversight
#                                 queue) on a national dataset, stopwatch loop -> bench/results/council-quick.md
#   bench/run.sh --council-plans  the SQL of each council scenario with the engine's query plan
#                                 -> bench/results/council-plans.md
#
# OPENBAMS_BENCH_POSTGRES="Host=...;Port=...;Username=...;Database=postgres" adds PostgreSQL to every mode
# (a throw-away database is created on that server and dropped afterwards; the role needs CREATEDB).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results
build=bench/bin/artifacts   # own build output: never shares src/*/bin with a parallel build or test run
mkdir -p "$out"

if [ ! -d src/OpenBams/Data/Migrations ]; then
  echo "src/OpenBams/Data/Migrations does not exist yet: the app cannot create its database." >&2
  exit 1
fi
echo "Building (Release) ..."
if ! log=$(dotnet build bench/OpenBams.Bench -c Release --artifacts-path "$build" -v q -nologo 2>&1); then
  echo "$log" >&2
  echo "Build failed." >&2
  exit 1
fi
dll="$build/bin/OpenBams.Bench/release/OpenBams.Bench.dll"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)   # after the build, as the measured run starts

register_data="the official list, 2718 municipalities, loaded by OpenBamsApp.PrepareAsync into a new database"
council_data="the official list loaded by OpenBamsApp.PrepareAsync into a new database, then 1600 municipalities x 30 published decisions with their sessions, items, votes, ballots, attendance and speeches, and one live session of a 19-member council held through the API"

header() {
  local title=$1 data=${2:-$register_data} commit changed runtime
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo n/a)
  changed=$(git status --porcelain -- src 2>/dev/null | wc -l)
  runtime=$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/{v=$2} END{print v}')
  echo "# $title"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- Load average: ${load_before:-n/a} before the run, $(cut -d' ' -f1-3 /proc/loadavg) after it (1, 5, 15 minutes; $(nproc) cores)"
  echo "- .NET: SDK $(dotnet --version), runtime $runtime"
  echo "- Commit: $commit$([ "$changed" -gt 0 ] && echo " (with $changed uncommitted changes under src/)")"
  echo "- Engines: SQLite$([ -n "${OPENBAMS_BENCH_POSTGRES:-}" ] && echo ", PostgreSQL $(psql_version)")"
  echo "- Data: $data"
  echo
}
psql_version() {
  dotnet "$dll" --postgres-version 2>/dev/null || echo "(version unknown)"
}

case "${1:-}" in
  --quick)
    shift
    tmp=$(mktemp)
    dotnet "$dll" --quick "$@" > "$tmp"
    { header "Register search benchmark: quick mode"; grep -E '^Stopwatch' "$tmp"; echo; grep -E '^\|' "$tmp"; } > "$out/register-search-quick.md"
    rm -f "$tmp"
    cat "$out/register-search-quick.md"
    ;;
  --plans)
    tmp=$(mktemp)
    dotnet "$dll" --plans > "$tmp"
    { header "Register search: SQL and query plans"; sed -n '/^## /,$p' "$tmp" | grep -vE '^(OpenBAMS is running|Database: |Administrator login)'; } \
      > "$out/register-search-plans.md"
    rm -f "$tmp"
    echo "Written: $out/register-search-plans.md"
    ;;
  --council)
    shift
    tmp=$(mktemp)
    dotnet "$dll" --council "$@" > "$tmp"
    { header "Council benchmark: quick mode" "$council_data"; grep -E '^(Dataset|Live session)' "$tmp"; echo; grep -E '^Stopwatch' "$tmp"; echo; grep -E '^\|' "$tmp"; } \
      > "$out/council-quick.md"
    rm -f "$tmp"
    cat "$out/council-quick.md"
    ;;
  --council-plans)
    tmp=$(mktemp)
    dotnet "$dll" --council-plans > "$tmp"
    { header "Council: SQL and query plans" "$council_data"; sed -n '/^## /,$p' "$tmp" | grep -vE '^(OpenBAMS is running|Database: |Administrator login)'; } \
      > "$out/council-plans.md"
    rm -f "$tmp"
    echo "Written: $out/council-plans.md"
    ;;
  *)
    rm -f "$out"/BenchmarkDotNet/results/*RegisterSearchBenchmarks-report*
    dotnet "$dll" --artifacts "$out/BenchmarkDotNet" "$@"
    report=$(ls "$out"/BenchmarkDotNet/results/*RegisterSearchBenchmarks-report-github.md)
    {
      header "Register search benchmark"
      echo "BenchmarkDotNet summary (job Short10: 1 launch, 3 warm-up and 10 measured iterations, in-process;"
      echo "full logs and CSV/HTML in bench/results/BenchmarkDotNet/, not versioned):"
      echo
      # BenchmarkDotNet quotes descriptions ('...', HTML-escaped in the markdown export); drop the quotes.
      sed -e "s/&#39;//g" -e "s/'//g" "$report"
    } > "$out/register-search.md"
    cat "$out/register-search.md"
    ;;
esac
