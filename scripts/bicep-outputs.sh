#!/usr/bin/env bash
# The hand-over from Azure to Kubernetes: writes infra-bicep/outputs/<env>.outputs.json from the
# outputs of the subscription deployment `tripgen-<env>` (what
# `az deployment sub show -n tripgen-<env> --query properties.outputs` prints: {name: {type, value}}).
# The k8s renderer reads that file; commit it after every deployment that changes an output.
# Needs the Azure CLI, logged in to the environment's subscription (`az login`, `az account set`).
#
#   scripts/bicep-outputs.sh prod
set -euo pipefail
cd "$(dirname "$0")/.."

env=${1:-}
case "$env" in
  dev | prod) ;;
  *) echo "usage: $0 <dev|prod>" >&2; exit 2 ;;
esac
command -v az >/dev/null 2>&1 || { echo "bicep-outputs: the Azure CLI (az) is not installed" >&2; exit 1; }

out=infra-bicep/outputs/$env.outputs.json
json=$(az deployment sub show --name "tripgen-$env" --query properties.outputs --output json)

# One line per output, keys in the order main.bicep declares them, like the committed files.
node -e '
  const outputs = JSON.parse(process.argv[1]);
  const fmt = (v) => (v && typeof v === "object" && !Array.isArray(v)
    ? `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${fmt(x)}`).join(", ")} }`
    : JSON.stringify(v));
  const lines = Object.entries(outputs).map(([k, v]) => `  ${JSON.stringify(k)}: ${fmt(v)}`);
  process.stdout.write(`{\n${lines.join(",\n")}\n}\n`);
' "$json" > "$out"
echo "wrote $out"
