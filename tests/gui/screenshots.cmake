# occ-screenshots: the screenshot driver, a test tool that links the app's library (never installed; the
# product binary has no switch into it). gui_screenshots runs it under Xvfb with trayer as the system tray
# and writes into the build tree; run tests/gui/screenshots.sh BUILD_DIR by hand to refresh docs/screenshots.
if(NOT OCC_BUILD_GUI)
    return()
endif()

add_executable(occ-screenshots
    ${CMAKE_CURRENT_LIST_DIR}/screenshot/main.cpp
    ${CMAKE_CURRENT_LIST_DIR}/screenshot/ScreenshotBackend.h
    ${CMAKE_CURRENT_LIST_DIR}/screenshot/ScreenshotBackend.cpp
    ${CMAKE_CURRENT_LIST_DIR}/screenshot/ScreenshotMode.h
    ${CMAKE_CURRENT_LIST_DIR}/screenshot/ScreenshotMode.cpp)
target_include_directories(occ-screenshots PRIVATE ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(occ-screenshots PRIVATE occ_app)
set_target_properties(occ-screenshots PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests/gui)

add_test(NAME gui_screenshots
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/screenshots.sh ${PROJECT_BINARY_DIR} ${PROJECT_BINARY_DIR}/screenshots)
set_tests_properties(gui_screenshots PROPERTIES LABELS "gui" TIMEOUT 180)
