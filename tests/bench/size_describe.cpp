// SPDX-License-Identifier: MIT
// The size probe for tests/bench/run: size_empty.cpp plus describe() of the code and its line.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ipsecerr/ipsecerr.hpp>
#include <string_view>

int main(int argc, char** argv) {
  const unsigned long code = argc > 1 ? std::strtoul(argv[1], nullptr, 0) : 0;
  std::printf("%lu\n", code);
  ipsecerr::describe(static_cast<std::uint32_t>(code)).write_line([](std::string_view piece) {
    std::fwrite(piece.data(), 1, piece.size(), stdout);
  });
  std::fputc('\n', stdout);
  return 0;
}
