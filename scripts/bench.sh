#!/usr/bin/env bash
# All benchmarks, each printing its own figures and ratios (`npm run bench`).
# Speed is measured here, never asserted in unit tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s bench:synth
npm run -s bench:planner
npm run -s bench:heap-reduction
# shellcheck source=/dev/null
source scripts/stack-env.sh && bash scripts/stack-up.sh
npm run -s bench:api
npm run -s bench:location-search
npm run -s bench:sweep
