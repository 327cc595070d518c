# The Debian package (`cmake --build build --target package`, CPack's DEB generator): the
# executables, the private libraries and plugins in /usr/lib/handalign, the Python module, the
# desktop entry, icon, AppStream metainfo, man pages (help2man, from --help) and bash completion.
# .ci/run checks it with lintian and runs it from an unpacked root (tools/package-check.sh).

# Man pages from the programs' own --help and --version (the studio's without a display).
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(man_dir ${CMAKE_BINARY_DIR}/man)
  set(man_pages)
  foreach(prog handalign handalign-studio)
    if(NOT TARGET ${prog})
      continue()
    endif()
    if(prog STREQUAL handalign)
      set(name "evaluate, shard and run hand-mesh alignment from the command line")
    else()
      set(name "desktop studio for hand- and finger-level alignment of 3D hand meshes")
    endif()
    add_custom_command(OUTPUT ${man_dir}/${prog}.1.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${man_dir}
      COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen CI=true
              ${HELP2MAN} --no-info --section=1 --name=${name}
              --version-string=${PROJECT_VERSION}
              --output=${man_dir}/${prog}.1 $<TARGET_FILE:${prog}>
      COMMAND gzip -9nf ${man_dir}/${prog}.1
      DEPENDS ${prog} VERBATIM)
    list(APPEND man_pages ${man_dir}/${prog}.1.gz)
  endforeach()
  add_custom_target(handalign_man ALL DEPENDS ${man_pages})
  install(FILES ${man_pages} DESTINATION share/man/man1)
else()
  message(STATUS "help2man not found: no man pages (tools/install-deps.sh installs it)")
endif()

set(res ${PROJECT_SOURCE_DIR}/resources)
install(FILES ${res}/org.handalign.Studio.desktop DESTINATION share/applications)
install(FILES ${res}/org.handalign.Studio.metainfo.xml DESTINATION share/metainfo)
install(FILES ${res}/icons/handalign.svg DESTINATION share/icons/hicolor/scalable/apps
        RENAME org.handalign.Studio.svg)
install(FILES ${res}/handalign.bash-completion DESTINATION share/bash-completion/completions
        RENAME handalign)
install(FILES ${res}/debian/copyright DESTINATION share/doc/handalign)
set(changelog ${CMAKE_BINARY_DIR}/changelog.gz)  # a native package: changelog.gz
add_custom_command(OUTPUT ${changelog}
  COMMAND gzip -9nc ${res}/debian/changelog > ${changelog}
  DEPENDS ${res}/debian/changelog VERBATIM)
add_custom_target(handalign_changelog ALL DEPENDS ${changelog})
install(FILES ${changelog} DESTINATION share/doc/handalign)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME handalign)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "hand- and finger-level alignment of 3D hand meshes")
# The extended description (CPack puts the summary above it and indents each line).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "HandAlign Studio loads hand datasets and model checkpoints, runs inference,
overlays the rough and the refined mesh on the image and in 3D views, and
computes per sample the hand-level and finger-level mIoU and 95 % Hausdorff
distance.

This package holds the studio, the handalign command line (evaluation,
sharded Slurm runs, inference) and the Python 3 module handalign.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "HandAlign Studio developers <handalign@handalign.org>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # dependencies from the libraries linked (dpkg-shlibdeps)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS
    ${CMAKE_BINARY_DIR}/lib)  # the package's own libraries, found while computing them
# The module is built for one Python minor version (its file name says cpython-3XX).
set(python_depends "python3")
if(PYTHON_EXECUTABLE)
  execute_process(COMMAND ${PYTHON_EXECUTABLE} -c
    "import sys; print(f'{sys.version_info[0]}.{sys.version_info[1]} {sys.version_info[0]}.{sys.version_info[1] + 1}')"
    OUTPUT_VARIABLE python_versions OUTPUT_STRIP_TRAILING_WHITESPACE)
  separate_arguments(python_versions)
  list(GET python_versions 0 py_this)
  list(GET python_versions 1 py_next)
  set(python_depends "python3 (>= ${py_this}), python3 (<< ${py_next})")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "${python_depends}, python3-numpy, libqt6sql6-sqlite, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-pandas, slurm-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
