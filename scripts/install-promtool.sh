#!/usr/bin/env bash
# Provisions promtool, Prometheus's rule checker and rule unit-test runner, which
# k8s/test/promtool-rules.test.ts runs over the rendered rules. Reuses one on the PATH (or $PROMTOOL);
# else installs Debian's `prometheus` package with apt, as scripts/stack-up.sh installs PostgreSQL and
# Redis (Debian 12 ships promtool only in that package: 2.42). Exits non-zero when it cannot, so
# that with CI=true a missing promtool fails the run instead of skipping its tests.
set -euo pipefail

PROMTOOL="${PROMTOOL:-promtool}"
if command -v "$PROMTOOL" >/dev/null 2>&1; then
  echo "promtool present: $("$PROMTOOL" --version 2>&1 | head -n 1)"
  exit 0
fi

echo "promtool: installing prometheus (apt)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends prometheus >/dev/null
# The package starts its own Prometheus server; the tests need only its promtool.
service prometheus stop >/dev/null 2>&1 || true
command -v "$PROMTOOL" >/dev/null 2>&1 || { echo "promtool: not on the PATH after installing prometheus" >&2; exit 1; }
echo "promtool installed: $("$PROMTOOL" --version 2>&1 | head -n 1)"
