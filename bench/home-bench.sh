#!/usr/bin/env bash
# Home page benchmark: the home page of every demo role (its tiles count queues, open and overdue tickets) and a page
# with only the navigation's unread badge, on a year of about 1 million tickets in PostgreSQL, each timed against
# /health in the same run (the ratio is what to read; bare times move with the neighbours).
# Usage: bench/home-bench.sh [history scale=1] [requests per page=20]
# Environment: CITY_SCALE (default 0.002), PG_EXTRA_OPTIONS.
set -euo pipefail
cd "$(dirname "$0")/.."
history=${1:-1}
runs=${2:-20}
root=$(pwd)
source scripts/throwaway-postgres.sh

dotnet build src/Linli -c Release -nologo -v q -clp:ErrorsOnly
app="$root/src/Linli/bin/Release/net10.0/Linli.dll"
export PersonalData__Key=$(head -c 32 /dev/urandom | base64)
export Logging__LogLevel__Default=Warning
mkdir -p bench/results
report="$root/bench/results/home-$(date +%Y%m%d-%H%M%S).md"

export PG_EXTRA_OPTIONS="${PG_EXTRA_OPTIONS:--c shared_buffers=512MB -c max_wal_size=4GB}"
pg_start
pg_psql postgres -c "CREATE DATABASE bench"
conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench"
t0=$(date +%s)
dotnet "$app" seed --scale "${CITY_SCALE:-0.002}" --seed 42 --Requests:HistoryScale="$history" --db postgres --connection "$conn" | tail -2
seeded=$(( $(date +%s) - t0 ))
pg_psql bench -c "VACUUM ANALYZE" >/dev/null
tickets=$(pg_psql bench -At -c "SELECT count(*) FROM requests.tickets")
unread=$(pg_psql bench -At -c "SELECT count(*) FROM requests.inbox WHERE read_at IS NULL")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
ASPNETCORE_ENVIRONMENT=Production dotnet "$app" --urls "http://127.0.0.1:$port" --Demo:Enabled=true \
  --Database:Provider=Postgres --Database:ConnectionString="$conn" \
  --RateLimiting:SignIn:PerClient=100000 --RateLimiting:SignIn:PerAccount=100000 >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; pg_stop' EXIT
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done

{
  echo "# Home page benchmark, $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  echo "PostgreSQL, $tickets tickets ($unread unread inbox messages), city scale ${CITY_SCALE:-0.002}; seeded in $seeded s."
  echo "Each page $runs times after 3 unmeasured requests, one signed-in browser session per account; /health alternates with it."
  echo
  python3 - "$port" "$runs" <<'PY'
import re, statistics, sys, time, urllib.parse, urllib.request, http.cookiejar
port, runs = sys.argv[1], int(sys.argv[2])
base = f"http://127.0.0.1:{port}"
def session(user):
    jar = http.cookiejar.CookieJar()
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k): return None
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    opener.addheaders = [("Accept", "text/html")]
    html = opener.open(base + "/account/login").read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"Input.UserName": user, "Input.Password": "Linli#2026", "__RequestVerificationToken": token}).encode()
    try: opener.open(base + "/account/login", data)
    except urllib.error.HTTPError as e:
        if e.code != 302: raise
    return opener
def timed(opener, path):
    t = time.perf_counter(); body = opener.open(base + path).read(); return (time.perf_counter() - t) * 1000, body
print("| account | page | tiles (counts) | p50 ms | p95 ms | /health p50 ms | p50 ratio |")
print("|---|---|---|---|---|---|---|")
for user in ["demo.resident", "demo.grid", "demo.community", "demo.department", "demo.hotline", "demo.street", "demo.district", "demo.supervisor", "demo.admin"]:
    opener = session(user)
    for path in ["/", "/regions"]:
        for _ in range(3): timed(opener, path); timed(opener, "/health")
        page, health = [], []
        for _ in range(runs):
            ms, body = timed(opener, path); page.append(ms)
            health.append(timed(opener, "/health")[0])
        text = body.decode()
        counts = re.findall(r'data-tile="([^"]+)">\s*<a[^>]*>\s*<b>[^<]*</b>\s*<span class="tile-count[^"]*" data-count="(\d+)" data-capped="(\w+)"', text)
        tiles = ", ".join(f"{t} {c}{'+' if capped == 'true' else ''}" for t, c, capped in counts) if path == "/" else "badge " + (re.search(r'data-unread="([^"]+)"', text) or [None, "none"])[1]
        p50, p95, h50 = statistics.median(page), sorted(page)[int(0.95 * len(page)) - 1], statistics.median(health)
        print(f"| {user} | {path} | {tiles} | {p50:.1f} | {p95:.1f} | {h50:.1f} | {p50 / h50:.1f} |")
PY
} | tee "$report"
echo "Report: $report"
