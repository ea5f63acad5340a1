// SPDX-License-Identifier: MIT
// Windows only: with <windows.h>, <ras.h> and <raserror.h> first, the RAS headers compile and
// work, and every RAS row's code equals the raserror.h macro of the row's name.
#ifndef NOMINMAX
#  define NOMINMAX
#endif
#include <windows.h>
// clang-format off
#include <ras.h>
#include <raserror.h>
// clang-format on
// The public headers, after the Windows headers on purpose: no name may clash with their macros.
#include <ipsecerr/annotate.hpp>
#include <ipsecerr/error_code.hpp>
#include <ipsecerr/fmt.hpp>
#include <ipsecerr/format.hpp>
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/parse.hpp>
#include <ipsecerr/ras.hpp>
#include <ipsecerr/ras_error_code.hpp>
#include <ipsecerr/search.hpp>
// Then the test framework.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace {

struct macro_value {
  std::uint32_t code;     // the row's code
  std::string_view name;  // the row's name
  long long value;        // what raserror.h's macro of that name expands to
};

// One entry per RAS row: #name is the row's name, and the bare name is raserror.h's value for it.
constexpr macro_value macros[] = {
#define IPSECERR_RAS_ROW(code, name, id, comp, message, hint) macro_value{code, #name, name},
#include <ipsecerr/detail/ras_errors.def>
#undef IPSECERR_RAS_ROW
};

}  // namespace

TEST_CASE("raserror.h: every RAS row's code equals the macro of the same name") {
  REQUIRE(std::size(macros) == ipsecerr::all_ras().size());
  for (std::size_t i = 0; i < std::size(macros); ++i) {
    CAPTURE(macros[i].name);
    REQUIRE(ipsecerr::all_ras()[i].name == macros[i].name);
    REQUIRE(macros[i].value == static_cast<long long>(macros[i].code));
  }
  STATIC_REQUIRE(ipsecerr::ras_code_of("ERROR_VPN_TIMEOUT") == ERROR_VPN_TIMEOUT);
  STATIC_REQUIRE(ipsecerr::find_ras(ERROR_OAKLEY_GENERAL_PROCESSING)->code == 789);
}

TEST_CASE("windows.h, ras.h first: the RAS headers still work") {
  volatile DWORD from_api = ERROR_VPN_TIMEOUT;
  const DWORD code = from_api;
  REQUIRE(ipsecerr::describe_ras(code).name() == "ERROR_VPN_TIMEOUT");
  REQUIRE(ipsecerr::find(code) == nullptr);
  REQUIRE(ipsecerr::find_ras(HRESULT_FROM_WIN32(code))->code == 809);
  const std::error_code ec = ipsecerr::ras_errc::vpn_timeout;
  REQUIRE(ec != std::error_code(static_cast<int>(code), std::system_category()));
  REQUIRE(fmt::format("{:n} {:h}", ipsecerr::ras_errc::vpn_timeout,
                      ipsecerr::ras_errc::vpn_timeout) == "ERROR_VPN_TIMEOUT 0x80070329");
  const auto readings = ipsecerr::parse("809");
  REQUIRE(readings[readings.size() - 1].info()->code == 809);
  REQUIRE(ipsecerr::find_ras_phrase("The error code returned on failure is 809.").code == 809);
}
