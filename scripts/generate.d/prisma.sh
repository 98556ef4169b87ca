#!/usr/bin/env bash
# Prisma clients of every service with a prisma/ schema folder, into apps/<service>/src/generated/
# (git-ignored). `prisma generate` needs no database and no network; it only checks that a schema
# engine binary exists, which cannot be downloaded here, so any existing file stands in for it
# (migrations run through the WebAssembly engine instead: scripts/migrate.ts).
# A client is generated again only when what it is generated from changed: its schema files (the
# kit's linked messaging.prisma too), its prisma.config.ts, the installed prisma and @prisma/client,
# this script. Their hash is kept beside the client (src/generated/prisma/.generated-from); every
# `npm run dev`, bench and test run calls this, and the four generations took ~30 s on a loaded
# machine for clients that were current.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$(command -v node)}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
script="scripts/generate.d/prisma.sh"
# The hash of a service's generator input (names and contents), relative to the repository root.
# Links followed (-L): each service's prisma/messaging.prisma is a link to the kit's file, which a
# plain -type f leaves out, so a change of the kit's models left every service's client stale.
input_hash() {
  { find -L "$1/prisma" -name '*.prisma' -type f; echo "$1/prisma.config.ts"; echo node_modules/prisma/package.json; echo node_modules/@prisma/client/package.json; echo "$script"; } \
    | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1
}
for config in apps/*/prisma.config.ts; do
  [ -e "$config" ] || continue
  dir=$(dirname "$config")
  out="$dir/src/generated/prisma"
  stamp="$out/.generated-from"
  hash=$(input_hash "$dir")
  if [ -f "$out/client.ts" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$hash" ]; then
    echo "prisma generate: $dir (current, skipped)"
    continue
  fi
  echo "prisma generate: $dir"
  rm -f "$stamp"
  # A client cut short (no client.ts) is generated afresh: Prisma refuses to write over a folder that
  # does not look like its own, and nothing but generated code is there.
  [ -f "$out/client.ts" ] || rm -rf "$out"
  (cd "$dir" && ../../node_modules/.bin/prisma generate >/dev/null)
  mkdir -p "$out" && echo "$hash" > "$stamp"
done
