# OCC_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer over every target, so the unit tests, the
# engine-free integration tests and the fuzz targets run the real code with its checks on. Any report
# aborts the test (-fno-sanitize-recover), so a finding fails CTest instead of scrolling by.
#
# With clang the code is also instrumented for libFuzzer (-fsanitize=fuzzer-no-link); tests/fuzz links
# its targets with -fsanitize=fuzzer. GCC has no libFuzzer: there only the tests are built.
#
# Only what runs without a Docker engine is built by default (tests/CMakeLists.txt leaves the engine tests
# out of `all` and labels the rest `sanitize`): `ctest -L sanitize` runs them.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "OCC_SANITIZE needs GCC or Clang")
endif()

set(OCC_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
add_compile_options(${OCC_SANITIZER_FLAGS})
add_link_options(-fsanitize=address,undefined)

if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    add_compile_options(-fsanitize=fuzzer-no-link)
    set(OCC_BUILD_FUZZERS ON)
else()
    set(OCC_BUILD_FUZZERS OFF)
endif()

# scripts/sanitize.sh builds Debug: -O1 keeps stacks readable and runs several times faster than -O0
# under ASan; line tables are all a sanitizer report needs, and compile faster than full debug info
# (this build adds to every CI run).
if(CMAKE_BUILD_TYPE STREQUAL "Debug")
    set(CMAKE_CXX_FLAGS_DEBUG "-O1 -gline-tables-only")
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU")
        set(CMAKE_CXX_FLAGS_DEBUG "-O1 -g1")
    endif()
endif()
