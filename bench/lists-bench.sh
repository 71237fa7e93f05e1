#!/usr/bin/env bash
# Lists and searches at full scale. Keeps a seeded PostgreSQL cluster in a folder between runs (seeding the full city
# takes minutes; it is done once), starts the real server on it (Release build), and runs bench/Linli.Bench --lists:
# every GET of the OpenAPI document and every list page, as a city-, a district- and a community-scope user, first and
# deep pages and each filter, timed against the bare /health in the same run. The report goes to bench/results/.
# Usage: bench/lists-bench.sh [repetitions=20] [seed-only|bench]
# Environment: LINLI_BENCH_PGDATA (default /work/wt/h7-pgdata, or ./.bench-pgdata outside that machine), SCALE (default 1),
# ONLY (a substring, or several separated by "|": time only the cases whose name contains one), APP (another build of the server, e.g. of an earlier
# commit, for a before/after comparison), LABEL, PG_EXTRA_OPTIONS.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-20}
mode=${2:-bench}
root=$(pwd)
scale=${SCALE:-1}
default_dir=/work/wt/h7-pgdata; [ -d /work/wt ] || default_dir="$root/.bench-pgdata"
dir=${LINLI_BENCH_PGDATA:-$default_dir}
source scripts/throwaway-postgres.sh

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$PG_BIN" ] || { pg_start && pg_stop; PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
chmod 700 "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  _pg_as initdb -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
_pg_as pg_ctl -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_EXTRA_OPTIONS:--c shared_buffers=2GB -c effective_cache_size=8GB -c max_wal_size=8GB -c checkpoint_timeout=30min}" start >/dev/null
stop() { _pg_as pg_ctl -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; }
trap stop EXIT

dotnet build bench/Linli.Bench -c Release -nologo -v q -clp:ErrorsOnly
app="${APP:-$root/src/Linli/bin/Release/net10.0/Linli.dll}"
bench="$root/bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll"
db=city
conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$db;Maximum Pool Size=100"
# The personal-data key of the seeded city lives with the cluster, so that later runs read what the seed wrote.
[ -f "$dir/personal-data.key" ] || head -c 32 /dev/urandom | base64 > "$dir/personal-data.key"
export PersonalData__Key=$(cat "$dir/personal-data.key")
export Logging__LogLevel__Default=Warning
# The benchmark repeats each export and each anonymous read more often than a person would: limits out of the way.
export RateLimiting__Export__PerAccount=1000000 RateLimiting__Export__PerClient=1000000 RateLimiting__PublicRead__PerClient=1000000

if ! pg_psql postgres -At -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  pg_psql postgres -c "CREATE DATABASE $db"
fi
# Migrations first (a run after a model change upgrades the kept database in place), then the seed once.
dotnet "$app" migrate --db postgres --connection "$conn" >/dev/null
if [ "$(pg_psql $db -At -c "SELECT count(*) FROM requests.tickets WHERE created_by = 'synthetic'" 2>/dev/null || echo 0)" = 0 ]; then
  t0=$(date +%s)
  dotnet "$app" seed --scale "$scale" --seed 42 --db postgres --connection "$conn" | tail -5
  echo "seeded scale $scale in $(( $(date +%s) - t0 )) s"
  pg_psql $db -c "VACUUM ANALYZE" >/dev/null
fi
[ "$mode" = seed-only ] && exit 0

mkdir -p bench/results
report="$root/bench/results/lists-$(date +%Y%m%d-%H%M%S).md"
dotnet "$bench" --lists --app "$app" --db postgres --connection "$conn" --repetitions "$reps" --label "${LABEL:-PostgreSQL, scale $scale}" \
  --report "$report" ${ONLY:+--only-cases "$ONLY"}
echo "Report: $report"
