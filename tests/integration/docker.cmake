# occ_docker against the real engine (the docker_engine fixture builds OCC_TEST_IMAGE first).
occ_add_test(NAME TestDockerClient SOURCES integration/TestDockerClient.cpp LIBS occ_docker
    LABELS integration DOCKER TIMEOUT 600)
# A fake engine on a local socket: streams cut mid-body, version negotiation edge cases. No engine needed.
occ_add_test(NAME TestDockerFakeEngine SOURCES integration/TestDockerFakeEngine.cpp LIBS occ_docker occ_test_support
    LABELS integration TIMEOUT 120)
