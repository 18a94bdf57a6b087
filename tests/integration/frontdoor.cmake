occ_add_test(NAME TestFrontDoorE2E SOURCES integration/TestFrontDoorE2E.cpp LIBS occ_service occ_frontdoor
    LABELS e2e DOCKER TIMEOUT 1200)
set_property(TEST TestFrontDoorE2E APPEND PROPERTY FIXTURES_REQUIRED opencode_image)
