#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fault injection: kills shoebox-cli with SIGKILL at random moments of a scan, of a move of exact
# duplicates to the trash and of its undo, KILLS times (default 200), and checks after every kill:
#   - the catalog passes PRAGMA integrity_check;
#   - every photo is in its folder, or in the trash with an undo record (trash_log) naming it.
# Not part of CI (a few minutes); run it after a build:  scripts/kill-loop.sh [KILLS]
# Exits non-zero on the first broken guarantee, printing the kill that broke it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SHOEBOX_BUILD_DIR:-$root/build}"
cli="$build/app/shoebox-cli"
kills="${1:-200}"
[ -x "$cli" ] || { echo "kill-loop.sh: $cli not built (run scripts/build.sh)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "kill-loop.sh: needs the sqlite3 command" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/cache"
export XDG_CONFIG_HOME="$work/config" QT_LOGGING_RULES="*=false"
photos="$work/photos"
lib="$work/library.db"
mkdir -p "$photos" "$XDG_DATA_HOME"
# 40 distinct pictures, each twice: the copies are exact duplicates for the trash to take.
for i in $(seq 1 40); do
  ffmpeg -loglevel error -f lavfi -i "testsrc=size=320x240,hue=h=$((i * 9))" -frames:v 1 "$photos/p$i.jpg"
  cp "$photos/p$i.jpg" "$photos/copy-$i.jpg"
done
mapfile -t files < <(ls "$photos"/*.jpg)

check() {
  local what="$1" verdict p hex trashed
  verdict="$(sqlite3 "$lib" 'PRAGMA integrity_check' 2>&1 || true)"
  if [ "$verdict" != "ok" ] && [ -f "$lib" ]; then
    echo "kill $what: integrity_check says: $verdict" >&2
    exit 1
  fi
  for p in "${files[@]}"; do
    [ -f "$p" ] && continue
    hex="$(printf '%s' "$p" | od -An -tx1 | tr -d ' \n')"
    trashed="$(sqlite3 "$lib" "SELECT trash_path FROM trash_log WHERE original_path = X'$hex'
                AND restored_at IS NULL ORDER BY id DESC LIMIT 1" 2>/dev/null || true)"
    if [ -z "$trashed" ] || [ ! -f "$trashed" ]; then
      echo "kill $what: $p is neither in its folder nor in the trash with an undo record" >&2
      exit 1
    fi
  done
}

# One command, killed after a random delay of up to max_ms (it may also finish first).
killed=0
finished=0
attempt() {
  local max_ms="$1"
  shift
  "$cli" --library "$lib" "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(awk -v m="$max_ms" -v s="$RANDOM" 'BEGIN { srand(s); printf "%.3f", rand() * m / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  wait "$pid" 2>/dev/null || true
}

for n in $(seq 1 "$kills"); do
  case $((n % 4)) in
    0) find "$photos" -name '*.jpg' -exec touch {} + # every file changed: the scan reads them all again
       attempt 2500 scan --no-tags --threads 2 "$photos" ;;
    1) attempt 1500 scan --no-tags "$photos" ;;
    2) attempt 1500 duplicates --level exact --trash-others ;;
    3) attempt 1500 duplicates --undo ;;
  esac
  check "$n ($killed killed, $finished finished)"
done
"$cli" --library "$lib" duplicates --undo >/dev/null 2>&1 || true
check "final"
echo "kill-loop: $kills attempts ($killed killed mid-run, $finished finished first): catalog ok after each, no photo lost"
