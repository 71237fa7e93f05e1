#!/usr/bin/env bash
# Runs every test of Linli: the whole suite on SQLite, then again on a throwaway PostgreSQL server, then the
# browser tests in Debian's Chromium. Installs what the tests need when it is missing (Debian packages:
# postgresql, chromium, fonts-wqy-microhei, nodejs/npm; npm packages via the build).
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Regions]
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
need_pkg() { # need_pkg <command or file> <debian packages...>
  local probe=$1; shift
  if [ -e "$probe" ] || command -v "$probe" >/dev/null 2>&1; then return; fi
  echo "test.sh: installing $* (missing $probe)"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

need_pkg python3 python3
need_pkg npm nodejs npm
need_pkg /usr/bin/chromium chromium
need_pkg /usr/share/fonts/truetype/wqy/wqy-microhei.ttc fonts-wqy-microhei
echo "test.sh: building"
dotnet build Linli.slnx -nologo -v q -clp:ErrorsOnly

# A throwaway PostgreSQL cluster in a temporary folder on a free port, stopped on exit (installs postgresql if missing).
source scripts/throwaway-postgres.sh
PG_EXTRA_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" pg_start
export LINLI_TEST_PG="$PG_SERVER"
echo "test.sh: PostgreSQL on port $PG_PORT"

results=$(mktemp -d /tmp/linli-results.XXXXXX)
# One `dotnet publish` for both runs of the suite (tests/Linli.Tests/Deployment/PublishedBuild.cs).
export LINLI_TEST_PUBLISH_FOLDER="$results/publish"
status=0
run_suite() { # run_suite <label> <project> <database>: fails when a test fails
  local label=$1 project=$2 db=$3
  echo "test.sh: == $label =="
  LINLI_TEST_DB=$db dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$label.trx" \
    --results-directory "$results" "${@:4}"
}
run_suite sqlite tests/Linli.Tests sqlite "$@" || status=1
# Classes whose outcome does not depend on the provider run in the SQLite pass only (tests/Linli.Tests/Infrastructure/
# DatabaseIndependent.cs); a caller's own --filter is passed on unchanged instead.
pg_filter=(--filter "Database!=independent")
for arg in "$@"; do [ "$arg" = --filter ] && pg_filter=(); done
run_suite postgres tests/Linli.Tests postgres "${pg_filter[@]}" "$@" || status=1
# A hung browser test is stopped (and fails the run) instead of holding CI until its limit.
run_suite browser tests/Linli.BrowserTests sqlite --blame-hang-timeout 15m --blame-hang-dump-type none "$@" || status=1

# The slowest tests of each run (where the suite's time goes), then one closing line over all runs, counted from the
# test result files.
python3 - "$results" <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
def seconds(d):
    h, m, s = d.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
for f in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    root = ET.parse(f).getroot()
    c = root.find(".//{*}Counters")
    # A skipped test is counted in total but not executed (the notExecuted counter stays 0 for xUnit's skips).
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error", 0)); skipped += int(c.get("total")) - int(c.get("executed"))
    times = sorted(((seconds(r.get("duration", "0:0:0")), r.get("testName")) for r in root.findall(".//{*}UnitTestResult")), reverse=True)
    print(f"slowest of {os.path.basename(f)[:-4]}: " + "; ".join(f"{t:.0f} s {n.rsplit('.', 1)[-1][:70]}" for t, n in times[:8]))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit $status
