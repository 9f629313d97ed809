#!/usr/bin/env bash
# Converts the fetched models (scripts/fetch-model.sh: the object tagger, the BlazeFace face detector and
# dlib's face descriptor from face-api) to TorchScript in build/models/, where
# tests and the uninstalled binaries find it. Needs a build with libtorch; without one it says so.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
cli="$build/app/shoebox-cli"
[ -x "$cli" ] || { echo "install-model.sh: $cli not built (run scripts/build.sh)" >&2; exit 1; }
if ! grep -q '^SHOEBOX_WITH_TORCH:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "install-model.sh: built without libtorch; no model to install"
  exit 0
fi
"$root/scripts/fetch-model.sh"
tfjs="${SHOEBOX_MODEL_CACHE:-$root/.models}/tfjs"
"$cli" models install --dir "$build/models" "$tfjs/centernet.json"
"$cli" models install --dir "$build/models" "$tfjs/blazeface.json"
"$cli" models install --dir "$build/models" "$tfjs/face_recognition_model-weights_manifest.json"
