#!/usr/bin/env bash
# The whole test suite, the one command a newcomer and CI run (`npm test`).
# Provisions what the tests need when it is missing (npm packages, the Bicep CLI, PostgreSQL with
# PostGIS, Redis, promtool) and reuses it when present. With CI=true a tool that cannot be provisioned is a
# failure, never a silent skip (each provisioning script exits non-zero).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

# The Bicep CLI (a NuGet restore on a fresh clone) is installed meanwhile: it needs nothing of the
# steps up to the tests, and they nothing of it. Its output, and its failure, come before the tests.
bicep_log=$(mktemp)
bash scripts/install-bicep.sh >"$bicep_log" 2>&1 &
bicep=$!

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "promtool (the alert and recording rules' unit tests)"
bash scripts/install-promtool.sh

step "local stack (PostgreSQL 15 + PostGIS, Redis)"
# shellcheck source=/dev/null
source scripts/stack-env.sh
bash scripts/stack-up.sh

step "generated code"
bash scripts/generate.sh

step "gitops/ drift check (fresh synth equals the committed render)"
npm run -s synth:check

step "typecheck and lint (side by side: each is one process, one core)"
npx tsc -p tsconfig.json --noEmit &
typecheck=$!
npx eslint . --max-warnings 0 &
lint=$!
checks=0
wait "$typecheck" || { echo "typecheck failed" >&2; checks=1; }
wait "$lint" || { echo "lint failed" >&2; checks=1; }
[ "$checks" -eq 0 ] || exit 1

step "Bicep CLI"
bicep_status=0
wait "$bicep" || bicep_status=$?
cat "$bicep_log"
rm -f "$bicep_log"
[ "$bicep_status" -eq 0 ] || exit "$bicep_status"

step "tests, with coverage (>= 80% lines and branches per workspace, vitest.config.ts)"
report=$(mktemp)
set +e
npx vitest run --coverage --reporter=default --reporter=json --outputFile.json="$report"
status=$?
set -e
node --import tsx tools/delivery/src/cli/coverage-table.ts || true
# A closing line every CI reader understands, whatever the runner.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$report" || true
exit "$status"
