#!/usr/bin/env bash
# Prisma clients of every service with a prisma/ schema folder, into apps/<service>/src/generated/
# (git-ignored). `prisma generate` needs no database and no network; it only checks that a schema
# engine binary exists, which cannot be downloaded here, so any existing file stands in for it
# (migrations run through the WebAssembly engine instead: scripts/migrate.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$(command -v node)}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
for config in apps/*/prisma.config.ts; do
  [ -e "$config" ] || continue
  dir=$(dirname "$config")
  echo "prisma generate: $dir"
  (cd "$dir" && ../../node_modules/.bin/prisma generate >/dev/null)
done
