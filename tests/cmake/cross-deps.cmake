# SPDX-License-Identifier: MIT
# Catch2 and fmt for a cross build: the host's find_package results would put /usr/include (glibc)
# on the cross compiler's path, so a folder in the build tree holds only links to the two header
# trees, and header-only targets use it as a system include directory.
set(IPSECERR_HOST_CATCH2_DIR /usr/include/catch2 CACHE PATH "Host folder holding catch.hpp")
set(IPSECERR_HOST_FMT_DIR /usr/include/fmt CACHE PATH "Host folder holding fmt/format.h")
set(stage_include ${CMAKE_BINARY_DIR}/cross-stage/include)
file(MAKE_DIRECTORY ${stage_include})
file(CREATE_LINK ${IPSECERR_HOST_CATCH2_DIR} ${stage_include}/catch2 SYMBOLIC)
file(CREATE_LINK ${IPSECERR_HOST_FMT_DIR} ${stage_include}/fmt SYMBOLIC)

add_library(ipsecerr_cross_catch2 INTERFACE)
target_include_directories(ipsecerr_cross_catch2 SYSTEM INTERFACE ${stage_include})
add_library(Catch2::Catch2 ALIAS ipsecerr_cross_catch2)

add_library(ipsecerr_cross_fmt INTERFACE)
target_include_directories(ipsecerr_cross_fmt SYSTEM INTERFACE ${stage_include})
target_compile_definitions(ipsecerr_cross_fmt INTERFACE FMT_HEADER_ONLY=1)
add_library(fmt::fmt ALIAS ipsecerr_cross_fmt)
