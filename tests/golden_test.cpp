// SPDX-License-Identifier: MIT
// Every table row equals the project's golden copy of the reference data (tests/data), field by
// field, in both directions: no row missing, none extra, no byte different.
#include <catch2/catch.hpp>
#include <cstdint>
#include <ipsecerr/ipsecerr.hpp>
#include <map>
#include <string>
#include <vector>

#include "golden_tsv.hpp"

namespace {

using ipsecerr_test::golden_row;

std::vector<golden_row> read_golden() {
  return ipsecerr_test::read_golden_tsv(IPSECERR_GOLDEN_TSV);
}

}  // namespace

TEST_CASE("golden: the golden file has the 155 reference rows") {
  REQUIRE(read_golden().size() == 155);
}

TEST_CASE("golden: every golden row is in the table, byte for byte") {
  for (const auto& g : read_golden()) {
    CAPTURE(g.code, g.name);
    const ipsecerr::error_info* e = ipsecerr::find(g.code);
    REQUIRE(e != nullptr);
    REQUIRE(e->name == g.name);
    REQUIRE(e->message == g.message);
    REQUIRE(ipsecerr::to_hex(e->code) == g.hex);
    REQUIRE(ipsecerr::find_name(g.name) == e);
  }
}

TEST_CASE("golden: every table row is in the golden file, in the same order") {
  const auto golden = read_golden();
  std::map<std::uint32_t, const golden_row*> by_code;
  for (const auto& g : golden) by_code[g.code] = &g;
  REQUIRE(by_code.size() == golden.size());
  REQUIRE(ipsecerr::all().size() == golden.size());
  std::size_t i = 0;
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    REQUIRE(by_code.count(e.code) == 1);
    REQUIRE(golden[i].code == e.code);
    REQUIRE(std::string(e.name) == by_code[e.code]->name);
    REQUIRE(std::string(e.message) == by_code[e.code]->message);
    ++i;
  }
}

TEST_CASE("golden: the quirks of Windows' text are kept") {
  REQUIRE(ipsecerr::find(13004)->message.back() != '.');
  REQUIRE(ipsecerr::find(13907)->message.find("authorized.  You") != std::string_view::npos);
  REQUIRE(ipsecerr::find(13851)->message == "Failed to enabled TCB privilege.");
  REQUIRE(ipsecerr::find(13901)->message.find("security principle") != std::string_view::npos);
  REQUIRE(ipsecerr::find(13855)->message.find("ISAKMP/ERROR_IPSEC_IKE service") !=
          std::string_view::npos);
  REQUIRE(ipsecerr::find(13890)->name == "ERROR_IPSEC_IKE_DOS_COOKIE_SENT");
  REQUIRE(ipsecerr::find(13895)->name == "ERROR_IPSEC_IKE_QM_EXPIRED");
  std::size_t without_period = 0;
  for (const auto& e : ipsecerr::all()) without_period += e.message.back() != '.' ? 1 : 0;
  REQUIRE(without_period == 68);
}
