#!/usr/bin/env bash
# Appointments benchmark: rounds of 100 concurrent bookings at one slot of 3 places (POST /api/appointments), against a
# baseline measured in the same run: as many rounds of 100 concurrent GETs of the public slot list. Reports throughput
# and p99 of both, their ratios, and the overbookings (must be 0: the run fails otherwise). For each database: migrates
# an empty schema, starts the real server (Release build, demo accounts), publishes slots as demo.community and books
# as demo.resident (a different item per request, so only the slot's places decide; the bookings are cancelled after
# each round so the per-person cap never does).
# Usage: bench/appointments-bench.sh [postgres|sqlite|both=both] [rounds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
which_db=${1:-both}
rounds=${2:-20}
root=$(pwd)
source scripts/throwaway-postgres.sh

dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
app="$root/src/Linli/bin/Release/net10.0/Linli.dll"
bench="$root/bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll"
work=$(mktemp -d /tmp/linli-appointments.XXXXXX)
export PersonalData__Key=$(head -c 32 /dev/urandom | base64)
export Logging__LogLevel__Default=Warning
# One client and one account send every request here; the limits are for people, not for this load.
export RateLimiting__Intake__PerAccount=1000000 RateLimiting__Intake__PerClient=1000000 RateLimiting__PublicRead__PerClient=1000000
mkdir -p bench/results
report="$root/bench/results/appointments-$(date +%Y%m%d-%H%M%S).md"
echo "# Appointments benchmark, $(date -u +%FT%TZ), $(nproc) cores, $rounds rounds of 100 concurrent requests, commit $(git rev-parse --short HEAD)" > "$report"
echo "Server, benchmark and database share the machine. Read the ratios; bare rates move with the neighbours." >> "$report"

bench_postgres() {
  pg_start
  pg_psql postgres -c "CREATE DATABASE bench"
  local conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench"
  dotnet "$app" migrate --db postgres --connection "$conn" | tail -1
  dotnet "$bench" --mode appointments --rounds "$rounds" --app "$app" --db postgres --connection "$conn" --label PostgreSQL --report "$report"
  pg_stop
}

bench_sqlite() {
  mkdir -p "$work/sqlite"
  dotnet "$app" migrate --Database:DataFolder="$work/sqlite" | tail -1
  dotnet "$bench" --mode appointments --rounds "$rounds" --app "$app" --db sqlite --data-folder "$work/sqlite" --label SQLite --report "$report"
}

[ "$which_db" = sqlite ] || bench_postgres
[ "$which_db" = postgres ] || bench_sqlite
rm -rf "$work"
echo "Report: $report"
cat "$report"
