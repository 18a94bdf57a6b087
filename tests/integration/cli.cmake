occ_add_test(NAME TestCliService SOURCES integration/TestCliService.cpp LIBS occ_cli LABELS integration DOCKER TIMEOUT 900)
add_dependencies(TestCliService occ)
occ_add_test(NAME TestServiceE2E SOURCES integration/TestServiceE2E.cpp LIBS occ_cli LABELS e2e DOCKER TIMEOUT 2400)
add_dependencies(TestServiceE2E occ)
# TestServiceE2E builds occ-e2e-opencode:<pinned> (once per machine); the front door tests run that image.
set_property(TEST TestServiceE2E APPEND PROPERTY FIXTURES_SETUP opencode_image)
