// SPDX-License-Identifier: MIT
// The tool's shared pieces: exit statuses, standard output (buffered, checked), fmt-formatted
// writes to it, colour, and arguments made safe to show.
#ifndef IPSECERR_TOOL_OUTPUT_HPP
#define IPSECERR_TOOL_OUTPUT_HPP

#include <fmt/format.h>

#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "io.hpp"

namespace ipsecerr_tool {

constexpr int found_all = 0;
constexpr int not_found = 1;
constexpr int usage_error = 2;  // also I/O errors

/// Standard output, buffered; every mode writes through it.
ipsecerr_io::output& out();

/// Formats into standard output's buffer.
template <typename... Args>
void print(fmt::format_string<Args...> format, Args&&... args) {
  fmt::memory_buffer text;
  fmt::format_to(std::back_inserter(text), format, std::forward<Args>(args)...);
  out().write(std::string_view(text.data(), text.size()));
}

/// One line on standard error, after what standard output holds so far.
template <typename... Args>
void complain(fmt::format_string<Args...> format, Args&&... args) {
  out().flush();
  fmt::memory_buffer text;
  fmt::format_to(std::back_inserter(text), "ipsecerr: ");
  fmt::format_to(std::back_inserter(text), format, std::forward<Args>(args)...);
  text.push_back('\n');
  std::fwrite(text.data(), 1, text.size(), stderr);
}

/// Whether -q was given: results and "not found" messages are not shown.
bool& quiet();

/// complain(), unless -q was given: for what is a result (a code not found), not an error.
template <typename... Args>
void tell(fmt::format_string<Args...> format, Args&&... args) {
  if (!quiet()) complain(format, std::forward<Args>(args)...);
}

/// Reports a usage error ("ipsecerr: PROBLEM (try --help)"); returns usage_error.
int usage_error_for(std::string_view problem);

/// ANSI colours, or empty strings when colour is off.
struct palette {
  bool on = false;
  [[nodiscard]] std::string_view paint(std::string_view code) const { return on ? code : ""; }
  [[nodiscard]] std::string_view bold() const { return paint("\033[1m"); }
  [[nodiscard]] std::string_view label() const { return paint("\033[36m"); }
  [[nodiscard]] std::string_view name() const { return paint("\033[1;32m"); }
  [[nodiscard]] std::string_view missing() const { return paint("\033[33m"); }
  [[nodiscard]] std::string_view reset() const { return paint("\033[0m"); }
};

/// The argument as it may be shown: surrounding whitespace off, other control bytes as \xNN.
std::string shown(std::string_view arg);

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_OUTPUT_HPP
