#!/usr/bin/env bash
# Extracts real photos from Debian packages into .testdata/ (never committed, never installed).
#   .testdata/darknet/*.jpg   darknet's data/ (dog, eagle, giraffe, horses, kite, person, scream)
#   .testdata/skimage/*       python3-skimage's data/ (astronaut, coffee, chelsea, ...)
#   .testdata/backgrounds/*   gnome-backgrounds (large photos)
#   .testdata/mimetype/*      golang-github-gabriel-vasile-mimetype-dev's testdata (avif, mov, mp4, 3gp)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.testdata"
mkdir -p "$out/debs"
cd "$out/debs"
for pkg in darknet python3-skimage gnome-backgrounds golang-github-gabriel-vasile-mimetype-dev; do
  ls ${pkg}_*.deb >/dev/null 2>&1 || apt-get download "$pkg"
done
x="$out/extract"
mkdir -p "$x"
for deb in *.deb; do dpkg -x "$deb" "$x"; done
mkdir -p "$out/darknet" "$out/skimage" "$out/backgrounds" "$out/mimetype"
cp -f "$x"/usr/share/darknet/data/*.jpg "$out/darknet/" 2>/dev/null || \
  find "$x" -path '*darknet*/data/*.jpg' -exec cp -f {} "$out/darknet/" \;
find "$x" -path '*skimage/data/*' \( -name '*.png' -o -name '*.jpg' \) -size +20k -exec cp -f {} "$out/skimage/" \;
find "$x" -path '*backgrounds*' \( -name '*.jpg' -o -name '*.png' -o -name '*.webp' \) -exec cp -f {} "$out/backgrounds/" \;
for f in avif.avif avifsequence.avif mov.mov mp4.mp4 3gp.3gp; do
  find "$x" -path '*mimetype/testdata/*' -name "$f" -exec cp -f {} "$out/mimetype/" \;
done
echo "test photos: $(ls "$out/darknet" | wc -l) darknet, $(ls "$out/skimage" | wc -l) skimage, $(ls "$out/backgrounds" | wc -l) backgrounds, $(ls "$out/mimetype" | wc -l) format samples in $out"
