#!/usr/bin/env bash
# Adds a migration named $1 to every module, once for SQLite and once for PostgreSQL: each provider has its own context
# type (Sqlite<Context>, Postgres<Context> in the module's Data/), which owns that provider's migrations and snapshot
# (docs/decisions/0007-migrations-per-provider.md).
# Usage: scripts/add-migration.sh AddSomething [Module ...]   (default: every module)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?migration name}; shift || true
# module folder -> DbContext (Platform contexts live under Platform/)
declare -A contexts=(
  [Platform/Audit]=AuditDbContext
  [Platform/Calendar]=CalendarDbContext
  [Platform/Notifications]=NotificationsDbContext
  [Platform/Protection]=ProtectionDbContext
  [Modules/Regions]=RegionsDbContext
  [Modules/Accounts]=AccountsDbContext
  [Modules/Residents]=ResidentsDbContext
  [Modules/Organizations]=OrganizationsDbContext
  [Modules/Facilities]=FacilitiesDbContext
  [Modules/Workforce]=WorkforceDbContext
  [Modules/Requests]=RequestsDbContext
  [Modules/ServiceDesk]=ServiceDeskDbContext
  [Modules/Indicators]=IndicatorsDbContext
  [Modules/Volunteering]=VolunteeringDbContext
  [Modules/Care]=CareDbContext
)
wanted=("$@")
dotnet tool restore >/dev/null
dotnet build src/Linli -v q -nologo >/dev/null
for folder in "${!contexts[@]}"; do
  [ -d "src/Linli/$folder" ] || continue
  if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $(basename "$folder") "* ]]; then continue; fi
  # The application's host builds the context, so it is told which provider to register (PostgreSQL needs a connection
  # string to configure, not a server). --output-dir only matters for a module's first migration.
  dotnet ef migrations add "$name" --project src/Linli --no-build --context "Sqlite${contexts[$folder]}" \
    --output-dir "$folder/Data/Migrations/Sqlite" -- --Database:Provider=Sqlite --Demo:Enabled=false
  dotnet ef migrations add "$name" --project src/Linli --no-build --context "Postgres${contexts[$folder]}" \
    --output-dir "$folder/Data/Migrations/Postgres" -- --Database:Provider=Postgres \
    "--Database:ConnectionString=Host=localhost;Database=design_time" --Demo:Enabled=false
done
