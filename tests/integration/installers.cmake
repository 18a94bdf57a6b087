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
