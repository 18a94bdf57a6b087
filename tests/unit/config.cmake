occ_add_test(NAME TestConfigSchema
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestConfigSchema.cpp
    LIBS occ_config
    LABELS unit)
occ_add_test(NAME TestConfigStore
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestConfigStore.cpp
    LIBS occ_config
    LABELS unit)
