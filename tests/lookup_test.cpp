// SPDX-License-Identifier: MIT
// The lookup indexes against a plain scan of the table: every value near the codes, every name
// with any one byte changed, so that a faster index can never answer differently.
#include <catch2/catch.hpp>
#include <cstdint>
#include <ipsecerr/ipsecerr.hpp>
#include <string>
#include <string_view>

#include "run_time.hpp"

namespace {

using ipsecerr_test::at_run_time;

const ipsecerr::error_info* scan_code(std::uint32_t code) {
  for (const auto& e : ipsecerr::all()) {
    if (e.code == code) return &e;
  }
  return nullptr;
}

const ipsecerr::error_info* scan_name(std::string_view name) {
  for (const auto& e : ipsecerr::all()) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

}  // namespace

// Two names whose middle and end are the same: the hash must still tell them apart.
static_assert(ipsecerr::find_name("ERROR_IPSEC_QM_POLICY_PENDING_DELETION")->code == 13023);
static_assert(ipsecerr::find_name("ERROR_IPSEC_MM_POLICY_PENDING_DELETION")->code == 13021);

TEST_CASE("find: every value up to 70000 and every wrapped 16-bit value agrees with a scan") {
  for (std::uint32_t v = 0; v <= 70000; ++v) {
    CAPTURE(v);
    REQUIRE(ipsecerr::find(at_run_time(v)) == scan_code(v));
  }
  for (std::uint32_t low = 0; low <= 0xFFFFu; ++low) {
    CAPTURE(low);
    const auto* expected = scan_code(low);
    REQUIRE(ipsecerr::find(at_run_time(0x80070000u | low)) == expected);
    REQUIRE(ipsecerr::find(at_run_time(0xC0070000u | low)) == expected);
    REQUIRE(ipsecerr::find(at_run_time(0x80080000u | low)) == nullptr);
  }
}

TEST_CASE("find_name: a name with any one byte changed is found only if it is another row's") {
  for (const auto& e : ipsecerr::all()) {
    const std::string name(e.name);
    for (std::size_t i = 0; i < name.size(); ++i) {
      for (const unsigned flip : {0x01u, 0x20u, 0x80u}) {
        std::string changed = name;
        changed[i] = static_cast<char>(static_cast<unsigned char>(changed[i]) ^ flip);
        CAPTURE(changed);
        REQUIRE(ipsecerr::find_name(changed) == scan_name(changed));
      }
    }
  }
}
