# HANDALIGN_SANITIZE: ASan+UBSan on everything built here (core, plugins, the CLI, the tests).
# HANDALIGN_FUZZ: also coverage for libFuzzer (-fsanitize=fuzzer-no-link) and the targets in
# tests/fuzz, linked with -fsanitize=fuzzer. clang only; implies HANDALIGN_SANITIZE, whose runtime
# provides the coverage callbacks that the non-fuzz executables then need.
if(HANDALIGN_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "HANDALIGN_FUZZ needs clang (CC=clang CXX=clang++)")
  endif()
  set(HANDALIGN_SANITIZE ON CACHE BOOL "" FORCE)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(HANDALIGN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
