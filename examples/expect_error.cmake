# SPDX-License-Identifier: MIT
# Runs the command after `--`, then requires its exit status to be STATUS, no standard output
# (unless STDOUT_TO names a file to send it to) and exactly one line on standard error that
# matches REGEX. Standard input is STDIN_FROM when given.
include(${CMAKE_CURRENT_LIST_DIR}/command.cmake)
if(DEFINED STDOUT_TO)
  execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_FILE "${STDOUT_TO}"
                  ERROR_VARIABLE err ${stdin})
  set(out "")
else()
  execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  ${stdin})
endif()
if(NOT rc STREQUAL "${STATUS}")
  message(FATAL_ERROR "exit status ${rc}, expected ${STATUS}\nstderr: ${err}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "expected no standard output, got:\n${out}")
endif()
if(NOT err MATCHES "${REGEX}")
  message(FATAL_ERROR "stderr does not match '${REGEX}':\n${err}")
endif()
string(REGEX MATCHALL "\n" newlines "${err}")
list(LENGTH newlines lines)
if(NOT lines EQUAL 1 OR NOT err MATCHES "\n$")
  message(FATAL_ERROR "expected exactly one line on stderr, got ${lines}:\n${err}")
endif()
