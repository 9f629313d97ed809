#!/usr/bin/env bash
# Installs everything, builds, and runs every test (the README's test command; CI runs this).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./scripts/install-deps.sh
./scripts/fetch-test-photos.sh
[ -x scripts/fetch-model.sh ] && ./scripts/fetch-model.sh
./scripts/fetch-geodata.sh
./scripts/build.sh
[ -x scripts/install-model.sh ] && ./scripts/install-model.sh
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 1200 -LE benchmark
