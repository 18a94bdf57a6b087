# osservice: OS service renderers, restart mapping and installers (core/osservice).
occ_add_test(NAME TestOsServiceRetryPolicy SOURCES unit/TestOsServiceRetryPolicy.cpp LIBS occ_osservice LABELS unit)
occ_add_test(NAME TestSystemdUnit SOURCES unit/TestSystemdUnit.cpp LIBS occ_osservice LABELS unit)
occ_add_test(NAME TestLaunchdPlist SOURCES unit/TestLaunchdPlist.cpp LIBS occ_osservice LABELS unit)
occ_add_test(NAME TestWindowsServiceCommandLine SOURCES unit/TestWindowsServiceCommandLine.cpp LIBS occ_osservice
             LABELS unit)
occ_add_test(NAME TestOsServiceInstaller SOURCES unit/TestOsServiceInstaller.cpp LIBS occ_osservice occ_test_recorders
             LABELS unit)
