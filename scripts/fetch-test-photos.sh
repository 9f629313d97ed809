#!/usr/bin/env bash
# Extracts real photos from Debian packages into .testdata/ (never committed, never installed).
#   .testdata/darknet/*.jpg   darknet's data/ (dog, eagle, giraffe, horses, kite, person, scream)
#   .testdata/skimage/*       python3-skimage's data/ (astronaut, coffee, chelsea, ...)
#   .testdata/backgrounds/*   gnome-backgrounds (large photos)
#   .testdata/mimetype/*      golang-github-gabriel-vasile-mimetype-dev's testdata (avif, mov, mp4, 3gp)
#   .testdata/faces/          faces (issue 12): dlib's source tarball from the Debian mirror (sha256 pinned):
#                             johns/<Name>/*.jpg (5 people x 11 chips) and dlib/ (examples/faces: bald_guys.jpg,
#                             24 faces; VOC photos with face boxes in training.xml and testing.xml);
#                             face-api's demo photos faceapi/sample1-6.jpg (npm tarball, see fetch-model.sh)
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

# Faces. dlib's orig tarball is fetched by URL (apt-get source would need a deb-src line) and pinned.
dlib="dlib_19.24+dfsg.orig.tar.bz2"
dlib_sha256="66b4263822a2ff91a3e769e501c7d7927a13089e178c1427ec19cb0475823cf6"
cd "$out/debs"
if [ ! -f "$dlib" ] || ! echo "$dlib_sha256  $dlib" | sha256sum -c --status; then
  curl -fsSL -o "$dlib" "http://deb.debian.org/debian/pool/main/d/dlib/$dlib"
  echo "$dlib_sha256  $dlib" | sha256sum -c --status || { echo "fetch-test-photos.sh: $dlib checksum mismatch" >&2; exit 1; }
fi
rm -rf "$out/faces/johns" "$out/faces/dlib" && mkdir -p "$out/faces/faceapi"
tar -xjf "$dlib" -C "$out/faces" --strip-components=2 dlib-19.24+dfsg/examples/johns dlib-19.24+dfsg/examples/faces
mv "$out/faces/faces" "$out/faces/dlib"
"$root/scripts/fetch-model.sh" >/dev/null
tar -xzf "${SHOEBOX_MODEL_CACHE:-$root/.models}/vladmandic-face-api-1.7.15.tgz" -C "$out/faces/faceapi" --strip-components=2 \
  package/demo/sample1.jpg package/demo/sample2.jpg package/demo/sample3.jpg package/demo/sample4.jpg \
  package/demo/sample5.jpg package/demo/sample6.jpg
echo "faces: $(find "$out/faces/johns" -name '*.jpg' | wc -l) johns chips, $(ls "$out/faces/faceapi" | wc -l) face-api photos, $(ls "$out/faces/dlib" | grep -c jpg) dlib photos"
