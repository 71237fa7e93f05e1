#!/usr/bin/env bash
# The indicators board over a seeded city (bench/Linli.Bench --mode indicators): every indicator for every region of one
# year-end (cold, once per year 2020→now) against one sequential scan of the residents table in the same run, then the
# board's API and pages (warm) against GET /health. Seeds the synthetic city (SQLite: into a folder kept between runs;
# PostgreSQL: a throwaway server, scripts/throwaway-postgres.sh), starts the real server (Release build) with the demo
# accounts, and writes the report to bench/results/.
# Usage: bench/indicators-bench.sh [sqlite|postgres=sqlite] [scale=0.002] [repetitions=20]
#   scale 0.002 is the demo city; 1 is full-scale Shenyang (about 9 million residents).
set -euo pipefail
cd "$(dirname "$0")/.."
which_db=${1:-sqlite}
scale=${2:-0.002}
reps=${3:-20}
root=$(pwd)
dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
app="$root/src/Linli/bin/Release/net10.0/Linli.dll"
bench="$root/bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll"
export PersonalData__Key=${PersonalData__Key:-$(head -c 32 /dev/urandom | base64)}
export Logging__LogLevel__Default=Warning
mkdir -p bench/results
report="$root/bench/results/indicators-$(date +%Y%m%d-%H%M%S)-$which_db-scale$scale.md"
echo "# Indicators benchmark, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)" > "$report"
echo "Server, benchmark and database share the machine with other work. Read the ratios; bare times move with the neighbours." >> "$report"
if [ "$which_db" = postgres ]; then
  source scripts/throwaway-postgres.sh
  pg_start
  pg_psql postgres -c "CREATE DATABASE bench" >/dev/null
  conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench"
  dotnet "$app" migrate --db postgres --connection "$conn" | tail -1
  t0=$(date +%s)
  dotnet "$app" seed --scale "$scale" --seed 42 --db postgres --connection "$conn" | tail -2
  echo "Seed: scale $scale in $(( $(date +%s) - t0 )) s" >> "$report"
  dotnet "$bench" --mode indicators --app "$app" --db postgres --connection "$conn" --repetitions "$reps" \
    --label "PostgreSQL, city scale $scale" --report "$report"
  pg_stop
else
  dir=${LINLI_BENCH_DATA:-/tmp/linli-indicators-$scale}
  mkdir -p "$dir"
  [ -f "$dir/personal-data.key" ] || echo "$PersonalData__Key" > "$dir/personal-data.key"
  export PersonalData__Key=$(cat "$dir/personal-data.key")
  if [ ! -f "$dir/seeded" ]; then
    dotnet "$app" migrate --Database:DataFolder="$dir" | tail -1
    t0=$(date +%s)
    dotnet "$app" seed --scale "$scale" --seed 42 --Database:DataFolder="$dir" | tail -2
    echo "scale $scale in $(( $(date +%s) - t0 )) s" > "$dir/seeded"
  fi
  echo "Seed: $(cat "$dir/seeded")" >> "$report"
  dotnet "$bench" --mode indicators --app "$app" --db sqlite --data-folder "$dir" --repetitions "$reps" \
    --label "SQLite, city scale $scale" --report "$report"
fi
echo "Report: $report"
