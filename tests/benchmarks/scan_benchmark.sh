#!/usr/bin/env bash
# Scan benchmark: 500 12-megapixel JPEGs from real photos; decode limit vs full scan; rescan of an
# unchanged 10,000-file tree; findimagedupes and jdupes on the same set, side by side.
#   tests/benchmarks/scan_benchmark.sh [WORKDIR]     (default /tmp/shoebox-bench)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-/tmp/shoebox-bench}"
bench="$root/build/tests/benchmarks/bench_scan"
cli="$root/build/app/shoebox-cli"
[ -d "$root/.testdata/darknet" ] || "$root/scripts/fetch-test-photos.sh"
mkdir -p "$work/src"
cp -f "$root"/.testdata/darknet/*.jpg "$root"/.testdata/skimage/*.png "$work/src/" 2>/dev/null || true
"$bench" make-set "$work/src" "$work/set12mp" "${COUNT:-500}"
echo "## decode limit vs full scan"
"$bench" compare "$work/set12mp"
echo "## rescan"
if [ ! -d "$work/tree10k" ]; then
  mkdir -p "$work/tree10k"
  small="$work/src/dog.jpg"
  for d in $(seq -w 0 99); do
    mkdir -p "$work/tree10k/d$d"
    for f in $(seq -w 0 99); do cp "$small" "$work/tree10k/d$d/p$f.jpg"; done
  done
fi
"$bench" rescan "$work/tree10k"
echo "## other tools on the same 12-megapixel set"
if command -v jdupes >/dev/null; then
  /usr/bin/time -f "jdupes -r (exact duplicates only): %e s, %M KB" jdupes -r -q "$work/set12mp" >/dev/null || true
fi
if command -v findimagedupes >/dev/null; then
  rm -f "$work/fid.db"
  /usr/bin/time -f "findimagedupes (perceptual fingerprints, first run): %e s, %M KB" findimagedupes -q -f "$work/fid.db" -R "$work/set12mp" >/dev/null || true
fi
rm -rf "$work/lib-cli" && mkdir -p "$work/lib-cli"
XDG_CACHE_HOME="$work/lib-cli/cache" /usr/bin/time -f "shoebox-cli scan (full index: metadata, thumbnails, hashes): %e s, %M KB" \
  "$cli" --library "$work/lib-cli/lib.db" scan --no-tags "$work/set12mp" >/dev/null
