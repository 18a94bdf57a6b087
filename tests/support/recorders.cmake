# occ_test_recorders: test doubles that record what the product would have done (a CommandRunner that
# runs nothing). Only tests link it; tests/gui/product.cmake checks that no shipped binary contains it.
add_library(occ_test_recorders STATIC
    ${CMAKE_CURRENT_LIST_DIR}/RecordingCommandRunner.h
    ${CMAKE_CURRENT_LIST_DIR}/RecordingCommandRunner.cpp)
target_include_directories(occ_test_recorders PUBLIC ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(occ_test_recorders PUBLIC occ_osservice Qt6::Core)
