# Shell completions and occ(1), rendered from occ's command table (installers/).
occ_add_test(NAME TestCompletion SOURCES unit/TestCompletion.cpp LIBS occ_cli LABELS unit)
occ_add_test(NAME TestManPage SOURCES unit/TestManPage.cpp LIBS occ_cli LABELS unit)
