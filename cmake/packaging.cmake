# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: `cpack -G DEB` (or the `package` target) builds shoebox_VERSION_ARCH.deb from what
# cmake --install puts in place. dpkg-shlibdeps finds the shared libraries' packages; the Qt plugins
# the app loads at run time are not linked, so they are named here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME shoebox)
set(CPACK_PACKAGE_VENDOR "The Shoebox developers")
set(CPACK_PACKAGE_CONTACT "The Shoebox developers <${SHOEBOX_CONTACT}>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "photo-album manager: index, tag, search and de-duplicate photos")
set(CPACK_PACKAGE_DESCRIPTION
  "Shoebox indexes photo folders where they are, never writing to the originals, reads EXIF, tags\n"
  "photos with a local object model, finds exact, near and similar duplicates with reasons, and\n"
  "offers search, a timeline and offline places. shoebox is the desktop app, shoebox-cli the same\n"
  "engine for scripts.")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${SHOEBOX_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Run-time plugins: the SQLite driver, the window-system and multimedia back ends.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, hicolor-icon-theme")
# Run by Back Up... and shoebox-cli backup --restic only: the restic destination.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "restic")
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
include(CPack)
