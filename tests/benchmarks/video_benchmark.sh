#!/bin/sh
# Video benchmarks of issue 10 (BENCHMARKS.md, "Formats (issue 10): video").
# Usage: tests/benchmarks/video_benchmark.sh WORKDIR [BUILD_DIR]
# Makes the data set from the mimetype package's sample clips (scripts/fetch-test-photos.sh) and
# ffmpeg's synthetic sources, then runs bench_video on it.
set -eu
WORK=${1:?usage: video_benchmark.sh WORKDIR [BUILD_DIR]}
BUILD=${2:-build}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${SHOEBOX_TEST_DATA:-$ROOT/.testdata}/mimetype
SET="$WORK/videoset"
X264="-c:v libx264 -preset veryfast -pix_fmt yuv420p"
ff() { ffmpeg -nostdin -y -v error "$@"; }
if [ ! -d "$SET" ]; then
  mkdir -p "$SET"
  # Originals: the real clip (lego: three real encodings ship) and five synthetic ones.
  cp "$DATA/mp4.mp4" "$SET/lego__orig.mp4"
  cp "$DATA/mov.mov" "$SET/lego__mov.mov"
  cp "$DATA/3gp.3gp" "$SET/lego__3gp.3gp"
  for src in mandelbrot life testsrc2 cellauto rgbtestsrc; do
    ff -f lavfi -i "$src=size=640x360:rate=25" -t 8 $X264 "$SET/${src}__orig.mp4"
  done
  for orig in "$SET"/*__orig.mp4; do
    clip=$(basename "$orig" __orig.mp4)
    ff -i "$orig" $X264 -crf 38 -an "$SET/${clip}__reencoded.mp4"
    ff -i "$orig" -vf scale=iw/2:-2 $X264 -an "$SET/${clip}__half.mp4"
    ff -i "$orig" -vf scale=iw/2:-2 $X264 -crf 35 -an "$SET/${clip}__half-reencoded.mkv"
    ff -ss 0.8 -i "$orig" $X264 -an "$SET/${clip}__trimstart.mp4"
    ff -i "$orig" -t 4.5 $X264 -an "$SET/${clip}__trimend.mp4"
  done
fi
"$BUILD/tests/benchmarks/bench_video" near "$SET"
"$BUILD/tests/benchmarks/bench_video" scan "$SET" 3
