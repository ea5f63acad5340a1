// SPDX-License-Identifier: MIT
// An independent cross-check: the table against the #define lines of mingw-w64's winerror.h
// (Debian's mingw-w64-common), in both directions. Comments are not parsed: winerror.h keeps a
// commented-out define of ERROR_IPSEC_IKE_NEG_STATUS_END with a wrong value.
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <ipsecerr/ipsecerr.hpp>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace {

// NAME -> value of every `#define (ERROR|WARNING)_IPSEC_*`, ERROR_AUTHIP_* and WSA_IPSEC_* line.
std::map<std::string, std::uint32_t> read_defines() {
  std::ifstream in(IPSECERR_MINGW_WINERROR_H);
  REQUIRE(in);
  const std::regex define(
      R"(^[ \t]*#[ \t]*define[ \t]+((?:ERROR|WARNING|WSA)_(?:IPSEC|AUTHIP)_[A-Z0-9_]+)[ \t]+)"
      R"((?:__MSABI_LONG\()?\(?(?:0x([0-9A-Fa-f]+)|([0-9]+))L?\)?\)?[ \t]*(?:/[*/].*)?$)");
  std::map<std::string, std::uint32_t> defines;
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, define)) continue;
    const auto value = m[2].matched ? std::stoul(m[2].str(), nullptr, 16) : std::stoul(m[3].str());
    REQUIRE(defines.count(m[1].str()) == 0);
    defines[m[1].str()] = static_cast<std::uint32_t>(value);
  }
  return defines;
}

// The names that mingw-w64's winerror.h lacks (see tests/data/README.md).
const std::set<std::string> mingw_gaps = {
    "ERROR_IPSEC_IKE_SIMULTANEOUS_REKEY", "ERROR_IPSEC_IKE_CRITICAL_PAYLOAD_NOT_RECOGNIZED",
    "ERROR_IPSEC_IKE_INVALID_MAJOR_VERSION", "WSA_IPSEC_NAME_POLICY_ERROR"};

}  // namespace

TEST_CASE("winerror.h: every table name has the same value there, except mingw's known gaps") {
  const auto defines = read_defines();
  REQUIRE(defines.size() >= 150);
  std::set<std::string> missing;
  for (const auto& e : ipsecerr::all()) {
    const std::string name(e.name);
    CAPTURE(name);
    const auto it = defines.find(name);
    if (it == defines.end()) {
      missing.insert(name);
    } else {
      REQUIRE(it->second == e.code);
    }
  }
  REQUIRE(missing == mingw_gaps);
}

TEST_CASE("winerror.h: every IPsec define there is a table row with the same code") {
  for (const auto& [name, value] : read_defines()) {
    CAPTURE(name, value);
    const ipsecerr::error_info* e = ipsecerr::find_name(name);
    REQUIRE(e != nullptr);
    REQUIRE(e->code == value);
  }
}
