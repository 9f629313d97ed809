#!/usr/bin/env bash
# Installs everything, builds, and runs Shoebox's main job: index a photo folder and show the result.
#   scripts/run.sh [FOLDER]   (default: ~/Pictures, or the test photos when that folder is missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./scripts/install-deps.sh
[ -x scripts/fetch-model.sh ] && ./scripts/fetch-model.sh
./scripts/fetch-geodata.sh
./scripts/build.sh
[ -x scripts/install-model.sh ] && ./scripts/install-model.sh
folder="${1:-$HOME/Pictures}"
if [ ! -d "$folder" ]; then
  ./scripts/fetch-test-photos.sh
  folder="$root/.testdata/darknet"
fi
cli="$root/build/app/shoebox-cli"
"$cli" scan "$folder"
"$cli" timeline
"$cli" duplicates --level exact 2>/dev/null || true
if [ -x "$root/build/app/shoebox" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec "$root/build/app/shoebox"
fi
