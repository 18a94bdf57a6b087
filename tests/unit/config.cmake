occ_add_test(NAME TestConfigSchema
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestConfigSchema.cpp
    LIBS occ_config
    LABELS unit)
occ_add_test(NAME TestConfigStore
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestConfigStore.cpp
    LIBS occ_config
    LABELS unit)
occ_add_test(NAME TestCredentialStore
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestCredentialStore.cpp
    LIBS occ_config
    LABELS unit)
# Full disks (a tmpfs the test mounts: Linux, and root, as in CI) and a folder another user may not write.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    occ_add_test(NAME TestAtomicFile
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestAtomicFile.cpp
        LIBS occ_cli occ_osservice occ_frontdoor
        LABELS unit)
    add_dependencies(TestAtomicFile occ)
endif()
occ_add_test(NAME TestConfigBoundary
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestConfigBoundary.cpp
    LIBS occ_cli
    LABELS unit)
