# `occ run` (the supervisor) as the real binary against the real engine: crash, docker kill, hang,
# circuit breaker, SIGTERM.
occ_add_test(NAME TestSupervisor SOURCES integration/TestSupervisor.cpp LIBS occ_cli LABELS integration DOCKER
             TIMEOUT 900)
add_dependencies(TestSupervisor occ)

# `occ service install --system` under systemd as PID 1 in a privileged container (needs root).
add_test(NAME systemd_real COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/systemd-real.sh $<TARGET_FILE:occ>)
set_tests_properties(systemd_real PROPERTIES
    LABELS e2e
    FIXTURES_REQUIRED docker_engine
    RESOURCE_LOCK docker
    TIMEOUT 900)
