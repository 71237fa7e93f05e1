#!/usr/bin/env bash
# Intake and metrics benchmark. For each database: seeds a small city (regions, grids, categories) with a
# year of tickets (--Requests:HistoryScale, 1 = about 1 million), starts the real server on loopback (Release build,
# demo accounts and demo Open311 key on; the city is already seeded so the demo seeds nothing), drives sustained POSTs
# through Open311 and the internal JSON API, measures the database's own INSERT rate for the same rows at the same
# concurrency, and times the whole-city metrics aggregate. The report goes to bench/results/.
# Usage: bench/intake-bench.sh [postgres|sqlite|both=both] [seconds=20] [concurrency=32]
# Environment: HISTORY_PG (default 1), HISTORY_SQLITE (default 0.2), CITY_SCALE (default 0.002), PG_EXTRA_OPTIONS.
set -euo pipefail
cd "$(dirname "$0")/.."
which_db=${1:-both}
seconds=${2:-20}
concurrency=${3:-32}
root=$(pwd)
source scripts/throwaway-postgres.sh

dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
app="$root/src/Linli/bin/Release/net10.0/Linli.dll"
bench="$root/bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll"
work=$(mktemp -d /tmp/linli-intake.XXXXXX)
export PersonalData__Key=$(head -c 32 /dev/urandom | base64)
export Logging__LogLevel__Default=Warning
mkdir -p bench/results
report="$root/bench/results/intake-$(date +%Y%m%d-%H%M%S).md"
echo "# Intake and metrics benchmark, $(date -u +%FT%TZ), $(nproc) cores, ${seconds} s per run, concurrency $concurrency" > "$report"
echo "Load generator, server and database share the machine (loopback). Read the ratios; bare rates move with the neighbours." >> "$report"

now() { date +%s.%N; }

bench_postgres() {
  export PG_EXTRA_OPTIONS="${PG_EXTRA_OPTIONS:--c shared_buffers=512MB -c max_wal_size=4GB}"
  pg_start
  echo "PostgreSQL options: ${PG_EXTRA_OPTIONS:-defaults}" >> "$report"
  pg_psql postgres -c "CREATE DATABASE bench"
  local conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench;Maximum Pool Size=200"
  local t0=$(now)
  dotnet "$app" seed --scale "${CITY_SCALE:-0.002}" --seed 42 --Requests:HistoryScale="${HISTORY_PG:-1}" --db postgres --connection "$conn" | tail -3
  echo "- seeding (city scale ${CITY_SCALE:-0.002}, history scale ${HISTORY_PG:-1}): $(python3 -c "print(f'{$(now)-$t0:.0f}')") s" >> "$report"
  pg_psql bench -c "VACUUM ANALYZE" >/dev/null
  dotnet "$bench" --app "$app" --db postgres --connection "$conn" --duration "$seconds" --concurrency "$concurrency" --label PostgreSQL --report "$report" --metrics-endpoint "/api/requests/metrics?groupBy=category&period=year"
  pg_stop
}

bench_sqlite() {
  mkdir -p "$work/sqlite"
  local t0=$(now)
  dotnet "$app" seed --scale "${CITY_SCALE:-0.002}" --seed 42 --Requests:HistoryScale="${HISTORY_SQLITE:-0.2}" --Database:DataFolder="$work/sqlite" | tail -3
  echo "- seeding SQLite (city scale ${CITY_SCALE:-0.002}, history scale ${HISTORY_SQLITE:-0.2}): $(python3 -c "print(f'{$(now)-$t0:.0f}')") s" >> "$report"
  dotnet "$bench" --app "$app" --db sqlite --data-folder "$work/sqlite" --duration "$seconds" --concurrency "$concurrency" --label SQLite --report "$report" --metrics-endpoint "/api/requests/metrics?groupBy=category&period=year"
}

[ "$which_db" = sqlite ] || bench_postgres
[ "$which_db" = postgres ] || bench_sqlite
rm -rf "$work"
echo "Report: $report"
cat "$report"
