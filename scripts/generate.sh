#!/usr/bin/env bash
# Code generated from committed sources (Prisma clients), git-ignored, made before typecheck and tests.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in scripts/generate.d/*.sh; do
  [ -e "$f" ] || continue
  bash "$f"
done
