# Windows: an NSIS installer with windeployqt. Not built here (no Windows runner); reviewed against
# CMake 3.25 / Qt 6.4 documentation.
#
#   cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=C:/Qt/6.4.2/msvc2019_64
#   cmake --build build --target package      -> build/packages/opencode-cloud-0.1.0-win64.exe
#
# opencode-cloud.exe must be a GUI-subsystem program (no console window when started from the Start
# menu), while occ.exe stays a console program: a GUI-subsystem exe cannot print to the console.
set_target_properties(opencode-cloud PROPERTIES WIN32_EXECUTABLE ON)
set_target_properties(occ PROPERTIES WIN32_EXECUTABLE OFF)

# windeployqt copies Qt DLLs, the platform plugin (qwindows), imageformats/qsvg, iconengines/qsvgicon,
# tls backends and the MSVC runtime next to the executables in the install tree (and so into the
# installer). Passing both executables makes it deploy what either needs.
find_program(OCC_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/bin" "${Qt6_DIR}/../../../bin")
if(NOT OCC_WINDEPLOYQT)
    message(WARNING "windeployqt not found: the installer will not contain Qt")
else()
    install(CODE "
        execute_process(COMMAND \"${OCC_WINDEPLOYQT}\" --release --no-translations --compiler-runtime
                --no-opengl-sw --dir \"\${CMAKE_INSTALL_PREFIX}/bin\"
                \"\${CMAKE_INSTALL_PREFIX}/bin/opencode-cloud.exe\" \"\${CMAKE_INSTALL_PREFIX}/bin/occ.exe\"
            RESULT_VARIABLE _rc)
        if(NOT _rc EQUAL 0)
            message(FATAL_ERROR \"windeployqt failed: \${_rc}\")
        endif()")
endif()

set(CPACK_GENERATOR NSIS)
set(CPACK_NSIS_PACKAGE_NAME "opencode-cloud")
set(CPACK_NSIS_DISPLAY_NAME "opencode-cloud")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\opencode-cloud.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# The Start-menu entry that launches the app comes from CPACK_PACKAGE_EXECUTABLES (installers/CMakeLists.txt)
# with CPACK_NSIS_EXECUTABLES_DIRECTORY below.
# occ on the PATH: the install directory's bin is appended for all users (removed on uninstall).
set(CPACK_NSIS_MODIFY_PATH ON)
# Start the app after installing, so the setup wizard opens on first run.
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "opencode-cloud.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
# Uninstall leaves %APPDATA%\opencode-cloud (config and data), like the Linux packages.
