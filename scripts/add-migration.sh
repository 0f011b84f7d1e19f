#!/usr/bin/env bash
# Adds a migration of the same name for both providers: ./scripts/add-migration.sh AddRounds
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: add-migration.sh <Name>}
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/Outturn.Application --context SqliteOutturnDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project src/Outturn.Application --context PostgresOutturnDbContext --output-dir Data/Migrations/Postgres
