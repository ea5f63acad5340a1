// SPDX-License-Identifier: MIT
// Windows only: with <windows.h> and <winerror.h> first, every public header compiles and works,
// and every table row's code equals the winerror.h macro of the row's name.
#ifndef NOMINMAX
#  define NOMINMAX
#endif
#include <windows.h>
#include <winerror.h>
// The public headers, after <windows.h> on purpose: no name of theirs may clash with its macros.
#include <ipsecerr/annotate.hpp>
#include <ipsecerr/error_code.hpp>
#include <ipsecerr/fmt.hpp>
#include <ipsecerr/format.hpp>
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/parse.hpp>
#include <ipsecerr/search.hpp>
// Then the test framework.
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <system_error>

namespace {

// What a name expands to when this winerror.h does not define it: an object, not a number, so
// that it can never be mistaken for a value.
struct absent_from_winerror_h {};

struct macro_value {
  std::uint32_t code;     // the row's code
  std::string_view name;  // the row's name
  std::int64_t value;     // what the macro of that name expands to
  bool absent;            // the macro is not defined (value is then 0)
};

constexpr macro_value macro_of(std::uint32_t code, std::string_view name, std::int64_t value) {
  return {code, name, value, false};
}
constexpr macro_value macro_of(std::uint32_t code, std::string_view name, absent_from_winerror_h) {
  return {code, name, 0, true};
}

}  // namespace

// mingw-w64's winerror.h lacks these names; each is defined only if missing, by its own name, so
// that a name missing from this list fails to compile below and a new header's definition wins.
#ifndef ERROR_IPSEC_IKE_SIMULTANEOUS_REKEY
#  define ERROR_IPSEC_IKE_SIMULTANEOUS_REKEY \
    absent_from_winerror_h {}
#endif
#ifndef ERROR_IPSEC_IKE_CRITICAL_PAYLOAD_NOT_RECOGNIZED
#  define ERROR_IPSEC_IKE_CRITICAL_PAYLOAD_NOT_RECOGNIZED \
    absent_from_winerror_h {}
#endif
#ifndef ERROR_IPSEC_IKE_INVALID_MAJOR_VERSION
#  define ERROR_IPSEC_IKE_INVALID_MAJOR_VERSION \
    absent_from_winerror_h {}
#endif
#ifndef WSA_IPSEC_NAME_POLICY_ERROR
#  define WSA_IPSEC_NAME_POLICY_ERROR \
    absent_from_winerror_h {}
#endif

namespace {

// One entry per row of the table, generated from the rows: #name is the row's name, and the bare
// name is replaced by the preprocessor with winerror.h's value for it.
constexpr macro_value macros[] = {
#define IPSECERR_ROW(code, name, id, k, cat, ph, nt, message, hint) macro_of(code, #name, name),
#include <ipsecerr/detail/errors.def>
#undef IPSECERR_ROW
};

}  // namespace

TEST_CASE("winerror.h: every table row's code equals the macro of the same name") {
  REQUIRE(std::size(macros) == ipsecerr::all().size());
  std::set<std::string> absent;
  std::size_t compared = 0;
  for (std::size_t i = 0; i < std::size(macros); ++i) {
    const macro_value& m = macros[i];
    CAPTURE(m.name, m.code);
    REQUIRE(ipsecerr::all()[i].code == m.code);
    REQUIRE(ipsecerr::all()[i].name == m.name);
    if (m.absent) {
      absent.insert(std::string(m.name));
    } else {
      REQUIRE(m.value == static_cast<std::int64_t>(m.code));
      ++compared;
    }
  }
  REQUIRE(compared == ipsecerr::all().size() - 4);
  const std::set<std::string> mingw_lacks = {
      "ERROR_IPSEC_IKE_SIMULTANEOUS_REKEY", "ERROR_IPSEC_IKE_CRITICAL_PAYLOAD_NOT_RECOGNIZED",
      "ERROR_IPSEC_IKE_INVALID_MAJOR_VERSION", "WSA_IPSEC_NAME_POLICY_ERROR"};
  REQUIRE(absent == mingw_lacks);
}

TEST_CASE("winerror.h: a few macros checked by hand against the table") {
  STATIC_REQUIRE(ERROR_IPSEC_IKE_INVALID_MM_FOR_QM == 13894);
  STATIC_REQUIRE(ipsecerr::code_of("ERROR_IPSEC_IKE_QM_EXPIRED") == ERROR_IPSEC_IKE_QM_EXPIRED);
  STATIC_REQUIRE(ipsecerr::code_of("ERROR_AUTHIP_FAILURE") == ERROR_AUTHIP_FAILURE);
  STATIC_REQUIRE(ipsecerr::code_of("WARNING_IPSEC_MM_POLICY_PRUNED") ==
                 WARNING_IPSEC_MM_POLICY_PRUNED);
  // winerror.h keeps a commented-out ERROR_IPSEC_IKE_NEG_STATUS_END of 13884; the real one is
  // 13897.
  STATIC_REQUIRE(ERROR_IPSEC_IKE_NEG_STATUS_END == 13897);
  STATIC_REQUIRE(ipsecerr::code_of("ERROR_IPSEC_IKE_NEG_STATUS_END") == 13897);
}

TEST_CASE("windows.h first: every public header still works") {
  volatile DWORD from_api = ERROR_IPSEC_IKE_INVALID_MM_FOR_QM;
  const DWORD code = from_api;
  // ipsecerr.hpp
  REQUIRE(ipsecerr::describe(code).name() == "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM");
  REQUIRE(ipsecerr::find(HRESULT_FROM_WIN32(code))->code == 13894);
  // error_code.hpp: Windows' own text from the library, not from FormatMessage
  REQUIRE(std::error_code(ipsecerr::errc::ike_invalid_mm_for_qm).message() ==
          "Parameters of the main mode are invalid for this quick mode.");
  REQUIRE(std::error_code(static_cast<int>(code), std::system_category()) ==
          ipsecerr::errc::ike_invalid_mm_for_qm);
  // fmt.hpp
  REQUIRE(fmt::format("{:n} {:h}", ipsecerr::describe(code), ipsecerr::describe(code)) ==
          "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM 0x80073646");
  // format.hpp: mingw's libstdc++ 12 has no <format>, so the header adds nothing here
  STATIC_REQUIRE(IPSECERR_HAS_STD_FORMAT == 0);
  // parse.hpp
  const auto readings = ipsecerr::parse("0x80073646");
  REQUIRE(readings.size() == 1);
  REQUIRE(readings[0].code == code);
  // annotate.hpp
  std::string annotated;
  ipsecerr::annotate("IKE failed: 13894.\r\n",
                     [&](std::string_view bytes, bool) { annotated.append(bytes); });
  REQUIRE(annotated == "IKE failed: 13894 [ERROR_IPSEC_IKE_INVALID_MM_FOR_QM].\r\n");
  // search.hpp: "Negotiation request sat in Queue too long" is 13809's text
  REQUIRE(ipsecerr::rank_search("queue too long")[0].entry->code == 13809);
}
