occ_add_test(NAME TestLogging
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestLogging.cpp
    LIBS occ_logging
    LABELS unit)
