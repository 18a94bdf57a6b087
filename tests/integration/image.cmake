# The opencode image, end to end against the real engine (docker CLI driven; see the script's header).
add_test(NAME image_smoke COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/image-smoke.sh)
set_tests_properties(image_smoke PROPERTIES
    LABELS "e2e"
    TIMEOUT 1200
    FIXTURES_REQUIRED docker_engine
    RESOURCE_LOCK docker)
