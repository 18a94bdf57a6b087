# autostart: "start at login" for the desktop app (core/autostart). Every implementation's pure part is tested
# on every platform, so the macOS and Windows renderers are compiled in here as well.
occ_add_test(NAME TestAutostart SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestAutostart.cpp
    ${PROJECT_SOURCE_DIR}/core/autostart/LaunchAgentAutostart.cpp
    ${PROJECT_SOURCE_DIR}/core/autostart/RunKeyAutostart.cpp
    LIBS occ_autostart LABELS unit)
