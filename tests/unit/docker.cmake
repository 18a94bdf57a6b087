# occ_docker's pure parts: no engine needed.
foreach(_t TestLogDemuxer TestContainerSpec TestTarWriter TestDockerError TestDockerApiVersion TestDockerParsers)
    occ_add_test(NAME ${_t} SOURCES unit/${_t}.cpp LIBS occ_docker LABELS unit)
endforeach()
