#!/usr/bin/env bash
# Checks Shoebox's face models against TF.js's own CPU kernels (issue 12): BlazeFace as imported from
# the TF.js graph, and the dlib descriptor rebuilt in libtorch against face-api's FaceRecognitionNet
# written out in tfjs-core (tfjs-reference/faces.js). The same inputs go through both; prints the
# largest differences and exits non-zero above 1e-4 (relative to the largest value when above 1).
#   tests/benchmarks/check_faces_vs_tfjs.sh [BUILD_DIR]
# Needs npm (installs TF.js 4.22.0 into a temporary folder), scripts/install-model.sh and
# scripts/fetch-test-photos.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build}"
data="${SHOEBOX_TEST_DATA:-$root/.testdata}"
tfjs="${SHOEBOX_MODEL_CACHE:-$root/.models}/tfjs"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp "$root/tests/benchmarks/tfjs-reference/"{faces.js,package.json} "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund >/dev/null 2>&1)
export SHOEBOX_MODELS="${SHOEBOX_MODELS:-$build/models}"
status=0
compare() { # NAME OURS THEIRS
  python3 - "$@" <<'PY' || status=1
import struct, sys
def load(p):
    b = open(p, 'rb').read(); return struct.unpack('%df' % (len(b) // 4), b)
name, a, t = sys.argv[1], load(sys.argv[2]), load(sys.argv[3])
assert len(a) == len(t), 'sizes differ'
d = max(abs(x - y) for x, y in zip(a, t)); big = max(map(abs, t))
rel = d / max(1.0, big)
print('%s: %d values, max |diff| %.3g, largest value %.4g, relative %.3g' % (name, len(a), d, big, rel))
sys.exit(0 if rel <= 1e-4 else 1)
PY
}
for p in "$data/faces/dlib/bald_guys.jpg" "$data/faces/faceapi/sample1.jpg" "$data/skimage/astronaut.png"; do
  n="$work/$(basename "$p" | cut -d. -f1)"
  "$build/tests/benchmarks/bench_faces" dump-detector "$p" "$n"
  (cd "$work" && node faces.js blazeface "$tfjs" "$n.in" "$n.tfjs")
  compare "$(basename "$p") blazeface logits" "$n.logits" "$n.tfjs.logits"
  compare "$(basename "$p") blazeface boxes" "$n.boxes" "$n.tfjs.boxes"
done
chips=("$data"/faces/johns/*/*.jpg)
"$build/tests/benchmarks/bench_faces" dump-descriptor "$work/johns" "${chips[@]:0:12}"
(cd "$work" && node faces.js descriptor "$tfjs" "$work/johns.in" "$work/johns.tfjs")
compare "12 johns chips descriptor" "$work/johns.desc" "$work/johns.tfjs.desc"
exit $status
