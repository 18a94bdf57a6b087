# macOS: opencode-cloud.app with Qt deployed by macdeployqt, in a DragNDrop .dmg. Not built in CI
# here (no macOS runner); reviewed against CMake 3.25 / Qt 6.4 documentation.
#
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=$(brew --prefix qt@6)
#   cmake --build build --target package      -> build/packages/opencode-cloud-0.1.0-Darwin.dmg
#
# Layout of the bundle:
#   opencode-cloud.app/Contents/MacOS/opencode-cloud   the app
#   opencode-cloud.app/Contents/MacOS/occ              the CLI, sharing the bundle's Qt frameworks
#   opencode-cloud.app/Contents/Resources/opencode-cloud.icns (when resources/icons/opencode-cloud.icns exists)
# The CLI goes on the PATH with a symlink the user makes once (README; the app's settings could offer it):
#   sudo ln -sf /Applications/opencode-cloud.app/Contents/MacOS/occ /usr/local/bin/occ

set_target_properties(opencode-cloud PROPERTIES
    MACOSX_BUNDLE ON
    MACOSX_BUNDLE_BUNDLE_NAME "opencode-cloud"
    MACOSX_BUNDLE_GUI_IDENTIFIER "org.opencode_cloud.OpencodeCloud"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in")
set(_icns "${PROJECT_SOURCE_DIR}/resources/icons/opencode-cloud.icns")
if(EXISTS "${_icns}")
    target_sources(opencode-cloud PRIVATE "${_icns}")
    set_source_files_properties("${_icns}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set_target_properties(opencode-cloud PROPERTIES MACOSX_BUNDLE_ICON_FILE opencode-cloud.icns)
endif()

# app/CMakeLists.txt installs the bundle at the top of the package, cli/CMakeLists.txt puts occ inside it.

# macdeployqt copies the Qt frameworks and plugins (platforms/libqcocoa, imageformats/libqsvg,
# iconengines/libqsvgicon, tls) into the bundle and rewrites install names. -executable= fixes occ's
# references too, so both binaries use the bundle's frameworks. Runs at install time, i.e. inside CPack's
# staging directory.
find_program(OCC_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/bin" "${Qt6_DIR}/../../../bin")
if(NOT OCC_MACDEPLOYQT)
    message(WARNING "macdeployqt not found: the .app will not contain Qt")
else()
    install(CODE "
        set(_app \"\${CMAKE_INSTALL_PREFIX}/opencode-cloud.app\")
        execute_process(COMMAND \"${OCC_MACDEPLOYQT}\" \"\${_app}\"
                \"-executable=\${_app}/Contents/MacOS/occ\" -always-overwrite -verbose=1
            RESULT_VARIABLE _rc)
        if(NOT _rc EQUAL 0)
            message(FATAL_ERROR \"macdeployqt failed: \${_rc}\")
        endif()")
endif()

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "opencode-cloud")
set(CPACK_DMG_FORMAT UDZO)
# A drag target next to the app in the .dmg window.
install(CODE "execute_process(COMMAND \"${CMAKE_COMMAND}\" -E create_symlink /Applications
    \"\${CMAKE_INSTALL_PREFIX}/Applications\")")
# Signing and notarisation need the maintainers' identity; set these in the release job:
#   -DCPACK_BUNDLE_APPLE_CERT_APP="Developer ID Application: ..." and run `xcrun notarytool` on the .dmg.
