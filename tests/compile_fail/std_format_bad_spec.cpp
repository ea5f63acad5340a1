// SPDX-License-Identifier: MIT
// std::format checks its format string at compile time: a precision, which ipsecerr's specs do
// not take, must not compile.
#include <ipsecerr/format.hpp>
#include <string>

std::string line() {
#ifdef IPSECERR_CONTROL
  return std::format("{:*^30n}", ipsecerr::describe(13894));
#else
  return std::format("{:*^30.5n}", ipsecerr::describe(13894));
#endif
}
