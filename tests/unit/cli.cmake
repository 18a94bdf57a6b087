occ_add_test(NAME TestCli SOURCES unit/TestCli.cpp LIBS occ_cli LABELS unit)
add_dependencies(TestCli occ)
# The CLI's words for core's typed hints and states: every hint value, no engine.
occ_add_test(NAME TestHintText SOURCES unit/TestHintText.cpp LIBS occ_cli LABELS unit)
