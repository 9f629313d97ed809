# SHOEBOX_FUZZ=ON: the engine (core/) and the libFuzzer harnesses of tests/fuzz/, every object built
# with AddressSanitizer and UndefinedBehaviorSanitizer; no GUI, no models library, no Qt Test suites.
# Configure it in a folder of its own (scripts/fuzz.sh does):
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DSHOEBOX_FUZZ=ON
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "SHOEBOX_FUZZ needs clang's libFuzzer: CC=clang CXX=clang++ cmake -DSHOEBOX_FUZZ=ON ...")
endif()
# fuzzer-no-link: coverage counters everywhere, libFuzzer's main() only in the harness executables.
# UB aborts (no recovery) so that libFuzzer records it as a finding with its input.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
  -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
add_compile_definitions(SHOEBOX_FUZZING)
add_subdirectory(core)
add_subdirectory(tests/fuzz)
