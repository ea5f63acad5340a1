# SPDX-License-Identifier: MIT
# Included by the expect scripts: sets `command` to the arguments after `--` of `cmake -P`, and
# `stdin` to the execute_process() arguments that read STDIN_FROM, if given.
set(command)
set(after_dashes OFF)
foreach(i RANGE ${CMAKE_ARGC})
  if(after_dashes)
    list(APPEND command "${CMAKE_ARGV${i}}")
  elseif("${CMAKE_ARGV${i}}" STREQUAL "--")
    set(after_dashes ON)
  endif()
endforeach()
set(stdin)
if(DEFINED STDIN_FROM)
  set(stdin INPUT_FILE "${STDIN_FROM}")
endif()
