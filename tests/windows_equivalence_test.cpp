// SPDX-License-Identifier: MIT
// Windows only: GetLastError() values in std::system_category() equal ipsecerr::errc, and every
// public header compiles after <windows.h>, whose winerror.h macros spell the names.
#include <windows.h>
// The public headers, after <windows.h> on purpose.
#include <ipsecerr/error_code.hpp>
#include <ipsecerr/fmt.hpp>
#include <ipsecerr/format.hpp>
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/parse.hpp>
#include <ipsecerr/search.hpp>
// Then the test framework.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <system_error>

namespace {

// What a caller of a failing Win32 API does: SetLastError by the API, GetLastError by the caller.
std::error_code last_error_after(DWORD code) {
  SetLastError(code);
  return std::error_code(static_cast<int>(GetLastError()), std::system_category());
}

}  // namespace

using ipsecerr::errc;

TEST_CASE("windows: a GetLastError() code in system_category() equals its errc") {
  REQUIRE(last_error_after(ERROR_IPSEC_IKE_INVALID_MM_FOR_QM) == errc::ike_invalid_mm_for_qm);
  REQUIRE(errc::ike_invalid_mm_for_qm == last_error_after(13894));
  REQUIRE(last_error_after(13894) != errc::ike_qm_expired);
  REQUIRE(last_error_after(ERROR_SUCCESS) != errc::ike_invalid_mm_for_qm);
  REQUIRE(last_error_after(ERROR_AUTHIP_FAILURE) == errc::authip_failure);
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    REQUIRE(last_error_after(e.code) == ipsecerr::to_errc(e));
  }
}

TEST_CASE("windows: an HRESULT_FROM_WIN32 value in system_category() equals its errc") {
  const std::error_code hr(static_cast<int>(HRESULT_FROM_WIN32(ERROR_IPSEC_IKE_QM_EXPIRED)),
                           std::system_category());
  REQUIRE(hr == errc::ike_qm_expired);
}

TEST_CASE("windows: the generic category is still not the Windows one") {
  REQUIRE(std::error_code(13894, std::generic_category()) != errc::ike_invalid_mm_for_qm);
}

TEST_CASE("windows: the table agrees with winerror.h's macros and the headers still work") {
  REQUIRE(ipsecerr::find(ERROR_IPSEC_IKE_INVALID_MM_FOR_QM)->code == 13894);
  REQUIRE(ipsecerr::parse("ERROR_IPSEC_IKE_INVALID_MM_FOR_QM").size() == 1);
  REQUIRE(fmt::format("{:h}", errc::ike_invalid_mm_for_qm) == "0x80073646");
  REQUIRE(std::string(ipsecerr::rank_search("queue too long")[0].entry->name) ==
          "ERROR_IPSEC_IKE_MM_ACQUIRE_DROP");
  REQUIRE(std::error_code(errc::ike_invalid_mm_for_qm).message() ==
          "Parameters of the main mode are invalid for this quick mode.");
}
