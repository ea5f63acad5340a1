// SPDX-License-Identifier: MIT
// std::formatter (<ipsecerr/format.hpp>) against a real <format>: the cases of fmt_test.cpp as a
// table, and for every row and spec the same text as fmt::formatter (which fmt_test.cpp checks
// against operator<< and long_form()).
#include <catch2/catch.hpp>
#include <cstdint>
#include <format>
#include <ipsecerr/fmt.hpp>
#include <ipsecerr/format.hpp>
#include <ipsecerr/ipsecerr.hpp>
#include <string>
#include <string_view>

#include "run_time.hpp"

static_assert(IPSECERR_HAS_STD_FORMAT == 1, "this test is built only where std::format works");

namespace {

using ipsecerr::describe;
using ipsecerr_test::at_run_time;

// What is formatted: the same code as a description, as its table row, or as an errc.
enum class as : char { description, row, errc };

std::string format_as(as type, std::string_view spec, std::uint32_t code) {
  const auto d = describe(at_run_time(code));
  switch (type) {
    case as::row: return std::vformat(spec, std::make_format_args(*ipsecerr::find(code)));
    case as::errc: {
      const auto e = static_cast<ipsecerr::errc>(at_run_time(code));
      return std::vformat(spec, std::make_format_args(e));
    }
    case as::description: break;
  }
  return std::vformat(spec, std::make_format_args(d));
}

struct format_case {
  as type;
  std::string_view spec;
  std::uint32_t code;
  std::string_view expected;
};

constexpr std::string_view line_13894 =
    "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM (13894, 0x3646): Parameters of the main mode are invalid "
    "for this quick mode.";

constexpr format_case cases[] = {
    // {} is the one-line form for each type; a wrapped value prints the Win32 code it holds.
    {as::description, "{}", 13894, line_13894},
    {as::row, "{}", 13894, line_13894},
    {as::errc, "{}", 13894, line_13894},
    {as::description, "{}", 0x80073646, line_13894},
    {as::description, "{}", 12345, "unknown IPsec error code 12345 (0x3039)"},
    // Each letter prints its part.
    {as::description, "{:n}", 13894, "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM"},
    {as::description, "{:m}", 13894,
     "Parameters of the main mode are invalid for this quick mode."},
    {as::description, "{:d}", 13894, "13894"},
    {as::description, "{:x}", 13894, "0x3646"},
    {as::description, "{:h}", 13894, "0x80073646"},
    {as::errc, "{:n}", 1469, "ERROR_AUTHIP_FAILURE"},
    {as::row, "{0:x} {0:x}", 1469, "0x5BD 0x5BD"},
    {as::row, "{:h}", 1469, "0x800705BD"},
    {as::description, "{:d}", 0xC0073646, "13894"},
    // An unknown code: "unknown" as its name, its line as its message, the value asked for.
    {as::description, "{:n}", 12345, "unknown"},
    {as::description, "{:m}", 12345, "unknown IPsec error code 12345 (0x3039)"},
    {as::description, "{:d}", 12345, "12345"},
    {as::description, "{:x}", 12345, "0x3039"},
    {as::description, "{:h}", 12345, "0x80073039"},
    {as::description, "{:l}", 12345, "unknown IPsec error code 12345 (0x3039)"},
    {as::errc, "{:n}", 13999, "unknown"},
    {as::description, "{0:x} {0:h}", 0x80071234, "0x80071234 0x80071234"},
    // Width, fill and alignment pad the part as for strings, never truncate.
    {as::description, "{:>40n}|", 13894, "       ERROR_IPSEC_IKE_INVALID_MM_FOR_QM|"},
    {as::description, "{:40n}|", 13894, "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM       |"},
    {as::description, "{:<40n}|", 13894, "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM       |"},
    {as::description, "{:*^20x}", 13894, "*******0x3646*******"},
    {as::description, "{:*^11x}", 13894, "**0x3646***"},
    {as::description, "{:0>8d}", 13894, "00013894"},
    {as::description, "{:>3d}", 13894, "13894"},
    {as::description, "{:\u00b7>8x}", 13894, "\u00b7\u00b70x3646"},
    {as::description, "{:>45}", 12345, "      unknown IPsec error code 12345 (0x3039)"},
    {as::errc, "{:-^30n}", 13895, "--ERROR_IPSEC_IKE_QM_EXPIRED--"},
    {as::row, "{:>12h}", 13895, "  0x80073647"},
};

}  // namespace

TEST_CASE("std::format: the letters, the unknown code and the padding, as with fmt") {
  for (const format_case& c : cases) {
    CAPTURE(c.spec, c.code, static_cast<int>(c.type));
    REQUIRE(format_as(c.type, c.spec, c.code) == c.expected);
  }
}

TEST_CASE("std::format: {:l} is the long form, as fmt prints it, of long_form().size()") {
  for (const std::uint32_t code : {13910U, 13024U, 13894U, 1469U}) {
    CAPTURE(code);
    const std::string text = format_as(as::description, "{:l}", code);
    REQUIRE(text == fmt::format("{:l}", describe(code)));
    REQUIRE(text.size() == describe(code).long_form().size());
  }
  REQUIRE(format_as(as::row, "{:l}", 13910)
              .rfind("name:      ERROR_IPSEC_BAD_SPI\n"
                     "code:      13910\n",
                     0) == 0);
  REQUIRE(format_as(as::errc, "{:l}", 13024).find("NTSTATUS") == std::string::npos);
}

TEST_CASE("std::format: a bad spec given at run time throws std::format_error") {
  for (const char* spec : {"{:q}", "{:nn}", "{:.3n}", "{:05d}", "{:+d}", "{:{<5n}", "{:#x}",
                           "{:99999999999x}", "{:s}"}) {
    CAPTURE(spec);
    REQUIRE_THROWS_AS(format_as(as::description, spec, 13894), std::format_error);
  }
  REQUIRE(std::format("{:>8x}", describe(at_run_time(13894))) == "  0x3646");  // checked literal
}

TEST_CASE("std::format: every row and spec prints what fmt::format prints") {
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    for (const char* spec : {"{}", "{:n}", "{:m}", "{:d}", "{:x}", "{:h}", "{:l}", "{:>70}",
                             "{:.^9d}", "{:\u00e9<72l}"}) {
      CAPTURE(spec);
      const std::string expected = fmt::format(fmt::runtime(spec), e);
      REQUIRE(format_as(as::row, spec, e.code) == expected);
      REQUIRE(format_as(as::errc, spec, e.code) == expected);
      REQUIRE(format_as(as::description, spec, e.code) == expected);
    }
  }
}
