#!/usr/bin/env bash
# The restic destination of issue 16 (BENCHMARKS.md, "Backup (issue 16): restic destination"):
# shoebox-cli backup --restic against restic run by hand on the same folder, interleaved in one run.
# "by hand" is what a restic user scripts: `restic backup FOLDER` then `restic forget --prune` with
# the same retention; Shoebox adds the catalog copy and its tags. First backup into an empty
# repository (made before timing, both sides), then an unchanged second run.
# Usage: tests/benchmarks/restic_benchmark.sh WORKDIR [COUNT] [ROUNDS] [BUILD_DIR]
set -euo pipefail
WORK=${1:?usage: restic_benchmark.sh WORKDIR [COUNT] [ROUNDS] [BUILD_DIR]}
COUNT=${2:-150}
ROUNDS=${3:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${4:-$ROOT/build}
CLI="$BUILD/app/shoebox-cli"
SET="$WORK/set"
LIB="--library $WORK/lib/library.db"
mkdir -p "$WORK"
[ -d "$SET" ] || "$BUILD/tests/benchmarks/bench_scan" make-set "${SHOEBOX_TEST_DATA:-$ROOT/.testdata}/darknet" "$SET" "$COUNT"
"$CLI" $LIB scan --no-tags --no-thumbnails "$SET" >/dev/null
printf 'benchmark password\n' > "$WORK/password"
export RESTIC_PASSWORD_FILE="$WORK/password"
KEEP="--keep-last 1 --keep-daily 7 --keep-weekly 4 --keep-monthly 12"
elapsed() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }
byhand() { restic -r "$WORK/by-hand" backup "$SET" && restic -r "$WORK/by-hand" forget $KEEP --prune; }
echo "files: $(find "$SET" -type f | wc -l), $(du -sh "$SET" | cut -f1)"
echo "round run restic-by-hand shoebox ratio"
for round in $(seq "$ROUNDS"); do
  rm -rf "$WORK/by-hand" "$WORK/shoebox" "$WORK/lib/restic-parent"
  restic -r "$WORK/by-hand" init >/dev/null 2>&1
  restic -r "$WORK/shoebox" init >/dev/null 2>&1
  sync
  for run in first unchanged; do
    hand=$(elapsed byhand)
    shoebox=$(elapsed "$CLI" $LIB backup --restic "$WORK/shoebox")
    echo "$round $run $hand $shoebox $(echo "scale=2; $hand / $shoebox" | bc)"
  done
done
