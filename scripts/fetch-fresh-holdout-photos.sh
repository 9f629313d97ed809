#!/usr/bin/env bash
# Extracts a second held-out set for the duplicates benchmark from Debian packages nobody looked at while
# tuning (ukui-wallpapers and lomiri-wallpapers: 13 renders, flat vector art and graphics). First used in
# round sixteen of issue 11, after the first held-out set (fetch-holdout-photos.sh) had been studied for
# failures: this one measures what the rules do on pictures they were never shaped by.
#   SHOEBOX_DUP_SOURCES="$(scripts/fetch-fresh-holdout-photos.sh)" tests/benchmarks/run-duplicates-benchmark.sh OUT
# Prints the source folder. Never committed; not needed by the tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.testdata/holdout-fresh"
mkdir -p "$out/debs"
cd "$out/debs"
for pkg in ukui-wallpapers lomiri-wallpapers; do
  ls ${pkg}_*.deb >/dev/null 2>&1 || apt-get download "$pkg" >&2
done
rm -rf "$out/extract" "$out/wallpapers" && mkdir -p "$out/extract" "$out/wallpapers"
for deb in *.deb; do dpkg -x "$deb" "$out/extract"; done
# Plain files only: lomiri-default-background.png is a link to warty-final-ubuntu.png (a byte copy).
find "$out/extract/usr/share/backgrounds" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \) \
  -exec cp {} "$out/wallpapers/" \;
echo "$out/wallpapers"
