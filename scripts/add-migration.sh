#!/usr/bin/env bash
# Adds a migration named $1 to every module DbContext, once for SQLite and once for PostgreSQL.
# Usage: scripts/add-migration.sh AddSomething [Module ...]   (default: every module)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?migration name}; shift || true
# module folder -> DbContext (Platform contexts live under Platform/)
declare -A contexts=(
  [Platform/Audit]=AuditDbContext
  [Platform/Calendar]=CalendarDbContext
  [Platform/Protection]=ProtectionDbContext
  [Modules/Regions]=RegionsDbContext
  [Modules/Accounts]=AccountsDbContext
  [Modules/Residents]=ResidentsDbContext
  [Modules/Organizations]=OrganizationsDbContext
  [Modules/Facilities]=FacilitiesDbContext
  [Modules/Workforce]=WorkforceDbContext
  [Modules/Requests]=RequestsDbContext
)
wanted=("$@")
dotnet tool restore >/dev/null
dotnet build src/Linli -v q -nologo >/dev/null
for folder in "${!contexts[@]}"; do
  [ -d "src/Linli/$folder" ] || continue
  if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $(basename "$folder") "* ]]; then continue; fi
  ctx=${contexts[$folder]}
  ns="Linli.$(echo "$folder" | tr / .).Data.Migrations"
  for provider in Sqlite Postgres; do
    other=$([ $provider = Sqlite ] && echo Postgres || echo Sqlite)
    echo "== $ctx ($provider)"
    # EF looks for an existing snapshot file by class name anywhere in the project and would move the other
    # provider's snapshot; hide it for the duration.
    hidden=$(find "src/Linli/$folder/Data/Migrations/$other" -name '*ModelSnapshot.cs' 2>/dev/null || true)
    for f in $hidden; do mv "$f" "$f.hold"; done
    conn=$([ $provider = Postgres ] && echo "--Database:ConnectionString=Host=localhost;Database=design_time" || echo "")
    dotnet ef migrations add "$name" --project src/Linli --context "$ctx" \
      --output-dir "$folder/Data/Migrations/$provider" --namespace "$ns.$provider" -- \
      --Database:Provider=$provider $conn --Demo:Enabled=false || { for f in $hidden; do mv "$f.hold" "$f"; done; exit 1; }
    for f in $hidden; do mv "$f.hold" "$f"; done
    # EF places a first snapshot by its full namespace (src/Linli/Linli/...); put it beside its migrations.
    if [ -d src/Linli/Linli ]; then cp -r src/Linli/Linli/. src/Linli/ && rm -rf src/Linli/Linli; fi
  done
done
