#!/usr/bin/env bash
# A first start (docs/benchmarks.md, "First start"): the built app (Release) started on an empty data folder (SQLite) or
# an empty database (PostgreSQL), timed from the process's start to the first page served, and to the demo fully
# loaded; then, in the same run, the same page served by a start on the database already loaded (the baseline).
#   ./bench/first-start.sh                       SQLite
#   ./bench/first-start.sh --provider postgres   a new database on OUTTURN_BENCH_POSTGRES or OUTTURN_TEST_POSTGRES
#   ./bench/first-start.sh --no-publish <folder> use an app already published there
set -euo pipefail
cd "$(dirname "$0")/.."
provider=sqlite
app=""
while [ $# -gt 0 ]; do
  case "$1" in
    --provider) provider="$2"; shift ;;
    --no-publish) app="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
work=$(mktemp -d /tmp/outturn-first-start.XXXXXX)
pid=""
database=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  if [ -n "$database" ]; then
    PGPASSWORD="$pg_password" psql -X -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "$app" ]; then
  dotnet publish src/Outturn.Web -c Release -o "$work/app" --nologo -v q >/dev/null
  app="$work/app"
fi
export ASPNETCORE_ENVIRONMENT=Development Outturn__DataDirectory="$work/data"
if [ "$provider" = postgres ]; then
  server="${OUTTURN_BENCH_POSTGRES:-${OUTTURN_TEST_POSTGRES:?set OUTTURN_BENCH_POSTGRES or OUTTURN_TEST_POSTGRES}}"
  field() { echo "$server" | tr ';' '\n' | sed -n "s/^$1=//Ip" | head -1; }
  pg_host=$(field Host); pg_port=$(field Port); pg_port=${pg_port:-5432}; pg_user=$(field Username); pg_password=$(field Password)
  database="outturn_first_$$"
  PGPASSWORD="$pg_password" psql -X -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "CREATE DATABASE $database" >/dev/null
  export Outturn__Database__Provider=postgres Outturn__Database__MigrateOnStart=true
  export ConnectionStrings__Outturn="Host=$pg_host;Port=$pg_port;Username=$pg_user;Password=$pg_password;Database=$database"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
now() { date +%s.%N; }
start_app() { (cd "$app" && ASPNETCORE_URLS="$base" exec dotnet Outturn.Web.dll >>"$work/app.log" 2>&1) & pid=$!; }
first_page() { # seconds from $1 until the home page answers with a page (200, or 503 saying the demo is loading)
  while true; do
    code=$(curl -s -o "$work/page.html" -w '%{http_code}' "$base/" || true)
    if [ "$code" = 200 ] || { [ "$code" = 503 ] && grep -q "still loading" "$work/page.html"; }; then break; fi
    sleep 0.05
  done
  echo "$(now) - $1" | bc
}
stop_app() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

echo "Provider $provider; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
t0=$(now)
start_app
first=$(first_page "$t0")
echo "first page after start, empty $( [ "$provider" = postgres ] && echo database || echo data folder ): ${first} s ($(grep -q 'still loading' "$work/page.html" && echo '"the demonstration data is still loading"' || echo 'the demo already loaded'))"
until curl -s "$base/health/ready" | grep -q '^{"status":"healthy"'; do sleep 0.2; done
echo "demo fully loaded after start: $(echo "$(now) - $t0" | bc) s"
stop_app
t0=$(now)
start_app
again=$(first_page "$t0")
echo "first page after start, database already loaded (baseline): ${again} s"
echo "ratio: $(echo "scale=2; $first / $again" | bc)×   (aim: first page ≤ 5 s)"
stop_app
