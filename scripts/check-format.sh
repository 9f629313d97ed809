#!/usr/bin/env bash
# Fails when a tracked C++ source in app/ core/ ui/ models/ tests/ differs from what clang-format
# (with the checked-in .clang-format) would write, and names the files. Run by CTest (label "style").
# Fix the drift with: clang-format -i FILE...   (scripts/git-hooks/pre-commit does it on commit)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
CLANG_FORMAT="${CLANG_FORMAT:-$(command -v clang-format-14 || command -v clang-format || true)}"
if [ -z "$CLANG_FORMAT" ]; then
  echo "clang-format not found (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
# Tracked files only, so build trees and scratch files never count; without git, every file.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -- 'app/*.cpp' 'app/*.h' 'core/*.cpp' 'core/*.h' 'ui/*.cpp' 'ui/*.h' \
    'models/*.cpp' 'models/*.h' 'tests/*.cpp' 'tests/*.h')
else
  mapfile -t files < <(find app core ui models tests -name '*.cpp' -o -name '*.h' | sort)
fi
present=()
for f in "${files[@]}"; do
  if [ -f "$f" ]; then present+=("$f"); fi   # one deleted in the work tree, not yet committed, is skipped
done
# One clang-format run for all files (one per file is slow); it names each file that drifts.
out="$("$CLANG_FORMAT" --style=file --dry-run --Werror "${present[@]}" 2>&1)" && status=0 || status=$?
mapfile -t drift < <(printf '%s\n' "$out" | sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if [ "$status" -ne 0 ] && [ "${#drift[@]}" -eq 0 ]; then
  printf '%s\n' "$out" >&2   # clang-format failed for another reason
  exit 1
fi
if [ "${#drift[@]}" -gt 0 ]; then
  printf 'not clang-formatted: %s\n' "${drift[@]}"
  echo "${#drift[@]} of ${#present[@]} files differ from .clang-format (fix: $CLANG_FORMAT -i FILE...)"
  exit 1
fi
echo "${#present[@]} files match .clang-format"
