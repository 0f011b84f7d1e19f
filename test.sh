#!/usr/bin/env bash
# Runs every test: installs and starts what the tests need (PostgreSQL 15, Debian's Chromium, nginx for the
# two-instance test's load balancer), builds once, then runs the test projects in two lanes side by side: the web
# and command-line tests beside the domain and application tests. Each line of output is marked with its lane, and
# each project ends with its own summary line.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Category!=Browser]
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
[ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# PostgreSQL: the preinstalled cluster, started if down, with a password for the test role.
if [ -z "${OUTTURN_TEST_POSTGRES:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'outturn-tests';\"" >/dev/null
  export OUTTURN_TEST_POSTGRES="Host=localhost;Port=5432;Username=postgres;Password=outturn-tests;Database=postgres;Pooling=true"
fi

export OUTTURN_TEST_CHROMIUM="${OUTTURN_TEST_CHROMIUM:-$(command -v chromium)}"
dotnet tool restore >/dev/null
dotnet build Outturn.slnx --nologo -v quiet

lane() {
  local status=0
  for project in "$@"; do
    dotnet test "tests/$project" --no-build --nologo "${extra[@]}" || status=1
  done
  return $status
}
extra=("$@")
# The lanes are balanced by what they took side by side in a full run here (26 minutes in all): web 19 min + command
# line 5, domain 0 + application 13. With the command line beside the application tests instead, the run took 29.5.
( set -o pipefail; lane Outturn.Web.Tests Outturn.Cli.Tests 2>&1 | sed -u 's/^/[web, cli] /' ) &
web=$!
( set -o pipefail; lane Outturn.Domain.Tests Outturn.Application.Tests 2>&1 | sed -u 's/^/[domain, application] /' ) &
rest=$!
status=0
wait $web || status=1
wait $rest || status=1
exit $status
