#!/usr/bin/env bash
# Extracts real photos from Debian packages into .testdata/ (never committed, never installed).
#   .testdata/darknet/*.jpg   darknet's data/ (dog, eagle, giraffe, horses, kite, person, scream)
#   .testdata/skimage/*       python3-skimage's data/ (astronaut, coffee, chelsea, ...)
#   .testdata/backgrounds/*   gnome-backgrounds (large photos)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.testdata"
mkdir -p "$out/debs"
cd "$out/debs"
for pkg in darknet python3-skimage gnome-backgrounds; do
  ls ${pkg}_*.deb >/dev/null 2>&1 || apt-get download "$pkg"
done
x="$out/extract"
mkdir -p "$x"
for deb in *.deb; do dpkg -x "$deb" "$x"; done
mkdir -p "$out/darknet" "$out/skimage" "$out/backgrounds"
cp -f "$x"/usr/share/darknet/data/*.jpg "$out/darknet/" 2>/dev/null || \
  find "$x" -path '*darknet*/data/*.jpg' -exec cp -f {} "$out/darknet/" \;
find "$x" -path '*skimage/data/*' \( -name '*.png' -o -name '*.jpg' \) -size +20k -exec cp -f {} "$out/skimage/" \;
find "$x" -path '*backgrounds*' \( -name '*.jpg' -o -name '*.png' -o -name '*.webp' \) -exec cp -f {} "$out/backgrounds/" \;
echo "test photos: $(ls "$out/darknet" | wc -l) darknet, $(ls "$out/skimage" | wc -l) skimage, $(ls "$out/backgrounds" | wc -l) backgrounds in $out"
