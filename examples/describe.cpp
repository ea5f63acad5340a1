// SPDX-License-Identifier: MIT
// Prints describe() for each code on the command line (decimal or 0x hex; 13894 when none);
// -l or --long prints the long form, entries separated by an empty line.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <ipsecerr/ipsecerr.hpp>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  bool long_form = false;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-l" || arg == "--long") {
      long_form = true;
    } else {
      args.push_back(arg);
    }
  }
  if (args.empty()) args.emplace_back("13894");
  int status = 0;
  bool first = true;
  for (const std::string& arg : args) {
    char* end = nullptr;
    const unsigned long long value = std::strtoull(arg.c_str(), &end, 0);
    if (arg.empty() || *end != '\0' || value > 0xFFFFFFFFull || arg[0] == '-') {
      std::cerr << "describe: not a number: " << arg << '\n';
      status = 2;
      continue;
    }
    const auto d = ipsecerr::describe(static_cast<std::uint32_t>(value));
    if (long_form) {
      if (!first) std::cout << '\n';
      std::cout << d.long_form() << '\n';
    } else {
      std::cout << d << '\n';
    }
    first = false;
    if (!d.known() && status == 0) status = 1;
  }
  return status;
}
