#!/usr/bin/env bash
# The web app under load (docs/benchmarks.md, "Published reports under load"): wrk against the app on loopback only,
# each run bounded in time, all in one session so that the ratios compare like with like:
#   a static file (the ceiling), the home page, the published Quarter 2 monitoring page and its API content
#   (anonymous readers, 16 connections), then the same with two contributors saving drafts through the API alongside,
#   and a performance officer's draft Quarter 3 monitoring page (one connection, for its latency).
# The app is a Release publish on the demo data, run as in production (Production environment, JSON request logs).
#   ./bench/load.sh                       SQLite, 30 s a run
#   ./bench/load.sh --quick               SQLite, 5 s a run
#   ./bench/load.sh --provider postgres   PostgreSQL: a new database on OUTTURN_BENCH_POSTGRES or OUTTURN_TEST_POSTGRES
# Installs Debian's wrk when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=30s
provider=sqlite
connections=16
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) duration=5s ;;
    --duration) duration="$2"; shift ;;
    --provider) provider="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
fi

work=$(mktemp -d /tmp/outturn-load.XXXXXX)
app_pid=""
database=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  if [ -n "$database" ]; then
    PGPASSWORD="$pg_password" psql -X -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing (Release)…"
dotnet publish src/Outturn.Web -c Release -o "$work/app" --nologo -v q >/dev/null
dotnet publish src/Outturn.Cli -c Release -o "$work/cli" --nologo -v q >/dev/null

export Outturn__DataDirectory="$work/data"
if [ "$provider" = postgres ]; then
  server="${OUTTURN_BENCH_POSTGRES:-${OUTTURN_TEST_POSTGRES:?set OUTTURN_BENCH_POSTGRES or OUTTURN_TEST_POSTGRES}}"
  field() { echo "$server" | tr ';' '\n' | sed -n "s/^$1=//Ip" | head -1; }
  pg_host=$(field Host); pg_port=$(field Port); pg_port=${pg_port:-5432}; pg_user=$(field Username); pg_password=$(field Password)
  database="outturn_load_$$"
  PGPASSWORD="$pg_password" psql -X -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "CREATE DATABASE $database" >/dev/null
  export Outturn__Database__Provider=postgres
  export ConnectionStrings__Outturn="Host=$pg_host;Port=$pg_port;Username=$pg_user;Password=$pg_password;Database=$database"
fi
cli() { (cd "$work/cli" && dotnet outturn.dll "$@"); }

echo "Loading the demo and giving its accounts a password of their own…"
cli demo load >/dev/null
password="bench passphrase $(date +%s)"
for account in admin performance ann.mcintyre tracey.coffey director councillor nina.health; do
  cli users set-password --email "$account@outturn.example" --password "$password" >/dev/null
done
ann_token=$(cli tokens issue --email ann.mcintyre@outturn.example --name load-bench)
tracey_token=$(cli tokens issue --email tracey.coffey@outturn.example --name load-bench)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
# The reminder scheduler is off: the demo's rounds are overdue by today's date, and the bench measures pages.
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Outturn__Logging__Format=json \
  Outturn__Proxy__KnownProxies=127.0.0.1 Outturn__Database__MigrateOnStart=false Outturn__Reminders__Automatic=false \
  exec dotnet Outturn.Web.dll >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 600); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.2; done
curl -sf "$base/health/ready" >/dev/null || { tail -20 "$work/app.log"; exit 1; }

published="/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2"
api="/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2"
draft="/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3"
static="/css/outturn.css"

# A performance officer's session (the app refuses forms over plain HTTP outside Development: the bench stands in
# for the TLS proxy on loopback, which the app trusts).
jar="$work/cookies"
form=$(curl -s -c "$jar" -H 'X-Forwarded-Proto: https' "$base/sign-in")
token=$(echo "$form" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -b "$jar" -c "$jar" -H 'X-Forwarded-Proto: https' --data-urlencode "Email=performance@outturn.example" \
  --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/sign-in"
session=$(awk '$6 == "outturn" { print $7 }' "$jar")
[ -n "$session" ] || { echo "could not sign in" >&2; exit 1; }

# Warm up every address (JIT, first renderings, the cache's first copy).
for path in "$static" / "$published" "$api"; do for _ in 1 2 3 4 5; do curl -s -o /dev/null "$base$path"; done; done
for _ in 1 2 3; do curl -s -o /dev/null -H "Cookie: outturn=$session" -H 'X-Forwarded-Proto: https' "$base$draft"; done

# A contributor's item to save drafts of: the first of theirs in the open Quarter 3 round, with its current version
# (read again before each run with saves, since the last run's saves moved it on). Its reference is escaped for the path.
item_of() {
  curl -s -H "Authorization: Bearer $1" "$base/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3/items" |
    python3 -c 'import json,sys,urllib.parse; items=[i for i in json.load(sys.stdin) if i["assignee"]==sys.argv[1] and i["state"]!="submitted"]; print(urllib.parse.quote(items[0]["ref"]), items[0]["version"])' "$2"
}

results="$work/results.tsv"
: >"$results"
run() { # name, wrk arguments…
  local name=$1; shift
  local out
  out=$(wrk --latency -d "$duration" "$@")
  local rps p50 p99 errors non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  errors=$(echo "$out" | awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }')
  non2xx=$(echo "$out" | awk '/Non-2xx/ { print $5 }')
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$(( ${errors:-0} + ${non2xx:-0} ))" | tee -a "$results"
}
savers=()
batch=0
start_savers() {
  batch=$((batch + 1))
  for who in ann tracey; do
    local tok name item version
    if [ $who = ann ]; then tok=$ann_token name="Ann McIntyre"; else tok=$tracey_token name="Tracey Coffey"; fi
    read -r item version < <(item_of "$tok" "$name")
    TOKEN=$tok ITEM_VERSION=$version ITEM_PATH="/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3/items/$item" \
      wrk -t1 -c1 -d "$duration" -s bench/save.lua "$base" >"$work/saves-$who-$batch.txt" 2>&1 &
    savers+=($!)
  done
}
# A saver that stopped early is reported with its output; the readers' figures stand on their own.
wait_savers() {
  for p in "${savers[@]}"; do wait "$p" || echo "a contributor's saves stopped early: $(tail -3 "$work"/saves-*-$batch.txt)"; done
  savers=()
  for who in ann tracey; do
    echo "  saves by $who alongside: $(awk '/Requests\/sec/ { print $2 }' "$work/saves-$who-$batch.txt") a second, $(awk '/Non-2xx/ { print $5 }' "$work/saves-$who-$batch.txt") refused"
  done
}

echo "Provider $provider, $connections connections, $duration a run, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
printf 'run\trequests/s\tp50\tp99\terrors\n' | tee -a "$results"
run "static file" -t2 -c$connections "$base$static"
run "home page" -t2 -c$connections "$base/"
run "published monitoring page" -t2 -c$connections "$base$published"
run "published monitoring API" -t2 -c$connections "$base$api"
start_savers
run "published monitoring page, saves alongside" -t2 -c$connections "$base$published"
wait_savers
start_savers
run "published monitoring API, saves alongside" -t2 -c$connections "$base$api"
wait_savers
run "staff draft monitoring page (1 connection)" -t1 -c1 -H "Cookie: outturn=$session" -H "X-Forwarded-Proto: https" "$base$draft"
python3 - "$results" <<'EOF'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])][1:]
by = {r[0]: r for r in rows}
static = float(by["static file"][1])
def ms(t):
    return float(t[:-2]) if t.endswith("ms") else float(t[:-2]) / 1000 if t.endswith("us") else float(t[:-1]) * 1000
for name in ["published monitoring page", "published monitoring API", "published monitoring page, saves alongside", "published monitoring API, saves alongside", "home page"]:
    r = by[name]
    print(f"{name}: {float(r[1]) / static:.0%} of the static file's rate, p99 {ms(r[3]):.1f} ms, {r[4]} errors")
d = by["staff draft monitoring page (1 connection)"]
print(f"staff draft monitoring page: median {ms(d[2]):.1f} ms")
EOF
