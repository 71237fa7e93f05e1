#!/usr/bin/env bash
# Notification sender benchmark: how many outbox messages per second the server's sender delivers into the in-app
# inbox, against the database's own rate for the same work (plain SQL, same batches) in the same run. For each
# database: migrates an empty schema, starts the real server (Release build, sender polling every second), fills the
# outbox with MESSAGES rows in one transaction, times the drain, stops the server, and does the same work itself.
# Usage: bench/outbox-bench.sh [postgres|sqlite|both=both] [messages=200000]
set -euo pipefail
cd "$(dirname "$0")/.."
which_db=${1:-both}
messages=${2:-200000}
root=$(pwd)
source scripts/throwaway-postgres.sh

dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
app="$root/src/Linli/bin/Release/net10.0/Linli.dll"
bench="$root/bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll"
work=$(mktemp -d /tmp/linli-outbox.XXXXXX)
export PersonalData__Key=$(head -c 32 /dev/urandom | base64)
export Logging__LogLevel__Default=Warning
mkdir -p bench/results
report="$root/bench/results/outbox-$(date +%Y%m%d-%H%M%S).md"
echo "# Notification sender benchmark, $(date -u +%FT%TZ), $(nproc) cores, $messages messages per run, commit $(git rev-parse --short HEAD)" > "$report"
echo "Server, benchmark and database share the machine. Read the ratio; bare rates move with the neighbours." >> "$report"

bench_postgres() {
  pg_start
  pg_psql postgres -c "CREATE DATABASE bench"
  local conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench"
  dotnet "$app" migrate --db postgres --connection "$conn" | tail -1
  dotnet "$bench" --mode outbox --messages "$messages" --app "$app" --db postgres --connection "$conn" --label PostgreSQL --report "$report"
  pg_stop
}

bench_sqlite() {
  mkdir -p "$work/sqlite"
  dotnet "$app" migrate --Database:DataFolder="$work/sqlite" | tail -1
  dotnet "$bench" --mode outbox --messages "$messages" --app "$app" --db sqlite --data-folder "$work/sqlite" --label SQLite --report "$report"
}

[ "$which_db" = sqlite ] || bench_postgres
[ "$which_db" = postgres ] || bench_sqlite
rm -rf "$work"
echo "Report: $report"
cat "$report"
