// SPDX-License-Identifier: MIT
// An independent cross-check of the RAS table: the #define lines of mingw-w64's raserror.h
// (Debian's mingw-w64-common; names and values, no texts), in both directions. And the reason the
// library names no Win32 code for these numbers: that package's winerror.h defines none of them.
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <ipsecerr/ras.hpp>
#include <map>
#include <regex>
#include <string>

namespace {

// NAME -> value of every `#define NAME (RASBASE+n)` line (RASBASE is 600).
std::map<std::string, std::uint32_t> read_raserror_h() {
  std::ifstream in(IPSECERR_MINGW_RASERROR_H);
  REQUIRE(in);
  const std::regex define(
      R"(^[ \t]*#[ \t]*define[ \t]+([A-Z][A-Z0-9_]*)[ \t]+\([ \t]*RASBASE[ \t]*\+[ \t]*([0-9]+)[ \t]*\)[ \t]*(?:/[*/].*)?$)");
  std::map<std::string, std::uint32_t> defines;
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, define)) continue;
    REQUIRE(defines.count(m[1].str()) == 0);
    defines[m[1].str()] = 600 + static_cast<std::uint32_t>(std::stoul(m[2].str()));
  }
  return defines;
}

}  // namespace

TEST_CASE("raserror.h: every RAS row's name has the row's value there") {
  const auto defines = read_raserror_h();
  REQUIRE(defines.size() >= 200);
  for (const auto& e : ipsecerr::all_ras()) {
    const std::string name(e.name);
    CAPTURE(name);
    const auto it = defines.find(name);
    REQUIRE(it != defines.end());
    REQUIRE(it->second == e.code);
  }
}

TEST_CASE("raserror.h: every define with a RAS row's value is that row's name") {
  std::size_t matched = 0;
  for (const auto& [name, value] : read_raserror_h()) {
    const ipsecerr::error_info* e = ipsecerr::find_ras(value);
    // RASBASEEND marks the end of the range (RASBASE+270 here, which is 870), it is no code.
    if (e == nullptr || name == "RASBASEEND") continue;
    CAPTURE(name, value);
    REQUIRE(e->name == name);
    REQUIRE(ipsecerr::find_ras_name(name) == e);
    ++matched;
  }
  REQUIRE(matched == ipsecerr::all_ras().size());
}

TEST_CASE("winerror.h: none of the RAS numbers is defined there, so no Win32 name is shown") {
  std::ifstream in(IPSECERR_MINGW_WINERROR_H);
  REQUIRE(in);
  const std::regex define(
      R"(^[ \t]*#[ \t]*define[ \t]+([A-Z][A-Z0-9_]*)[ \t]+(?:__MSABI_LONG\()?\(?([0-9]+)L?\)?\)?[ \t]*(?:/[*/].*)?$)");
  std::size_t defines = 0;
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, define)) continue;
    ++defines;
    const auto value = std::stoull(m[2].str());
    CAPTURE(m[1].str(), value);
    REQUIRE((value > 0xFFFFFFFFull ||
             ipsecerr::find_ras(static_cast<std::uint32_t>(value)) == nullptr));
  }
  REQUIRE(defines > 1000);
}
