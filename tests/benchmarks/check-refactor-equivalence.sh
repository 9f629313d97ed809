#!/usr/bin/env bash
# Does a refactor change what users get? Runs two builds of shoebox-cli side by side on one benchmark
# set and compares byte for byte: duplicates --json (near and similar) on copies of one tagged library,
# and the catalog rows (photos and hashes) of a fresh scan --no-tags of the same files.
#   tests/benchmarks/check-refactor-equivalence.sh OLD_CLI NEW_CLI BENCH_DIR [OUT_DIR]
# BENCH_DIR is an OUT_DIR of run-duplicates-benchmark.sh made with the OLD build (set/ and library.db).
set -u
OLD="$1"
NEW="$2"
B="$3"
E="${4:-/tmp/shoebox-equivalence}"
SET="$B/set"
mkdir -p "$E"
for v in old new; do
  rm -f $E/lib-$v.db*; cp $B/library.db $E/lib-$v.db
  [ -f $B/library.db-wal ] && cp $B/library.db-wal $E/lib-$v.db-wal
done
export HOME=$E/home XDG_CACHE_HOME=$E/home/cache; mkdir -p $HOME
$OLD --library $E/lib-old.db duplicates --json > $E/dup-old.json
$NEW --library $E/lib-new.db duplicates --json > $E/dup-new.json
$OLD --library $E/lib-old.db duplicates --level similar --json > $E/sim-old.json
$NEW --library $E/lib-new.db duplicates --level similar --json > $E/sim-new.json
cmp $E/dup-old.json $E/dup-new.json && echo "near: identical ($(python3 -c "import json;print(len(json.load(open('$E/dup-new.json'))['groups']))") groups)"
cmp $E/sim-old.json $E/sim-new.json && echo "similar: identical ($(python3 -c "import json;print(len(json.load(open('$E/sim-new.json'))['groups']))") groups)"
# Scans without tags into fresh libraries, then the catalog rows side by side.
for v in old new; do
  cli=$OLD; [ $v = new ] && cli=$NEW
  rm -f $E/scan-$v.db*
  $cli --library $E/scan-$v.db scan --no-tags --no-thumbnails $SET > $E/scan-$v.out 2>&1
  python3 - $E/scan-$v.db > $E/scan-$v.dump <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
cols = [r[1] for r in c.execute("pragma table_info(photos)")]
keep = [x for x in cols if x not in ("id", "folder_id", "indexed_at", "added_at", "scanned_at")]
for row in sorted(c.execute("select %s from photos" % ",".join(keep))):
    print("photo", row)
for row in sorted(c.execute("select p.path, h.kind, hex(h.bits) from hashes h join photos p on p.id = h.photo_id")):
    print("hash", row)
PY
done
cmp $E/scan-old.dump $E/scan-new.dump && echo "scan: catalog rows identical ($(grep -c '^photo' $E/scan-new.dump) photos, $(grep -c '^hash' $E/scan-new.dump) hashes)"
tail -2 $E/scan-old.out; tail -2 $E/scan-new.out
