#!/usr/bin/env bash
# The whole test suite, the one command a newcomer and CI run (`npm test`).
# Provisions what the tests need when it is missing (npm packages, the Bicep CLI, PostgreSQL with
# PostGIS, Redis, promtool) and reuses it when present. With CI=true a tool that cannot be provisioned is a
# failure, never a silent skip (each provisioning script exits non-zero).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

# Background jobs. Bash starts one ignoring SIGINT (a script has no job control), so a Ctrl-C, or a
# step failing under set -e, left it running after the script (the Bicep CLI's NuGet restore went
# on writing into .tools/); and two side by side interleaved their output. So each runs in a process
# group of its own (set -m), its output kept in a file and printed whole once it ended, and the
# script's end, however it comes, ends every job still running, its children too.
job_logs=$(mktemp -d)
jobs_running=" "
end_jobs() {
  local pid
  for pid in $jobs_running; do kill -- "-$pid" 2>/dev/null || true; done
  rm -rf "$job_logs"
}
trap end_jobs EXIT
# start_job NAME COMMAND...: runs COMMAND in the background; its pid is $!.
start_job() {
  local name=$1
  shift
  set -m
  "$@" </dev/null >"$job_logs/$name" 2>&1 &
  set +m
  jobs_running="$jobs_running$! "
}
# finish_job NAME PID: waits for the job, prints its output; returns its exit status.
finish_job() {
  local status=0
  wait "$2" || status=$?
  jobs_running=${jobs_running/ $2 / }
  cat "$job_logs/$1"
  return "$status"
}

# The Bicep CLI (a NuGet restore on a fresh clone) is installed meanwhile: it needs nothing of the
# steps up to the tests, and they nothing of it. Its output, and its failure, come before the tests.
start_job bicep bash scripts/install-bicep.sh
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

step "typecheck and lint (side by side: each is one process, one core; the output of each once it ended)"
start_job typecheck npx tsc -p tsconfig.json --noEmit
typecheck=$!
start_job lint npx eslint . --max-warnings 0
lint=$!
checks=0
finish_job typecheck "$typecheck" || { echo "typecheck failed" >&2; checks=1; }
finish_job lint "$lint" || { echo "lint failed" >&2; checks=1; }
[ "$checks" -eq 0 ] || exit 1

step "Bicep CLI"
bicep_status=0
finish_job bicep "$bicep" || bicep_status=$?
[ "$bicep_status" -eq 0 ] || exit "$bicep_status"

step "tests, with coverage (>= 80% lines and branches per workspace, vitest.config.ts)"
report="$job_logs/report.json"
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
