#!/usr/bin/env bash
# Audit log benchmark: the cost of appending chained entries (against plain inserts of the same rows), verifying a
# million entries (against a plain streamed read of them) and the audit page's queries at that size, on a throwaway
# PostgreSQL server and on a SQLite file. In-process on the product's own services (bench/Linli.Bench audit …).
# Usage: bench/audit-bench.sh [postgres|sqlite|both=both] [entries=1000000] [seconds=10] [concurrency=16]
set -euo pipefail
cd "$(dirname "$0")/.."
which_db=${1:-both}
entries=${2:-1000000}
seconds=${3:-10}
concurrency=${4:-16}
root=$(pwd)
source scripts/throwaway-postgres.sh

dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
bench="$root/bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll"
work=$(mktemp -d /tmp/linli-audit.XXXXXX)
mkdir -p bench/results
report="$root/bench/results/audit-$(date +%Y%m%d-%H%M%S).md"
echo "# Audit log benchmark, $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" > "$report"
echo "Bench, app services and database share the machine. Read the ratios; bare rates move with the neighbours." >> "$report"

if [ "$which_db" != sqlite ]; then
  pg_start
  pg_psql postgres -c "CREATE DATABASE bench_audit"
  dotnet "$bench" audit --db postgres --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench_audit;Maximum Pool Size=100" \
    --data-folder "$work/pg" --entries "$entries" --duration "$seconds" --concurrency "$concurrency" --report "$report"
  pg_stop
fi
if [ "$which_db" != postgres ]; then
  dotnet "$bench" audit --db sqlite --data-folder "$work/sqlite" --entries "$entries" --duration "$seconds" --concurrency "$concurrency" --report "$report"
fi
rm -rf "$work"
echo "Report: $report"
