#!/usr/bin/env bash
# Reproduces every benchmark figure of docs/benchmarks.md, on SQLite and on PostgreSQL (the server named by
# OUTTURN_BENCH_POSTGRES or, as the tests do, OUTTURN_TEST_POSTGRES). Installs the sqlite3 shell, psql and wrk
# (the baselines and the load generator) when they are missing.
#   ./bench/run.sh                 everything at full size (the figures in docs/benchmarks.md)
#   ./bench/run.sh --quick         everything at a reduced size and duration, for a check on a busy machine
#   ./bench/run.sh national [--provider sqlite|postgres] [authorities indicators periods]
#   ./bench/run.sh returns [--quick]        national SSDA903 + CIN stored and read back on PostgreSQL, against COPY
#   ./bench/run.sh first-start [--provider postgres]
#   ./bench/run.sh load [--quick] [--provider postgres]
#   ./bench/run.sh 153 20 33       (as before: the national load on SQLite at that size)
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v psql >/dev/null || need+=(postgresql-client)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ -z "${OUTTURN_BENCH_POSTGRES:-}${OUTTURN_TEST_POSTGRES:-}" ]; then
  echo "Set OUTTURN_BENCH_POSTGRES (or OUTTURN_TEST_POSTGRES) to a PostgreSQL connection string, as for the tests." >&2
  exit 2
fi
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(sqlite3 --version | cut -d' ' -f1) / $(psql --version)"

national() { dotnet run -c Release --project bench/BenchmarkLoad -- "$@"; }
returns() {
  local size=(--lac-children 100000 --cin-children 1100000 --placement-days 26)
  [ "${1:-}" = --quick ] && size=(--lac-children 10000 --cin-children 70000 --placement-days 26)
  local folder
  folder=$(mktemp -d /tmp/outturn-returns.XXXXXX)
  dotnet build -c Release bench/ReturnsBench --nologo -v q >/dev/null
  dotnet bench/ReturnsBench/bin/Release/net10.0/ReturnsBench.dll generate "$folder" "${size[@]}"
  dotnet bench/ReturnsBench/bin/Release/net10.0/ReturnsBench.dll store "$folder"
  rm -rf "$folder"
}

case "${1:-all}" in
  national) shift; national "$@" ;;
  returns) shift; returns "$@" ;;
  first-start) shift; ./bench/first-start.sh "$@" ;;
  load) shift; ./bench/load.sh "$@" ;;
  [0-9]*) national "$@" ;;
  all|--quick)
    quick=""; [ "${1:-}" = --quick ] && quick=--quick
    sizes=(); [ -n "$quick" ] && sizes=(153 100 33)
    echo "== national benchmark file, SQLite"; national --provider sqlite "${sizes[@]}"
    echo "== national benchmark file, PostgreSQL"; national --provider postgres "${sizes[@]}"
    echo "== statutory returns stored and read back, PostgreSQL"; returns $quick
    echo "== first start, SQLite"; ./bench/first-start.sh
    echo "== first start, PostgreSQL"; ./bench/first-start.sh --provider postgres
    echo "== load, SQLite"; ./bench/load.sh $quick
    echo "== load, PostgreSQL"; ./bench/load.sh $quick --provider postgres
    ;;
  *) echo "unknown benchmark $1" >&2; exit 2 ;;
esac
