occ_add_test(NAME TestFrontDoorCaddyfile SOURCES unit/TestFrontDoorCaddyfile.cpp LIBS occ_frontdoor LABELS unit)
occ_add_test(NAME TestTlsMaterial SOURCES unit/TestTlsMaterial.cpp LIBS occ_frontdoor LABELS unit)
