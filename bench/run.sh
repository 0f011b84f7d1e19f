#!/usr/bin/env bash
# Runs the load-and-query benchmark (docs/benchmarks.md). Installs the sqlite3 shell (the baseline) if missing.
# ./bench/run.sh            the full run: 153 authorities × 1,000 indicators × 33 periods (5,049,000 rows)
# ./bench/run.sh 153 20 33  a quick run
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v sqlite3 >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq sqlite3
fi
sqlite3 --version
dotnet run -c Release --project bench/BenchmarkLoad -- "$@"
