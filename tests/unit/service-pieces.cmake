# The pieces behind ServiceController, each against the fake engine of occ_test_support. No engine needed.
foreach(_piece ContainerReconciler HealthWaiter ImageBuilder ServiceStarter Updater)
    occ_add_test(NAME Test${_piece} SOURCES unit/Test${_piece}.cpp LIBS occ_service occ_test_support LABELS unit)
endforeach()
# The engine conversation under DockerClient (version negotiation, probe limits, the request cycle).
occ_add_test(NAME TestEngineSession SOURCES unit/TestEngineSession.cpp LIBS occ_docker occ_test_support LABELS unit)
# `occ status` prints what StatusReader found through cli/StatusText: the test checks those words.
occ_add_test(NAME TestStatusReader SOURCES unit/TestStatusReader.cpp LIBS occ_service occ_cli occ_test_support
    LABELS unit)
