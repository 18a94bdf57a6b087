# The engine transport: pure parser and endpoint logic, and the reply against a fake local server.
occ_add_test(NAME TestHttpResponseParser SOURCES unit/TestHttpResponseParser.cpp LIBS occ_transport LABELS unit)
occ_add_test(NAME TestDockerEndpoint SOURCES unit/TestDockerEndpoint.cpp LIBS occ_transport LABELS unit)
occ_add_test(NAME TestHttpIoDeviceReply SOURCES unit/TestHttpIoDeviceReply.cpp LIBS occ_transport LABELS unit)
occ_add_test(NAME TestHttpRequestWriter SOURCES unit/TestHttpRequestWriter.cpp LIBS occ_transport LABELS unit)
occ_add_test(NAME TestEngineChannel SOURCES unit/TestEngineChannel.cpp LIBS occ_transport LABELS unit)
