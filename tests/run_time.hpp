// SPDX-License-Identifier: MIT
// Test inputs that pass through volatile, so that the code under test really runs at run time
// instead of being folded by the compiler.
#ifndef IPSECERR_TESTS_RUN_TIME_HPP
#define IPSECERR_TESTS_RUN_TIME_HPP

#include <cstdint>
#include <string>
#include <string_view>

namespace ipsecerr_test {

/// The same value, read back from a volatile copy.
inline std::uint32_t at_run_time(std::uint32_t v) {
  volatile std::uint32_t copy = v;
  return copy;
}

/// The same text, copied character by character through a volatile.
inline std::string at_run_time(std::string_view text) {
  std::string out;
  for (char c : text) {
    volatile char copy = c;
    out.push_back(copy);
  }
  return out;
}

}  // namespace ipsecerr_test

#endif  // IPSECERR_TESTS_RUN_TIME_HPP
