// SPDX-License-Identifier: MIT
// What the fuzz targets share: the input as a string_view, and a check that stops the run at once.
#ifndef IPSECERR_FUZZ_CHECK_HPP
#define IPSECERR_FUZZ_CHECK_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// A violated property: names it on stderr and aborts, which libFuzzer reports as a crash and
// saves the input for.
#define IPSECERR_FUZZ_CHECK(condition)                                                        \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (false)

namespace ipsecerr_fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace ipsecerr_fuzz

#endif  // IPSECERR_FUZZ_CHECK_HPP
