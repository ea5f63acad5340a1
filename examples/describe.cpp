// SPDX-License-Identifier: MIT
// Prints describe() for each code on the command line (decimal or 0x hex; 13894 when none).
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <ipsecerr/ipsecerr.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cout << ipsecerr::describe(13894) << '\n';
    return 0;
  }
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    char* end = nullptr;
    const unsigned long long value = std::strtoull(arg.c_str(), &end, 0);
    if (arg.empty() || *end != '\0' || value > 0xFFFFFFFFull || arg[0] == '-') {
      std::cerr << "describe: not a number: " << arg << '\n';
      status = 2;
      continue;
    }
    const auto d = ipsecerr::describe(static_cast<std::uint32_t>(value));
    std::cout << d << '\n';
    if (!d.known() && status == 0) status = 1;
  }
  return status;
}
