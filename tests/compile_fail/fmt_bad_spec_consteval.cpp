// SPDX-License-Identifier: MIT
// With C++20 consteval format strings a plain string is checked too: a precision, which ipsecerr's
// specs do not take, must not compile.
#include <ipsecerr/fmt.hpp>
#include <string>

std::string line() {
#ifdef IPSECERR_CONTROL
  return fmt::format("{:*^30n}", ipsecerr::describe(13894));
#else
  return fmt::format("{:*^30.5n}", ipsecerr::describe(13894));
#endif
}
