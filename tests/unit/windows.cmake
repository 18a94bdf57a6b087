# The Windows-only sources and branches, compiled for Windows with MinGW-w64 (g++ -fsyntax-only against
# the Qt headers) on every run, since no Windows machine builds them: tests/harness/windows-syntax.sh says
# which files and what this does not prove. It reads compile_commands.json, and the tests' .moc files,
# so it runs after a full build, as ctest does.
add_test(NAME WindowsSyntax COMMAND bash ${PROJECT_SOURCE_DIR}/tests/harness/windows-syntax.sh ${PROJECT_BINARY_DIR})
set_tests_properties(WindowsSyntax PROPERTIES LABELS "build" TIMEOUT 900)
