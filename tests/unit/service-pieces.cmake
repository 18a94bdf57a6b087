# The pieces behind ServiceController, each against the fake engine of occ_test_support. No engine needed.
foreach(_piece ContainerReconciler HealthWaiter ImageBuilder ServiceStarter Updater)
    occ_add_test(NAME Test${_piece} SOURCES unit/Test${_piece}.cpp LIBS occ_service occ_test_support LABELS unit)
endforeach()
# `occ status` prints what StatusReader found through cli/StatusText: the test checks those words.
occ_add_test(NAME TestStatusReader SOURCES unit/TestStatusReader.cpp LIBS occ_service occ_cli occ_test_support
    LABELS unit)
