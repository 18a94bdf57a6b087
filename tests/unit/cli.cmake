occ_add_test(NAME TestCli SOURCES unit/TestCli.cpp LIBS occ_cli LABELS unit)
add_dependencies(TestCli occ)
