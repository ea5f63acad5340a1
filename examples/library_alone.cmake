# SPDX-License-Identifier: MIT
# Configures SOURCE with the tests and the examples (the tool) off, installs it into WORK/prefix,
# and checks that the headers and the CMake package are there and the tool is not.
cmake_policy(SET CMP0057 NEW)  # if(IN_LIST)
file(REMOVE_RECURSE "${WORK}")
execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${WORK}/build" -G "${GENERATOR}"
                        -DIPSECERR_BUILD_TESTS=OFF -DIPSECERR_BUILD_EXAMPLES=OFF
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the library alone failed:\n${out}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --install "${WORK}/build" --prefix "${WORK}/prefix"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "installing the library alone failed:\n${out}")
endif()
file(GLOB_RECURSE installed RELATIVE "${WORK}/prefix" "${WORK}/prefix/*")
foreach(wanted include/ipsecerr/ipsecerr.hpp share/cmake/ipsecerr/ipsecerrConfig.cmake)
  if(NOT wanted IN_LIST installed)
    message(FATAL_ERROR "${wanted} is not installed; installed: ${installed}")
  endif()
endforeach()
foreach(file IN LISTS installed)
  if(file MATCHES "^bin/|/man1/")
    message(FATAL_ERROR "the library alone installs a part of the tool: ${file}")
  endif()
endforeach()
