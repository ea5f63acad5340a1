// SPDX-License-Identifier: MIT
// The Catch2 main, compiled once per C++ standard and shared by every test program.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
