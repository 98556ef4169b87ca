#!/usr/bin/env bash
# Regenerates infra-bicep/catalog.json from the service catalog, then writes the reviewable
# snapshot of every environment: infra-bicep/snapshots/<env>.snapshot.json, the resources
# `bicep snapshot` predicts with their evaluated properties. Commit both with the Bicep change;
# the tests fail when either is stale (`--mode validate`).
#
# The deployment context is fixed so that the snapshots are byte-identical across runs:
# placeholder tenant and subscription ids, the environment's region, deployment name tripgen-<env>.
set -euo pipefail
cd "$(dirname "$0")/.."

BICEP=$(realpath "${BICEP_BIN:-.tools/bicep/bicep}" 2>/dev/null || true)
[ -n "$BICEP" ] && [ -x "$BICEP" ] || { echo "bicep-snapshot: no Bicep CLI (run: npm run bicep:install)" >&2; exit 1; }

node --import tsx scripts/bicep-catalog.ts
node --import tsx scripts/bicep-prometheus-alerts.ts

# Keep in sync with infra-bicep/lib/bicep.ts (SNAPSHOT_CONTEXT).
TENANT_ID=00000000-0000-0000-0000-000000000000
SUBSCRIPTION_ID=00000000-0000-0000-0000-000000000000
LOCATION=koreacentral

cd infra-bicep
mkdir -p snapshots
for param in env/*.bicepparam; do
  envName=$(basename "$param" .bicepparam)
  # `bicep snapshot` writes <param file minus .bicepparam>.snapshot.json next to the param file.
  "$BICEP" snapshot "$param" --mode overwrite \
    --tenant-id "$TENANT_ID" --subscription-id "$SUBSCRIPTION_ID" \
    --location "$LOCATION" --deployment-name "tripgen-$envName"
  # Bicep 0.49.2 writes the "outputs" object in a different key order from run to run (the
  # resources are stable). Sorting the output keys makes the file byte-identical across runs;
  # `--mode validate` compares semantically, so it accepts the sorted file.
  node -e '
    const fs = require("fs");
    const [from, to] = process.argv.slice(1);
    const s = JSON.parse(fs.readFileSync(from, "utf8"));
    s.outputs = Object.fromEntries(Object.entries(s.outputs ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    fs.writeFileSync(to, JSON.stringify(s, null, 2) + "\n");
    fs.unlinkSync(from);
  ' "env/$envName.snapshot.json" "snapshots/$envName.snapshot.json"
  echo "wrote infra-bicep/snapshots/$envName.snapshot.json"
done
