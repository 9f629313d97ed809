#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fault injection: kills shoebox-cli with SIGKILL at random moments of a scan, of tagging (a scan
# with the models, when they are installed: it runs on a terminal from `script`, and the kill comes a
# random moment after its "tagging" progress line appeared, or every other time after its first photo
# was analysed and stored, so it lands in the models' work), of a
# move of exact duplicates to the trash and of its undo, KILLS times (default 200), and checks after
# every kill:
#   - the catalog passes PRAGMA integrity_check (as the kill left it);
#   - after the next start (shoebox-cli settles a move or undo cut short, TrashReconciler), every
#     photo is in its folder, or in the trash with an undo record (trash_log) naming it;
#   - no user verdict, manual tag, person's name, rating/favourite or album membership was lost.
# Not part of CI (several minutes); run it after a build, niced:  nice scripts/kill-loop.sh [KILLS]
# Exits non-zero on the first broken guarantee, printing the kill that broke it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SHOEBOX_BUILD_DIR:-$root/build}"
cli="$build/app/shoebox-cli"
attempts="${1:-200}"
testdata="${SHOEBOX_TEST_DATA:-$root/.testdata}"
[ -x "$cli" ] || { echo "kill-loop.sh: $cli not built (run scripts/build.sh)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "kill-loop.sh: needs the sqlite3 command" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/cache"
export XDG_CONFIG_HOME="$work/config" QT_LOGGING_RULES="*=false"
export SHOEBOX_MODELS="${SHOEBOX_MODELS:-$build/models}"
tagging=0
[ -f "$SHOEBOX_MODELS/models.json" ] && tagging=1
photos="$work/photos"
lib="$work/library.db"
mkdir -p "$photos/keep" "$XDG_DATA_HOME"
# 40 distinct pictures, each twice: the copies are exact duplicates for the trash to take.
for i in $(seq 1 40); do
  ffmpeg -loglevel error -f lavfi -i "testsrc=size=320x240,hue=h=$((i * 9))" -frames:v 1 "$photos/p$i.jpg"
  cp "$photos/p$i.jpg" "$photos/copy-$i.jpg"
done
# Photos that carry the user's own data, none of them a duplicate: marks, an album, a verdict, a
# keyword from a sidecar (a manual tag), and faces for a named person.
for i in 1 2 3 4 5 6; do
  ffmpeg -loglevel error -f lavfi -i "mandelbrot=size=320x240:start_scale=$i,format=yuv420p" -frames:v 1 \
    "$photos/keep/u$i.jpg"
done
cat >"$photos/keep/u6.jpg.xmp" <<'XMP'
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag><rdf:li>killloop</rdf:li>
</rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>
XMP
mkdir -p "$photos/keep/faces"
# Two people, five chips each (dlib's examples/johns): enough faces of one person for a cluster to name.
for who in John_Salley John_Savage; do
  for f in $(ls "$testdata/faces/johns/$who"/*.jpg 2>/dev/null | head -5); do cp "$f" "$photos/keep/faces/${who}_${f##*/}"; done
done
mapfile -t files < <(find "$photos" -name '*.jpg' | sort)

run() { "$cli" --library "$lib" "$@" >/dev/null 2>&1; }
run scan --no-tags "$photos"
# The models analyse only the photos with faces (for a named person): enough for tagging to be under
# way when a kill comes, and minutes less per run than analysing the whole tree.
[ "$tagging" -eq 1 ] && run scan --threads 2 "$photos/keep/faces"
run rate "$photos/keep/u1.jpg" 4
run fav "$photos/keep/u2.jpg"
run album create Trip
run album add Trip "$photos/keep/u3.jpg"
run duplicates --keep-all "$photos/keep/u4.jpg" "$photos/keep/u5.jpg"
run people cluster
person="$("$cli" --library "$lib" --json people 2>/dev/null | grep -o '"id": *[0-9]*' | head -1 | grep -o '[0-9]*$' || true)"
[ -n "$person" ] && run people name "$person" "Ada Lovelace"

userdata() {
  sqlite3 "$lib" "
    SELECT 'mark', p.display_path, m.favourite, m.rating, m.flag, m.hidden FROM photo_marks m
      JOIN photos p ON p.id = m.photo_id WHERE m.favourite OR m.rating OR m.flag OR m.hidden
    UNION ALL SELECT 'verdict', hex(hash_a), hex(hash_b), verdict, '', '' FROM dup_decisions
    UNION ALL SELECT 'tag', p.display_path, t.key, '', '', '' FROM photo_tags pt
      JOIN photos p ON p.id = pt.photo_id JOIN tags t ON t.id = pt.tag_id WHERE pt.source = 'manual'
    UNION ALL SELECT 'name', name, '', '', '', '' FROM people WHERE name IS NOT NULL
    UNION ALL SELECT 'album', a.name, p.display_path, '', '', '' FROM album_photos ap
      JOIN albums a ON a.id = ap.album_id JOIN photos p ON p.id = ap.photo_id
    ORDER BY 1, 2, 3"
}
baseline="$(userdata)"
for kind in mark verdict tag album; do
  grep -q "^$kind|" <<<"$baseline" || { echo "kill-loop: the set-up stored no $kind" >&2; exit 1; }
done
grep -q '^name|' <<<"$baseline" || echo "kill-loop: no person was found to name (models or face photos missing): names not checked"

check() {
  local what="$1" verdict p hex lost
  verdict="$(sqlite3 "$lib" 'PRAGMA integrity_check' 2>&1 || true)"
  if [ "$verdict" != "ok" ] && [ -f "$lib" ]; then
    echo "kill $what: integrity_check says: $verdict" >&2
    exit 1
  fi
  "$cli" --library "$lib" list >/dev/null 2>&1 || true # the next start: settles cut-short moves
  declare -A trashed=()
  while IFS='|' read -r hex p; do trashed[$hex]="$p"; done < <(sqlite3 "$lib" \
    "SELECT hex(original_path), CAST(trash_path AS TEXT) FROM trash_log WHERE restored_at IS NULL AND trash_path <> X''")
  for p in "${files[@]}"; do
    [ -f "$p" ] && continue
    hex="$(printf '%s' "$p" | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F')"
    if [ -z "${trashed[$hex]:-}" ] || [ ! -f "${trashed[$hex]}" ]; then
      echo "kill $what: $p is neither in its folder nor in the trash with an undo record" >&2
      exit 1
    fi
  done
  lost="$(comm -23 <(printf '%s\n' "$baseline") <(userdata))"
  if [ -n "$lost" ]; then
    echo "kill $what: user data lost: $lost" >&2
    exit 1
  fi
}

# One command of a phase, killed after a random delay of up to max_ms (it may also finish first).
killed=0
finished=0
declare -A kills=() runs=()
pause() { sleep "$(awk -v m="$1" -v s="$RANDOM" 'BEGIN { srand(s); printf "%.3f", rand() * m / 1000 }')"; }
attempt() {
  local phase="$1" max_ms="$2"
  shift 2
  "$cli" --library "$lib" "$@" >/dev/null 2>&1 &
  local pid=$!
  pause "$max_ms"
  settle "$phase" "$pid" "$pid"
}
# Counts the kill (or the finish) of pid, the command of a phase, and reaps waited (pid or its wrapper).
settle() {
  runs[$1]=$((${runs[$1]:-0} + 1))
  if [ -n "$2" ] && kill -9 "$2" 2>/dev/null; then
    killed=$((killed + 1))
    kills[$1]=$((${kills[$1]:-0} + 1))
  else
    finished=$((finished + 1))
  fi
  wait "$3" 2>/dev/null || true
}
# A scan with the models on a terminal (progress lines), killed up to max_ms after its progress showed
# the pattern: 'tagging ' (tagging began: model loading, first batch) or 'tagging [1-9]' (photos analysed
# and stored: the kill lands among the models' writes). "tagging N/M" with N > 0 at the kill means
# photos had been analysed: the models were at work.
attempt_tagging() {
  local max_ms="$1" pattern="$2" log="$work/tagging.log" wrapper pid n
  shift 2
  : >"$log"
  script -qfec "exec $(printf '%q ' "$cli" --library "$lib" "$@")" "$log" </dev/null >/dev/null 2>&1 &
  wrapper=$!
  for n in $(seq 1 3000); do # up to 5 minutes for the scan before tagging and the models' start
    grep -aqE "$pattern" "$log" 2>/dev/null && break
    kill -0 "$wrapper" 2>/dev/null || break
    sleep 0.1
  done
  pause "$max_ms"
  pid="$(pgrep -P "$wrapper" || true)"
  local before=$killed
  settle tagging "$pid" "$wrapper"
  if [ "$killed" -gt "$before" ]; then
    n="$(grep -ao 'tagging [0-9]*/' "$log" | tail -1 | grep -o '[0-9]*' || true)"
    if [ "${n:-0}" -gt 0 ]; then kills[tagging-analysing]=$((${kills[tagging-analysing]:-0} + 1)); fi
  fi
}

start=$(date +%s)
for n in $(seq 1 "$attempts"); do
  case $((n % 5)) in
    0) find "$photos" -name '*.jpg' -exec touch {} + # every file changed: the scan reads them all again
       attempt scan 2500 scan --no-tags --threads 2 "$photos" ;;
    1) if [ "$tagging" -eq 1 ]; then
         touch "$photos"/keep/faces/*.jpg # changed: analysed again, models and all
         # Every other tagging kill waits for a first stored analysis, so kills land in both halves.
         # Ten face chips take well under a second once the first is stored: a short window then.
         if [ $(((n / 5) % 2)) -eq 0 ]; then
           attempt_tagging 3000 'tagging ' scan --threads 2 "$photos/keep/faces"
         else
           attempt_tagging 400 'tagging [1-9]' scan --threads 2 "$photos/keep/faces"
         fi
       else
         attempt scan 1500 scan --no-tags "$photos"
       fi ;;
    2) attempt trash 1500 duplicates --level exact --trash-others ;;
    3) attempt undo 1500 duplicates --undo ;;
    4) attempt trash 1000 duplicates --level exact --trash-others ;;
  esac
  check "$n ($killed killed, $finished finished)"
  [ $((n % 20)) -ne 0 ] || echo "kill-loop: $n attempts, $killed killed, $finished finished, $(($(date +%s) - start)) s: all checks passed"
done
"$cli" --library "$lib" duplicates --undo >/dev/null 2>&1 || true
check "final"
for phase in scan tagging trash undo; do
  echo "kill-loop: $phase: ${runs[$phase]:-0} runs, ${kills[$phase]:-0} killed mid-run"
done
[ "$tagging" -eq 0 ] || echo "kill-loop: tagging kills with photos already analysed: ${kills[tagging-analysing]:-0}"
echo "kill-loop: $attempts attempts ($killed killed mid-run, $finished finished first) in $(($(date +%s) - start)) s," \
  "tagging $([ "$tagging" -eq 1 ] && echo on || echo off), names $(grep -q '^name|' <<<"$baseline" && echo checked || echo "not checked"):" \
  "catalog ok after each, no photo lost, no user data lost"
