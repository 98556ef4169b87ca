#!/usr/bin/env bash
# Compiles infra-bicep for every environment into infra-bicep/out/ (git-ignored) and lints it.
#   out/main.json          ARM template of main.bicep
#   out/<env>.parameters.json  ARM parameters of env/<env>.bicepparam
# Fails on any compiler or linter error, and on any warning: a warning that is accepted must be
# suppressed in the code (#disable-next-line <rule>) with the reason next to it.
set -euo pipefail
cd "$(dirname "$0")/.."

BICEP=$(realpath "${BICEP_BIN:-.tools/bicep/bicep}" 2>/dev/null || true)
[ -n "$BICEP" ] && [ -x "$BICEP" ] || { echo "bicep-build: no Bicep CLI at ${BICEP_BIN:-.tools/bicep/bicep} (run: npm run bicep:install)" >&2; exit 1; }

cd infra-bicep
mkdir -p out
log=$(mktemp)
trap 'rm -f "$log"' EXIT

start=$(date +%s%N)
# Two CLI processes, not one a file: `bicep build` prints the linter's diagnostics as `bicep lint`
# does (the same analysis; a separate lint compiled main.bicep once more), and one `build-params
# --pattern` builds every parameter file in one process (each CLI start costs ~4 s of CPU).
"$BICEP" build main.bicep --outfile out/main.json 2>&1 | tee "$log"
params=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$params"' EXIT
"$BICEP" build-params --pattern 'env/*.bicepparam' --outdir "$params" 2>&1 | tee -a "$log"
for param in env/*.bicepparam; do
  envName=$(basename "$param" .bicepparam)
  mv "$params/$envName.json" "out/$envName.parameters.json"
done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))

# Diagnostics look like: path(line,col) : Warning rule-name: message
if grep -Eq ' : (Error|Warning) ' "$log"; then
  echo "bicep-build: diagnostics above must be fixed (or suppressed with a reason)" >&2
  exit 1
fi
echo "bicep-build: $(ls env/*.bicepparam | wc -l) environments built into infra-bicep/out in ${elapsed} ms, lint clean"
