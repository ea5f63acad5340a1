# SPDX-License-Identifier: MIT
# Runs the README's first Quick start command as written, in WORK, a copy of the layout it needs
# (include/ and examples/ from SOURCE), and checks that it printed the story of 13894.
# (The command may install packages first; its ';' are kept out of CMake's list splitting.)
file(READ "${README}" readme)
string(REPLACE ";" "<semicolon>" readme "${readme}")
string(REGEX MATCHALL "[^\n]*g\\+\\+ [^\n]*examples/ipsecerr/\\*\\.cpp[^\n]*" lines "${readme}")
list(LENGTH lines count)
string(REPLACE "<semicolon>" ";" lines "${lines}")
if(NOT count EQUAL 1)
  message(FATAL_ERROR "README.md must hold exactly one g++ command line for examples/ipsecerr/*.cpp")
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY "${SOURCE}/include" "${SOURCE}/examples" DESTINATION "${WORK}")
execute_process(COMMAND sh -c "${lines}" WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the Quick start command failed (${rc}):\n${lines}\n${err}")
endif()
if(NOT out MATCHES "^13894 read as decimal:\nname:     ERROR_IPSEC_IKE_INVALID_MM_FOR_QM\n")
  message(FATAL_ERROR "unexpected output of the Quick start command:\n${out}")
endif()
