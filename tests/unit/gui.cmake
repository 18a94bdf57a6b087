# The desktop app, the setup wizard and setup detection. GUI tests run offscreen (the GUI flag);
# gui_screenshots (tests/gui/screenshots.cmake) runs the shipped app under Xvfb with trayer against a real service.
occ_add_test(NAME TestDetection
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestDetection.cpp
    LIBS occ_detection
    LABELS unit)

if(NOT OCC_BUILD_GUI)
    return()
endif()

set(_gui ${CMAKE_CURRENT_LIST_DIR}/../gui)
occ_add_test(NAME TestStatusPresenter SOURCES ${_gui}/TestStatusPresenter.cpp LIBS occ_app LABELS gui unit)
occ_add_test(NAME TestNotifier SOURCES ${_gui}/TestNotifier.cpp LIBS occ_app LABELS gui unit)
occ_add_test(NAME TestErrorPresenter SOURCES ${_gui}/TestErrorPresenter.cpp LIBS occ_wizard LABELS gui unit)
occ_add_test(NAME TestSetupChoices SOURCES ${_gui}/TestSetupChoices.cpp LIBS occ_wizard LABELS gui unit)
occ_add_test(NAME TestLogViewer SOURCES ${_gui}/TestLogViewer.cpp LIBS occ_app LABELS gui GUI)
occ_add_test(NAME TestSetupWizard SOURCES ${_gui}/TestSetupWizard.cpp LIBS occ_wizard LABELS gui GUI)
occ_add_test(NAME TestSettingsDialog SOURCES ${_gui}/TestSettingsDialog.cpp LIBS occ_app LABELS gui GUI)
occ_add_test(NAME TestResources SOURCES ${_gui}/TestResources.cpp LIBS occ_app LABELS gui GUI)
occ_add_test(NAME TestTrayActions SOURCES ${_gui}/TestTrayActions.cpp LIBS occ_app LABELS gui GUI)
occ_add_test(NAME TestSingleInstance SOURCES ${_gui}/TestSingleInstance.cpp LIBS occ_app LABELS gui unit)

find_program(OCC_APPSTREAMCLI appstreamcli)
if(OCC_APPSTREAMCLI)
    add_test(NAME gui_metainfo_valid
        COMMAND ${OCC_APPSTREAMCLI} validate --no-net
            ${PROJECT_SOURCE_DIR}/resources/org.opencode_cloud.OpencodeCloud.metainfo.xml)
    set_tests_properties(gui_metainfo_valid PROPERTIES LABELS "gui")
endif()

# Benchmarks live in bench/gui (built here until bench/ has its own CMakeLists).
if(EXISTS ${PROJECT_SOURCE_DIR}/bench/gui/CMakeLists.txt AND NOT TARGET bench_logviewer)
    add_subdirectory(${PROJECT_SOURCE_DIR}/bench/gui ${PROJECT_BINARY_DIR}/bench/gui)
endif()
# The desktop app against the real engine: wizard Apply starts the service, the app turns healthy, Stop stops it.
occ_add_test(NAME TestDesktopE2E SOURCES ${_gui}/TestDesktopE2E.cpp LIBS occ_app LABELS gui e2e DOCKER GUI TIMEOUT 600)
