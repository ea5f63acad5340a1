# SPDX-License-Identifier: MIT
# Catch2, fmt, CLI11 and nlohmann_json for a cross build: the host's find_package results would
# put /usr/include (glibc) on the cross compiler's path, so a folder in the build tree holds only
# links to the header trees, and header-only targets use it as a system include directory.
# Included by tests/ and by the tool (examples/ipsecerr/), once.
include_guard(GLOBAL)
set(IPSECERR_HOST_CATCH2_DIR /usr/include/catch2 CACHE PATH "Host folder holding catch.hpp")
set(IPSECERR_HOST_FMT_DIR /usr/include/fmt CACHE PATH "Host folder holding fmt/format.h")
set(IPSECERR_HOST_CLI11_DIR /usr/include/CLI CACHE PATH "Host folder holding CLI/CLI.hpp")
set(IPSECERR_HOST_JSON_DIR /usr/include/nlohmann CACHE PATH "Host folder holding nlohmann/json.hpp")
set(stage_include ${CMAKE_BINARY_DIR}/cross-stage/include)
file(MAKE_DIRECTORY ${stage_include})
file(CREATE_LINK ${IPSECERR_HOST_CATCH2_DIR} ${stage_include}/catch2 SYMBOLIC)
file(CREATE_LINK ${IPSECERR_HOST_FMT_DIR} ${stage_include}/fmt SYMBOLIC)
file(CREATE_LINK ${IPSECERR_HOST_CLI11_DIR} ${stage_include}/CLI SYMBOLIC)
file(CREATE_LINK ${IPSECERR_HOST_JSON_DIR} ${stage_include}/nlohmann SYMBOLIC)

add_library(ipsecerr_cross_headers INTERFACE)
target_include_directories(ipsecerr_cross_headers SYSTEM INTERFACE ${stage_include})
add_library(Catch2::Catch2 ALIAS ipsecerr_cross_headers)
add_library(CLI11::CLI11 ALIAS ipsecerr_cross_headers)
add_library(nlohmann_json::nlohmann_json ALIAS ipsecerr_cross_headers)

# Its own include directory (not a link to the target above), so that the compile-fail tests,
# which read a target's INTERFACE_INCLUDE_DIRECTORIES, find fmt too.
add_library(ipsecerr_cross_fmt INTERFACE)
target_include_directories(ipsecerr_cross_fmt SYSTEM INTERFACE ${stage_include})
target_compile_definitions(ipsecerr_cross_fmt INTERFACE FMT_HEADER_ONLY=1)
add_library(fmt::fmt ALIAS ipsecerr_cross_fmt)
add_library(fmt::fmt-header-only ALIAS ipsecerr_cross_fmt)
