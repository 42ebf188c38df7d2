#!/usr/bin/env bash
# OpenBAMS: build and run the whole test suite.
# Installs what it needs from Debian packages if missing (PostgreSQL, chromium, Noto fonts, poppler),
# starts a throw-away PostgreSQL on a loopback port in a temporary directory, runs every test project
# (database tests run on SQLite and on that PostgreSQL; browser tests in headless chromium), and cleans up.
set -euo pipefail
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Registry".
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -f /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ] || need+=(fonts-noto-core)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if ((${#need[@]})); then
  echo "Installing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGTMP=$(mktemp -d /tmp/openbams-pg.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGTMP"

cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT INT TERM

as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U openbams --auth=trust --no-locale -E UTF8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" -w \
  -o "-p $PORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "Throw-away PostgreSQL on 127.0.0.1:$PORT ($PGTMP)"
# Test databases, templates and browser profiles go under the same directory, removed at the end.
mkdir -p "$PGTMP/tmp" && export TMPDIR="$PGTMP/tmp"
export OPENBAMS_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=openbams;Database=postgres;Pooling=true"

set +e
dotnet test OpenBams.slnx -c Release "$@" 2>&1 | tee "$PGTMP/test.log"
status=${PIPESTATUS[0]}
set -e
# One closing line in the plain form CI reads: "N passed, N failed".
total() { grep -oE "$1: +[0-9]+" "$PGTMP/test.log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
passed=$(total Passed); failed=$(total Failed)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a build error fails too
echo "$passed passed, $failed failed"
exit "$status"
