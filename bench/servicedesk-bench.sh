#!/usr/bin/env bash
# Service-desk read paths over a seeded city: the statistics for a year city-wide against one sequential scan of the cases
# table, and the case lists (community, district, city; due-soon, overdue) against GET /health, all in one run
# (bench/Linli.Bench --mode servicedesk). Seeds the synthetic city once into a SQLite folder (kept between runs), starts the
# real server (Release build) on it with the demo accounts, and writes the report to bench/results/.
# Usage: bench/servicedesk-bench.sh [scale=0.02] [repetitions=20]
# Environment: HISTORY_SCALE (scale of the service cases alone, e.g. 1 = 583,000 a year, or 5 for five years' worth in one
# year; default: the city's scale), TICKETS_SCALE (the Requests history's, default the city's: keep it small when only
# cases matter), LINLI_BENCH_DATA (the SQLite folder; default /tmp/linli-servicedesk-<scale>-<history>).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-0.02}
reps=${2:-20}
history=${HISTORY_SCALE:-$scale}
root=$(pwd)
dir=${LINLI_BENCH_DATA:-/tmp/linli-servicedesk-$scale-$history}
dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
app="$root/src/Linli/bin/Release/net10.0/Linli.dll"
bench="$root/bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll"
mkdir -p "$dir"
[ -f "$dir/personal-data.key" ] || head -c 32 /dev/urandom | base64 > "$dir/personal-data.key"
export PersonalData__Key=$(cat "$dir/personal-data.key")
export Logging__LogLevel__Default=Warning
# One client sends every request; the limits are for people, not for this load.
export RateLimiting__Intake__PerAccount=1000000 RateLimiting__Intake__PerClient=1000000 RateLimiting__PublicRead__PerClient=1000000
if [ ! -f "$dir/seeded" ]; then
  dotnet "$app" migrate --Database:DataFolder="$dir" | tail -1
  t0=$(date +%s)
  dotnet "$app" seed --scale "$scale" --seed 42 --Database:DataFolder="$dir" --ServiceDesk:HistoryScale="$history" \
    --Requests:HistoryScale="${TICKETS_SCALE:-$scale}" | grep -E "servicedesk|Synthetic city" | tail -4
  echo "seeded scale $scale (cases $history) in $(( $(date +%s) - t0 )) s" | tee "$dir/seeded"
fi
mkdir -p bench/results
report="$root/bench/results/servicedesk-$(date +%Y%m%d-%H%M%S)-scale$scale-cases$history.md"
{
  echo "# Service-desk benchmark, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
  echo "Server, benchmark and database share the machine with other work. Read the ratios; bare times move with the neighbours."
  echo "Seed: $(cat "$dir/seeded")"
} > "$report"
dotnet "$bench" --mode servicedesk --app "$app" --db sqlite --data-folder "$dir" --repetitions "$reps" \
  --label "SQLite, city scale $scale, cases ×$history" --report "$report"
echo "Report: $report"
