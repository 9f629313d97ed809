#!/usr/bin/env bash
# Configures and builds Shoebox into build/ (Release with debug info).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHOEBOX_TEST_DATA="$root/.testdata" "$@"
cmake --build "$root/build" -j"$(nproc)"
