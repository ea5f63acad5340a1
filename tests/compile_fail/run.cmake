# SPDX-License-Identifier: MIT
# Compiles SOURCE; MODE=fail expects an error whose text matches REGEX, MODE=control expects success
# with IPSECERR_CONTROL defined.
set(args -std=c++${STD} -fsyntax-only -I${INCLUDE} ${SOURCE})
if(MODE STREQUAL "control")
  list(APPEND args -DIPSECERR_CONTROL)
endif()
execute_process(COMMAND ${CXX} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(MODE STREQUAL "control")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the positive control does not compile:\n${err}")
  endif()
elseif(rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but must not")
elseif(NOT "${out}${err}" MATCHES "${REGEX}")
  message(FATAL_ERROR "${SOURCE} failed for another reason than '${REGEX}':\n${err}")
endif()
