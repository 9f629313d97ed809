#!/usr/bin/env bash
# Checks the imported TorchScript model against TF.js's own CPU kernels on real photos: the same
# preprocessed input goes through both; prints the largest differences of the heat map and boxes.
#   tests/benchmarks/check_import_vs_tfjs.sh [BUILD_DIR] [PHOTO...]
# Needs npm (installs TF.js 4.22.0 into a temporary folder) and the installed default model.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build}"; shift || true
photos=("$@"); [ ${#photos[@]} -gt 0 ] || photos=("$root/.testdata/darknet/dog.jpg" "$root/.testdata/darknet/person.jpg")
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp "$root/tests/benchmarks/tfjs-reference/"{ref.js,package.json} "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund >/dev/null 2>&1)
for p in "${photos[@]}"; do
  name="$work/$(basename "$p" .jpg)"
  "$build/tests/benchmarks/bench_tagger" dump "$p" "$name" 2>/dev/null
  (cd "$work" && node ref.js "$root/.models/tfjs/centernet.json" "$name" 2>/dev/null | grep 'tfjs ms' || true)
  python3 - "$name" <<'PY'
import struct, sys
def load(p):
    b = open(p, 'rb').read(); return struct.unpack('%df' % (len(b) // 4), b)
for kind in ('heat', 'wh'):
    a, t = load(sys.argv[1] + '.' + kind), load(sys.argv[1] + '.tfjs.' + kind)
    d = [abs(x - y) for x, y in zip(a, t)]
    print('%s %s: max |diff| %.3g, mean %.3g, largest value %.4g' % (sys.argv[1].rsplit('/', 1)[1], kind, max(d), sum(d) / len(d), max(map(abs, t))))
PY
done
