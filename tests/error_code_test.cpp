// SPDX-License-Identifier: MIT
// std::error_code integration: the "ipsec" category, make_error_code, comparisons with errc.
#include <catch2/catch.hpp>
#include <cstdint>
#include <ipsecerr/error_code.hpp>
#include <ipsecerr/ipsecerr.hpp>
#include <string>
#include <system_error>
#include <type_traits>

namespace {

int at_run_time(std::int64_t v) {
  volatile std::int64_t copy = v;
  return static_cast<int>(static_cast<std::uint32_t>(copy));
}

}  // namespace

using ipsecerr::errc;

static_assert(std::is_error_code_enum<errc>::value);
static_assert(!std::is_error_condition_enum<errc>::value);
static_assert(std::is_convertible_v<errc, std::error_code>);
static_assert(noexcept(ipsecerr::make_error_code(errc::ike_qm_expired)));
static_assert(noexcept(ipsecerr::category()));

TEST_CASE("error_code: an errc converts to an error_code in the ipsec category") {
  const std::error_code ec = errc::ike_invalid_mm_for_qm;
  REQUIRE(ec.value() == 13894);
  REQUIRE(&ec.category() == &ipsecerr::category());
  REQUIRE(std::string(ec.category().name()) == "ipsec");
  REQUIRE(ec.message() == "Parameters of the main mode are invalid for this quick mode.");
  REQUIRE(static_cast<bool>(ec));
  REQUIRE(make_error_code(errc::authip_failure).value() == 1469);  // found by ADL
  // One category object, whichever way it is reached.
  REQUIRE(&ipsecerr::category() == &make_error_code(errc::ike_qm_expired).category());
}

TEST_CASE("error_code: message is Windows' text for every row, also for wrapped values") {
  const auto& cat = ipsecerr::category();
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    const std::string message(e.message);
    REQUIRE(cat.message(at_run_time(e.code)) == message);
    REQUIRE(cat.message(at_run_time(0x80070000u | e.code)) == message);
    REQUIRE(cat.message(at_run_time(0xC0070000u | e.code)) == message);
    REQUIRE(std::error_code(static_cast<errc>(e.code)).message() == message);
  }
}

TEST_CASE("error_code: an unknown value's message says so, as describe() does") {
  const auto& cat = ipsecerr::category();
  REQUIRE(cat.message(at_run_time(12345)) == "unknown IPsec error code 12345 (0x3039)");
  REQUIRE(cat.message(at_run_time(0)) == "unknown IPsec error code 0 (0x0)");
  REQUIRE(cat.message(at_run_time(-1)) == "unknown IPsec error code 4294967295 (0xFFFFFFFF)");
  REQUIRE(std::error_code(at_run_time(13999), cat).message() ==
          "unknown IPsec error code 13999 (0x36AF)");
}

TEST_CASE("error_code: equality with errc in the ipsec category") {
  const std::error_code ec(at_run_time(13894), ipsecerr::category());
  REQUIRE(ec == errc::ike_invalid_mm_for_qm);
  REQUIRE(errc::ike_invalid_mm_for_qm == ec);
  REQUIRE_FALSE(ec != errc::ike_invalid_mm_for_qm);
  REQUIRE_FALSE(errc::ike_invalid_mm_for_qm != ec);
  REQUIRE(ec != errc::ike_qm_expired);
  REQUIRE(errc::ike_qm_expired != ec);
  REQUIRE_FALSE(ec == errc::ike_qm_expired);
  // The HRESULT and NTSTATUS_FROM_WIN32 forms denote the same code.
  REQUIRE(std::error_code(at_run_time(0x80073646), ipsecerr::category()) ==
          errc::ike_invalid_mm_for_qm);
  REQUIRE(std::error_code(at_run_time(0xC0073646), ipsecerr::category()) ==
          errc::ike_invalid_mm_for_qm);
  // Two error_codes compare as std::error_code always does: category and value.
  REQUIRE(ec == std::error_code(errc::ike_invalid_mm_for_qm));
  REQUIRE(ec != std::error_code(errc::ike_qm_expired));
}

TEST_CASE("error_code: other categories' codes never equal an errc on this system") {
  const int value = at_run_time(13894);
  REQUIRE(std::error_code(value, std::generic_category()) != errc::ike_invalid_mm_for_qm);
  REQUIRE_FALSE(std::error_code(value, std::generic_category()) == errc::ike_invalid_mm_for_qm);
  REQUIRE(std::error_code(value, std::iostream_category()) != errc::ike_invalid_mm_for_qm);
  REQUIRE(std::error_code() != errc::ike_invalid_mm_for_qm);
  REQUIRE(std::error_code(errc::ike_invalid_mm_for_qm) !=
          std::error_code(value, std::generic_category()));
#if !defined(_WIN32)
  // system_category() is errno here: 13894 in it is not a Windows code.
  REQUIRE(std::error_code(value, std::system_category()) != errc::ike_invalid_mm_for_qm);
  REQUIRE_FALSE(std::error_code(value, std::system_category()) == errc::ike_invalid_mm_for_qm);
  REQUIRE_FALSE(errc::ike_invalid_mm_for_qm == std::error_code(value, std::system_category()));
  REQUIRE_FALSE(
      ipsecerr::category().equivalent(std::error_code(value, std::system_category()), 13894));
#endif
}

TEST_CASE("error_code: equivalent() lets error_conditions of the category match") {
  const std::error_condition condition(13895, ipsecerr::category());
  REQUIRE(std::error_code(at_run_time(13895), ipsecerr::category()) == condition);
  REQUIRE(std::error_code(at_run_time(0x80073647), ipsecerr::category()) == condition);
  REQUIRE(std::error_code(at_run_time(13894), ipsecerr::category()) != condition);
  REQUIRE(std::error_code(at_run_time(13895), std::generic_category()) != condition);
}
