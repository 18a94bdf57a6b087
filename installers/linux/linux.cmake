# .deb and .rpm. Runtime dependencies come from the binaries (dpkg-shlibdeps / rpm's find-requires);
# what Qt loads at run time with dlopen cannot be found that way and is listed here.

set(CPACK_GENERATOR DEB)
find_program(OCC_RPMBUILD rpmbuild)
if(OCC_RPMBUILD)
    list(APPEND CPACK_GENERATOR RPM)
endif()

# --- Debian / Ubuntu ---
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # opencode-cloud_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
# Loaded with dlopen, so dpkg-shlibdeps misses them:
#   libqt6svg6  imageformats/libqsvg.so and iconengines/libqsvgicon.so: every tray icon is an SVG; without
#               the plugins the tray shows an empty square. (Newer Debian splits them into qt6-svg-plugins.)
#   libqt6gui6  platforms/libqxcb.so (Debian 12 ships the xcb platform plugin in libqt6gui6 itself).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6 (>= 6.4) | qt6-svg-plugins, libqt6gui6 (>= 6.4)")
# The engine can be on another host (ssh), so Docker is recommended, not required. qt6-wayland gives a
# native Wayland window; xdg-utils opens the browser.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "docker.io | docker-ce, xdg-utils")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
# No maintainer scripts: dpkg triggers of hicolor-icon-theme, desktop-file-utils, man-db and
# bash-completion refresh their caches on install and purge.

# --- Fedora / openSUSE ---
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "MIT")
set(CPACK_RPM_PACKAGE_GROUP "Development/Tools")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
# Fedora's names for the dlopen'ed plugins (qt6-qtsvg carries the SVG plugins, qt6-qtbase-gui the xcb one).
set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtsvg >= 6.4, qt6-qtbase-gui >= 6.4")
set(CPACK_RPM_PACKAGE_SUGGESTS "docker, xdg-utils")
# Directories the filesystem package or other packages own must not be claimed by ours.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications
    /usr/share/metainfo
    /usr/share/icons
    /usr/share/icons/hicolor
    /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps
    /usr/share/man
    /usr/share/man/man1
    /usr/share/bash-completion
    /usr/share/bash-completion/completions
    /usr/share/zsh
    /usr/share/zsh/site-functions
    /usr/share/zsh/vendor-completions
    /usr/share/fish
    /usr/share/fish/vendor_completions.d)
