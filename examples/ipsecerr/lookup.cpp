// SPDX-License-Identifier: MIT
// The tool's text output (see lookup.hpp).
#include "lookup.hpp"

#include <algorithm>
#include <ipsecerr/parse.hpp>
#include <string_view>

namespace ipsecerr_tool {
namespace {

// The long form of an entry, labels in colour.
void write_block(const ipsecerr::error_info& e, const palette& p) {
  std::string text;
  ipsecerr::describe(e.code).long_form().write([&text](std::string_view piece) { text += piece; });
  text += '\n';
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at) + 1;
    const std::string_view line(text.data() + at, end - at);
    const std::size_t colon = line.find(':');
    if (p.on && line.front() != ' ' && colon != std::string_view::npos) {
      const std::size_t value = std::min(line.find_first_not_of(' ', colon + 1), line.size() - 1);
      const bool is_name = line.substr(0, colon) == "name";
      print("{}{}{}{}{}{}{}\n", p.label(), line.substr(0, colon + 1), p.reset(),
            line.substr(colon + 1, value - colon - 1), is_name ? p.name() : "",
            line.substr(value, line.size() - value - 1), is_name ? p.reset() : "");
    } else {
      out().write(line);
    }
    at = end;
  }
}

// Why a token has several readings.
std::string why_ambiguous(const ipsecerr::readings& r, std::string_view token) {
  bool decimal = false;
  bool bare_hex = false;
  std::size_t suffixes = 0;
  for (const ipsecerr::reading& x : r) {
    decimal |= x.form == ipsecerr::form::decimal || x.form == ipsecerr::form::hresult_decimal;
    bare_hex |= x.form == ipsecerr::form::bare_hex;
    suffixes += x.form == ipsecerr::form::name_suffix ? 1 : 0;
  }
  std::vector<std::string> reasons;
  if (decimal && bare_hex) reasons.emplace_back("digits alone can be decimal or hex");
  if (bare_hex && suffixes > 0) reasons.emplace_back("hex digits can also end a name");
  if (suffixes > 1) {
    std::string upper(token);
    for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    reasons.push_back(fmt::format("{} names end with _{}", suffixes, upper));
  }
  if (reasons.empty()) reasons.emplace_back("it has several forms");
  return fmt::format("{}", fmt::join(reasons, "; "));
}

void write_header(const std::string& token, const ipsecerr::reading& x, const palette& p) {
  print("{}{} read as {}:{}\n", p.bold(), token, ipsecerr::to_string(x.form), p.reset());
}

// The blocks of one argument that has readings.
void write_readings(const ipsecerr::readings& r, std::string_view arg, const palette& p) {
  const std::string token = shown(arg);
  if (r.size() == 1) {
    write_header(token, r[0], p);
    write_block(*r[0].info(), p);
    return;
  }
  print("{}{}: {} readings ({}){}\n", p.bold(), token, r.size(), why_ambiguous(r, arg), p.reset());
  for (const ipsecerr::reading& x : r) {
    print("  as {}: {} ({})", ipsecerr::to_string(x.form), ipsecerr::to_decimal(x.code).view(),
          ipsecerr::to_hex(x.code).view());
    if (x.known()) {
      print(" {}{}{}\n", p.name(), x.info()->name, p.reset());
    } else {
      print(", {}not an IPsec error code{}\n", p.missing(), p.reset());
    }
  }
  for (const ipsecerr::reading& x : r) {
    if (!x.known()) continue;
    out().put('\n');
    write_header(token, x, p);
    write_block(*x.info(), p);
  }
}

}  // namespace

int lookup_text(const std::vector<std::string>& args, const palette& p) {
  int status = found_all;
  bool first = true;
  for (const std::string& arg : args) {
    const ipsecerr::readings r = ipsecerr::parse(arg);
    if (r.empty()) {
      complain("'{}': not a known IPsec error code or name", shown(arg));
      status = not_found;
      continue;
    }
    if (!first) out().put('\n');
    first = false;
    write_readings(r, arg, p);
  }
  return status;
}

void write_lines(const std::vector<const ipsecerr::error_info*>& entries, const palette& p) {
  std::size_t width = 0;
  for (const auto* e : entries) width = std::max(width, e->name.size());
  for (const auto* e : entries) {
    print("{:>5}  {:<6}  {}{}{}{:{}}  {}\n", ipsecerr::to_decimal(e->code).view(),
          ipsecerr::to_hex(e->code).view(), p.name(), e->name, p.reset(), "",
          width - e->name.size(), e->message);
  }
}

}  // namespace ipsecerr_tool
