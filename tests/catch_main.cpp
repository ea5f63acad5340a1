// SPDX-License-Identifier: MIT
// The Catch2 main, compiled once per C++ standard and shared by every test program.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#ifdef _WIN32
#  include <fcntl.h>
#  include <io.h>

#  include <cstdio>
namespace {
// Before main(): stdout and stderr in binary mode, so that the reports end lines with "\n" as on
// Linux rather than with the C runtime's "\r\n".
const int binary_stdio =
    (_setmode(_fileno(stdout), _O_BINARY), _setmode(_fileno(stderr), _O_BINARY));
}  // namespace
#endif
