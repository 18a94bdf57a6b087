# The .deb installed into a clean Debian container with apt (installers/, tests/integration/install-deb.sh).
add_test(NAME install_deb COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/install-deb.sh ${PROJECT_BINARY_DIR})
set_tests_properties(install_deb PROPERTIES
    LABELS "e2e"
    TIMEOUT 1200
    FIXTURES_REQUIRED docker_engine
    RESOURCE_LOCK docker)

# npm: both tarballs packed and installed offline into a temporary prefix, then `npx opencode-cloud`.
find_program(OCC_NPM npm)
if(OCC_NPM)
    add_test(NAME install_npm COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/install-npm.sh $<TARGET_FILE:occ>)
    set_tests_properties(install_npm PROPERTIES LABELS "integration" TIMEOUT 300)
endif()

# cargo: `cargo install --path installers/cargo --offline` builds core/ and cli/ again with CMake from
# build.rs (about 3.5 minutes on 2 cores when cold; the target directory is kept in the build tree, so a
# rerun takes seconds). Not RUN_SERIAL: it builds at nice 10 beside the engine tests, which mostly wait on
# the engine, instead of holding the whole suite for its minutes.
find_program(OCC_CARGO cargo)
if(OCC_CARGO)
    add_test(NAME install_cargo
        COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/install-cargo.sh ${PROJECT_BINARY_DIR}/cargo-target)
    set_tests_properties(install_cargo PROPERTIES LABELS "e2e" TIMEOUT 1800)
endif()
