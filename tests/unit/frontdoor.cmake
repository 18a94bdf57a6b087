occ_add_test(NAME TestFrontDoorCaddyfile SOURCES unit/TestFrontDoorCaddyfile.cpp LIBS occ_frontdoor LABELS unit)
