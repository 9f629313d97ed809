#!/usr/bin/env bash
# The near-duplicate quality benchmark, end to end, side by side with the baselines:
#   1. shoebox-dupdataset builds the labelled set from the Debian test photos (outside the repo)
#   2. shoebox-cli scans it (the real scanner) and lists duplicates --json
#   3. baselines on the same files: pHash alone (several thresholds), embedding cosine >= 0.9 alone
#      (when the library has embeddings), findimagedupes (default 90%), dupeGuru picture mode
#   4. dupscore.py scores every method pairwise against the labels, with per-edit recall
#
#   tests/benchmarks/run-duplicates-benchmark.sh [OUT_DIR] [BUILD_DIR]
# Needs: the build tree's shoebox-cli, shoebox-dupdataset, shoebox-dupbaseline targets;
# Debian packages findimagedupes and dupeguru (scripts/install-deps.sh); .testdata (fetch-test-photos.sh).
# SHOEBOX_DUP_SOURCES: source folders instead of the default three, e.g. the held-out set that
# scripts/fetch-holdout-photos.sh extracts (photos the rules were never tuned on).
# SHOEBOX_DUP_GENERATOR: shoebox-dupdataset (default: classic edits) or shoebox-dupframes (frames,
# screenshots, reshaped copies, overlays: issue 11).
# SHOEBOX_DUP_SCAN_FLAGS: extra scan flags, e.g. "--no-tags" (no embeddings: much faster, near level).
# SHOEBOX_DUP_SIMILAR=0 skips the similar level; SHOEBOX_DUP_BASELINES=0 skips the other tools
# (Shoebox alone, when only its rules changed).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-/tmp/shoebox-dupbench}"
build="${2:-$root/build}"
data="${SHOEBOX_TEST_DATA:-$root/.testdata}"
bench="$root/tests/benchmarks"
generator="${SHOEBOX_DUP_GENERATOR:-shoebox-dupdataset}"
make -C "$build" -j2 shoebox-cli "$generator" shoebox-dupbaseline >/dev/null
rm -rf "$out" && mkdir -p "$out"
set_dir="$out/set"
read -r -a sources <<< "${SHOEBOX_DUP_SOURCES:-$data/darknet $data/skimage $data/backgrounds}"
"$build/tests/benchmarks/$generator" "${sources[@]}" "$set_dir" 2> >(grep -v libpng >&2)
cli="$build/app/shoebox-cli"
lib="$out/library.db"
read -r -a scan_flags <<< "${SHOEBOX_DUP_SCAN_FLAGS:-}"
"$cli" --library "$lib" scan --no-thumbnails "${scan_flags[@]}" "$set_dir" 2>/dev/null | tail -1

# Wall time of a command, in seconds.
timed() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); python3 -c "print(f'{$e - $s:.1f}')"; }

echo "shoebox duplicates: $(timed sh -c "'$cli' --library '$lib' duplicates --json > '$out/shoebox.json'") s"
methods=("shoebox=$out/shoebox.json")
if [ "${SHOEBOX_DUP_SIMILAR:-1}" != 0 ]; then
  echo "shoebox duplicates --level similar: $(timed sh -c "'$cli' --library '$lib' duplicates --level similar --json > '$out/shoebox-similar.json'") s"
  methods+=("shoebox-similar=$out/shoebox-similar.json")
fi
if [ "${SHOEBOX_DUP_BASELINES:-1}" != 0 ]; then
for bits in 4 6 8 10 12; do
  "$build/tests/benchmarks/shoebox-dupbaseline" "$lib" phash "$bits" > "$out/phash-$bits.json"
  methods+=("pHash<=$bits=$out/phash-$bits.json")
done
if "$build/tests/benchmarks/shoebox-dupbaseline" "$lib" embedding 0.9 > "$out/embedding.json" 2>"$out/embedding.err"; then
  methods+=("embedding-cos>=0.9=$out/embedding.json")
else
  echo "embedding baseline: not measured ($(cat "$out/embedding.err"))"
fi
echo "findimagedupes: $(timed sh -c "findimagedupes -q '$set_dir' > '$out/findimagedupes.txt'") s"
methods+=("findimagedupes=$out/findimagedupes.txt")
echo "dupeGuru picture mode: $(timed sh -c "/usr/bin/python3 '$bench/dupeguru_picture.py' '$set_dir' > '$out/dupeguru.json' 2>'$out/dupeguru.err'") s"
methods+=("dupeGuru=$out/dupeguru.json")
fi
python3 "$bench/dupscore.py" "$set_dir/manifest.tsv" "${methods[@]}" --per-edit | tee "$out/scores.md"
