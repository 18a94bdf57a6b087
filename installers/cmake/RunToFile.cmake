# cmake -DPROGRAM=... -DARGS="a;b" -DOUTPUT=file -P RunToFile.cmake
# Runs PROGRAM ARGS and writes its stdout to OUTPUT; fails the build when PROGRAM fails. Portable
# stand-in for `program args > file` in add_custom_command.
execute_process(COMMAND "${PROGRAM}" ${ARGS}
    OUTPUT_FILE "${OUTPUT}.tmp"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    file(REMOVE "${OUTPUT}.tmp")
    message(FATAL_ERROR "${PROGRAM} ${ARGS} failed: ${rc}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
