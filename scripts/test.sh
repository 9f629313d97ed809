#!/usr/bin/env bash
# Installs everything, builds, and runs every test (the README's test command; CI runs this).
#   scripts/test.sh              the normal build in build/, every suite but the benchmarks
#   scripts/test.sh --sanitize   the same suites, GUI ones included (offscreen), built with
#                                AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/
#   scripts/test.sh --tsan       ThreadSanitizer on the threaded suites (scanner, tagging, duplicate
#                                finder, photo model, thumbnail loader) in build-tsan/; what happens
#                                inside libraries not built with TSan (OpenMP, libtorch, GDAL, glibc's
#                                tzset, Qt's own hand-overs) suppressed in tests/sanitizers/tsan.supp
# Sanitized runs scale every test's child-process wait by SHOEBOX_TEST_TIMEOUT_SCALE (default 4).
# As root, the suites with checks that root's permissions defeat (unreadable folders and files) run once
# more as the unprivileged user nobody (runuser), so those checks do not just skip.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
sanitize=0
[ "${1:-}" = "--sanitize" ] && sanitize=1
if [ "${1:-}" = "--tsan" ]; then
  build="$root/build-tsan"
  flags="-fsanitize=thread -fno-omit-frame-pointer -O1 -g1"
  suites=(tst_scanner tst_tagjob tst_duplicatefinder tst_photolistmodel tst_thumbnailloader)
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHOEBOX_TEST_DATA="$root/.testdata" \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$flags" "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread"
  cmake --build "$build" -j"$(nproc)" --target shoebox-cli "${suites[@]}"
  export TSAN_OPTIONS="suppressions=$root/tests/sanitizers/tsan.supp:halt_on_error=1:second_deadlock_stack=1"
  export SHOEBOX_TEST_TIMEOUT_SCALE="${SHOEBOX_TEST_TIMEOUT_SCALE:-6}"
  cd "$build"
  exec ctest --output-on-failure --timeout 3600 -R "^($(IFS='|'; echo "${suites[*]}"))\$"
fi
./scripts/install-deps.sh
./scripts/fetch-test-photos.sh
[ -x scripts/fetch-model.sh ] && ./scripts/fetch-model.sh
./scripts/fetch-geodata.sh
if [ "$sanitize" -eq 1 ]; then
  build="$root/build-asan"
  # Debug info for readable reports; errors abort the test that hit them (no recovery).
  flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -O1 -g1"
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHOEBOX_TEST_DATA="$root/.testdata" \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$flags" "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined" \
    "-DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=address,undefined"
  cmake --build "$build" -j"$(nproc)"
else
  ./scripts/build.sh
  build="$root/build"
fi
[ -x scripts/install-model.sh ] && ASAN_OPTIONS=detect_leaks=0 ./scripts/install-model.sh "$build"
if [ "$sanitize" -eq 1 ]; then
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
  export SHOEBOX_TEST_TIMEOUT_SCALE="${SHOEBOX_TEST_TIMEOUT_SCALE:-4}"
fi
cd "$build"
# Sanitized code runs several times slower: give each suite more time.
ctest --output-on-failure -j"$(nproc)" --timeout $((1200 * (1 + 2 * sanitize))) -LE benchmark

if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null; then
  home="$(mktemp -d)"
  chmod 0777 "$home"
  # A whole suite, or one test function of it.
  for run in tst_scanner "tst_resticbackup anUnreadablePhotoIsSkippedAndSaid"; do
    read -r suite function <<< "$run"
    # A checkout under a private home (e.g. /root) is out of nobody's reach: say so rather than fail.
    if ! runuser -u nobody -- test -x "$build/tests/$suite"; then
      echo "== $suite as nobody: skipped, nobody cannot reach $build"
      continue
    fi
    echo "== $run as nobody"
    runuser -u nobody -- env HOME="$home" TMPDIR="$home" XDG_RUNTIME_DIR="$home" QT_QPA_PLATFORM=offscreen \
      "$build/tests/$suite" $function
  done
  rm -rf "$home"
fi
