occ_add_test(NAME TestWatchdog SOURCES unit/TestWatchdog.cpp LIBS occ_service LABELS unit)
occ_add_test(NAME TestServiceSpec SOURCES unit/TestServiceSpec.cpp LIBS occ_service LABELS unit)
