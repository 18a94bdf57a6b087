occ_add_test(NAME TestImageContext SOURCES unit/TestImageContext.cpp LIBS occ_image LABELS unit)
