# SPDX-License-Identifier: MIT
# Runs the command after `--`, then requires its exit status to be STATUS and its standard
# output to equal the file EXPECTED byte for byte. Standard input is STDIN_FROM when given.
include(${CMAKE_CURRENT_LIST_DIR}/command.cmake)
execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                ${stdin})
file(READ "${EXPECTED}" expected)
if(NOT rc STREQUAL "${STATUS}")
  message(FATAL_ERROR "exit status ${rc}, expected ${STATUS}\nstderr: ${err}")
endif()
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "output differs from ${EXPECTED}:\n--- got\n${out}--- expected\n${expected}")
endif()
