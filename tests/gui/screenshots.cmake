# gui_screenshots: the README's screenshots, taken of the shipped opencode-cloud driving a real service under
# Xvfb with trayer as the system tray (tests/gui/screenshots.sh; no test tool, no switch in the product). It
# needs the engine and the shared opencode image (built by TestServiceE2E) and writes into the build tree;
# run `tests/gui/screenshots.sh BUILD_DIR` as root to refresh docs/screenshots.
if(NOT OCC_BUILD_GUI)
    return()
endif()

add_test(NAME gui_screenshots
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/screenshots.sh ${PROJECT_BINARY_DIR} ${PROJECT_BINARY_DIR}/screenshots)
set_tests_properties(gui_screenshots PROPERTIES
    LABELS "gui;e2e"
    TIMEOUT 1200
    FIXTURES_REQUIRED "docker_engine;opencode_image"
    RESOURCE_LOCK docker)
