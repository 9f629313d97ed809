#!/usr/bin/env bash
# Extracts a held-out photo set from a Debian package the duplicate rules were never tuned on
# (mate-backgrounds: nature photos, abstract renders, wallpapers). Used only by the duplicates benchmark:
#   SHOEBOX_DUP_SOURCES="$(scripts/fetch-holdout-photos.sh)" tests/benchmarks/run-duplicates-benchmark.sh OUT
# Prints the source folders. Never committed; not needed by the tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.testdata/holdout"
mkdir -p "$out/debs"
cd "$out/debs"
ls mate-backgrounds_*.deb >/dev/null 2>&1 || apt-get download mate-backgrounds >&2
rm -rf "$out/extract" && mkdir -p "$out/extract"
dpkg -x mate-backgrounds_*.deb "$out/extract"
for d in nature abstract desktop; do
  rm -rf "${out:?}/$d" && cp -r "$out/extract/usr/share/backgrounds/mate/$d" "$out/$d"
done
# The same elephants at three resolutions would be near duplicates labelled as different photos, and so
# would Ubuntu-Mate Warm and Radioactive: the Cold aurora with its colours shifted (a colour edit).
rm -f "$out"/abstract/Elephants_*x*.jpg "$out"/desktop/Ubuntu-Mate-Warm-* "$out"/desktop/Ubuntu-Mate-Radioactive-*
echo "$out/nature $out/abstract $out/desktop"
