#!/usr/bin/env bash
# City-scale seeding benchmark. Builds the synthetic city with the product's own `seed` verb into PostgreSQL (binary
# COPY) and into SQLite (batched prepared inserts), then loads exactly the same rows into an empty copy of the schema
# with each database's own tool (psql \copy for PostgreSQL, the sqlite3 shell for SQLite), in the same run, and
# reports rows per second and the ratio seed/tool. Machines here are shared and noisy: read the ratio, not the seconds.
# Usage: bench/seed-bench.sh [scale=1] [postgres|sqlite|both=both]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
which_db=${2:-both}
root=$(pwd)
source scripts/throwaway-postgres.sh
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

dotnet build src/Linli -c Release -nologo -v q -clp:ErrorsOnly
app="$root/src/Linli/bin/Release/net10.0/Linli.dll"
work=$(mktemp -d /tmp/linli-bench.XXXXXX)
export PersonalData__Key=$(head -c 32 /dev/urandom | base64)
export Logging__LogLevel__Default=Warning
report="$root/bench/results/seed-$(date +%Y%m%d-%H%M%S)-scale$scale.md"
echo "# Seed benchmark, scale $scale, $(date -u +%FT%TZ), $(nproc) cores" > "$report"

now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$2-$1:.2f}')"; }

bench_postgres() {
  PG_EXTRA_OPTIONS="-c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min" pg_start
  pg_psql postgres -c "CREATE DATABASE seeded" -c "CREATE DATABASE baseline"
  local seeded="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=seeded"
  local baseline="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=baseline"
  dotnet "$app" migrate --db postgres --connection "$seeded" >/dev/null
  dotnet "$app" migrate --db postgres --connection "$baseline" >/dev/null
  local t0=$(now)
  dotnet "$app" seed --scale "$scale" --seed 42 --db postgres --connection "$seeded" | tee "$work/pg-seed.log"
  local t1=$(now)
  # Every table the seed filled, with its row count (reference data loaded by migrate is the same on both sides).
  local tables=$(pg_psql seeded -At -c "SELECT schemaname||'.'||relname FROM pg_stat_user_tables WHERE schemaname NOT IN ('accounts','audit') ORDER BY 1")
  local rows=0 loaded=0 tool=0
  for t in $tables; do
    local base=$(pg_psql baseline -At -c "SELECT count(*) FROM $t")
    local n=$(pg_psql seeded -At -c "SELECT count(*) FROM $t")
    local extra=$((n - base)); [ "$extra" -le 0 ] && continue
    rows=$((rows + extra)); loaded=$((loaded + n))
    # Export the table (not timed), then time the tool loading all of it into the empty copy.
    pg_psql seeded -c "\\copy $t TO '$work/t.csv' WITH (FORMAT csv)"
    [ "$base" -gt 0 ] && pg_psql baseline -c "TRUNCATE $t CASCADE"
    # The tool gets the same advantage the seed takes: secondary indexes dropped, rows loaded, indexes built once.
    pg_psql baseline -At -c "SELECT pg_get_indexdef(indexrelid) || ';' FROM pg_index WHERE indrelid = '$t'::regclass AND NOT indisprimary" > "$work/indexes.sql"
    pg_psql baseline -At -c "SELECT 'DROP INDEX ' || indexrelid::regclass::text || ';' FROM pg_index WHERE indrelid = '$t'::regclass AND NOT indisprimary" > "$work/drop.sql"
    local l0=$(now)
    # Tables load one by one in name order, so foreign keys are not checked during the tool's load (replica role).
    pg_psql baseline -f "$work/drop.sql"
    pg_psql baseline -c "SET session_replication_role = replica" -c "\\copy $t FROM '$work/t.csv' WITH (FORMAT csv)"
    pg_psql baseline -f "$work/indexes.sql"
    local l1=$(now)
    tool=$(python3 -c "print($tool + $l1 - $l0)")
    echo "  $t: $extra rows, tool load $(seconds $l0 $l1) s"
  done
  local seed_s=$(seconds $t0 $t1)
  pg_stop
  report_line PostgreSQL "$rows" "$seed_s" "$loaded" "$tool"
}

bench_sqlite() {
  mkdir -p "$work/seeded" "$work/baseline"
  dotnet "$app" migrate --Database:DataFolder="$work/seeded" >/dev/null
  dotnet "$app" migrate --Database:DataFolder="$work/baseline" >/dev/null
  local t0=$(now)
  dotnet "$app" seed --scale "$scale" --seed 42 --Database:DataFolder="$work/seeded" | tee "$work/sqlite-seed.log"
  local t1=$(now)
  local db="$work/seeded/linli.db" base="$work/baseline/linli.db"
  local tables=$(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__ef%' AND name NOT LIKE 'accounts_%' AND name NOT LIKE 'audit_%' ORDER BY 1")
  local rows=0 loaded=0 tool=0
  for t in $tables; do
    local b=$(sqlite3 "$base" "SELECT count(*) FROM \"$t\"")
    local n=$(sqlite3 "$db" "SELECT count(*) FROM \"$t\"")
    local extra=$((n - b)); [ "$extra" -le 0 ] && continue
    rows=$((rows + extra)); loaded=$((loaded + n))
    # The shell's own bulk path: the table's rows as one transaction of INSERTs (.dump keeps blobs exact).
    { echo "BEGIN;"; sqlite3 "$db" ".dump \"$t\"" | grep '^INSERT'; echo "COMMIT;"; } > "$work/t.sql"
    [ "$b" -gt 0 ] && sqlite3 "$base" "DELETE FROM \"$t\""
    # Same advantage as the seed: indexes dropped for the load and built once after it.
    sqlite3 "$base" "SELECT sql || ';' FROM sqlite_master WHERE type='index' AND tbl_name='$t' AND sql IS NOT NULL" > "$work/indexes.sql"
    sqlite3 "$base" "SELECT 'DROP INDEX \"' || name || '\";' FROM sqlite_master WHERE type='index' AND tbl_name='$t' AND sql IS NOT NULL" > "$work/drop.sql"
    local l0=$(now)
    sqlite3 "$base" < "$work/drop.sql"
    sqlite3 "$base" < "$work/t.sql"
    sqlite3 "$base" < "$work/indexes.sql"
    local l1=$(now)
    tool=$(python3 -c "print($tool + $l1 - $l0)")
    echo "  $t: $extra rows, tool load $(seconds $l0 $l1) s"
  done
  report_line SQLite "$rows" "$(seconds $t0 $t1)" "$loaded" "$tool"
}

report_line() { # db seeded_rows seed_seconds tool_rows tool_seconds
  python3 - "$@" >> "$report" <<'PY'
import sys
db, rows, seed, loaded, tool = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
print(f"\n## {db}\n- rows written by the seed verb: {rows:,}\n- seed verb (generate + encrypt + write, whole process): {seed:.1f} s, {rows/seed:,.0f} rows/s")
print(f"- the database's own tool loading the same tables ({loaded:,} rows, same schema; indexes dropped, rows loaded, indexes rebuilt, as the seed does): {tool:.1f} s, {loaded/tool:,.0f} rows/s")
print(f"- ratio seed rate / tool rate: {(rows/seed)/(loaded/tool):.2f} (1.00 = as fast as the tool)")
PY
  tail -5 "$report"
}

[ "$which_db" = sqlite ] || bench_postgres
[ "$which_db" = postgres ] || bench_sqlite
rm -rf "$work"
echo "Report: $report"
