#!/usr/bin/env bash
# What finding faces adds to a scan with tagging (issue 12): the same photos scanned into two fresh
# libraries in one run, `scan --no-faces` and `scan`, alternating, ROUNDS times; the ratio of the
# process CPU seconds (user + system) is the number that counts on a shared machine, the tagging
# and wall seconds are printed beside it.
#   SHOEBOX_MODELS=build/models tests/benchmarks/face_scan_cost.sh [BUILD_DIR] [WORKDIR] [ROUNDS]
# Photos: face-api's demos, dlib's face photos (VOC, bald_guys), darknet's and skimage's photos.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build}"
work="${2:-/tmp/shoebox-facecost}"
rounds="${3:-2}"
data="${SHOEBOX_TEST_DATA:-$root/.testdata}"
cli="$build/app/shoebox-cli"
export SHOEBOX_MODELS="${SHOEBOX_MODELS:-$build/models}"
rm -rf "$work" && mkdir -p "$work/set"
cp "$data"/faces/faceapi/*.jpg "$data"/faces/dlib/*.jpg "$data"/darknet/*.jpg "$work/set/"
cp "$data"/skimage/astronaut.png "$data"/skimage/chelsea.png "$data"/skimage/coffee.png "$work/set/"
count=$(ls "$work/set" | wc -l)
field() { python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['tagging']; print(t.get(sys.argv[2], 0))" "$@"; }
declare -A tag wall cpu faces
for mode in no-faces faces; do tag[$mode]=0; wall[$mode]=0; cpu[$mode]=0; done
for r in $(seq 1 "$rounds"); do
  for mode in no-faces faces; do
    lib="$work/lib-$mode-$r"
    mkdir -p "$lib"
    flag=""; [ "$mode" = no-faces ] && flag="--no-faces"
    start=$(date +%s.%N)
    XDG_CACHE_HOME="$lib/cache" /usr/bin/time -f "%U %S" -o "$lib/cpu" "$cli" --library "$lib/lib.db" --json \
      scan --no-thumbnails --device cpu $flag "$work/set" > "$lib/out.json"
    end=$(date +%s.%N)
    cpu[$mode]=$(python3 -c "u, s = open('$lib/cpu').read().split()[-2:]; print(${cpu[$mode]} + float(u) + float(s))")
    tag[$mode]=$(python3 -c "print(${tag[$mode]} + $(field "$lib/out.json" seconds))")
    wall[$mode]=$(python3 -c "print(${wall[$mode]} + $end - $start)")
    faces[$mode]=$(field "$lib/out.json" faces)
  done
done
python3 - "$count" "$rounds" "${tag[no-faces]}" "${tag[faces]}" "${wall[no-faces]}" "${wall[faces]}" "${faces[faces]}" \
  "${cpu[no-faces]}" "${cpu[faces]}" <<'PY'
import sys
n, rounds = int(sys.argv[1]), int(sys.argv[2])
t0, t1, w0, w1 = map(float, sys.argv[3:7])
c0, c1 = map(float, sys.argv[8:10])
print(f"{n} photos, {rounds} rounds; faces found per scan: {sys.argv[7]}")
print(f"CPU seconds per scan:     --no-faces {c0/rounds:.2f}, with faces {c1/rounds:.2f}: x{c1/c0:.2f}")
print(f"tagging seconds per scan: --no-faces {t0/rounds:.2f}, with faces {t1/rounds:.2f}: x{t1/t0:.2f}")
print(f"wall seconds per scan:    --no-faces {w0/rounds:.2f}, with faces {w1/rounds:.2f}: x{w1/w0:.2f}")
PY
