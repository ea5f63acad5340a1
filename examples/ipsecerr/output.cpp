// SPDX-License-Identifier: MIT
// The tool's shared pieces (see output.hpp).
#include "output.hpp"

namespace ipsecerr_tool {

bool& quiet() {
  static bool on = false;
  return on;
}

int usage_error_for(std::string_view problem) {
  complain("{} (try --help)", problem);
  return usage_error;
}

std::string shown(std::string_view arg) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!arg.empty() && space(arg.front())) arg.remove_prefix(1);
  while (!arg.empty() && space(arg.back())) arg.remove_suffix(1);
  std::string s;
  for (char c : arg) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      fmt::format_to(std::back_inserter(s), "\\x{:02x}", u);
    } else {
      s += c;
    }
  }
  return s;
}

}  // namespace ipsecerr_tool
