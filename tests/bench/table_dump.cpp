// SPDX-License-Identifier: MIT
// Prints the table for tests/bench/run: one "code name" line per row, then the bytes of the table's
// own strings (names + messages + hints), which the size target is measured against.
#include <cstddef>
#include <cstdio>
#include <ipsecerr/ipsecerr.hpp>

int main() {
  std::size_t strings = 0;
  for (const auto& e : ipsecerr::all()) {
    std::printf("row %u %.*s\n", static_cast<unsigned>(e.code), static_cast<int>(e.name.size()),
                e.name.data());
    strings += e.name.size() + e.message.size() + e.hint.size();
  }
  std::printf("strings %zu\n", strings);
  return 0;
}
