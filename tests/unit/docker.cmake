# occ_docker's pure parts: no engine needed.
foreach(_t TestLogDemuxer TestContainerSpec TestTarWriter TestDockerApiVersion TestDockerParsers)
    occ_add_test(NAME ${_t} SOURCES unit/${_t}.cpp LIBS occ_docker LABELS unit)
endforeach()
# Its advice is worded by the CLI (cli/HintText), so the test reads it there.
occ_add_test(NAME TestDockerError SOURCES unit/TestDockerError.cpp LIBS occ_docker occ_cli LABELS unit)
