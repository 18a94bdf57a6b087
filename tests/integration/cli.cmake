occ_add_test(NAME TestCliService SOURCES integration/TestCliService.cpp LIBS occ_cli LABELS integration DOCKER TIMEOUT 900)
add_dependencies(TestCliService occ)
