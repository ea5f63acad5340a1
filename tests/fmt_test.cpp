// SPDX-License-Identifier: MIT
// fmt::formatter and operator<< for description, error_info and errc: letters, padding, agreement.
#include <catch2/catch.hpp>
#include <cstdint>
#include <iomanip>
#include <ipsecerr/fmt.hpp>
#include <ipsecerr/ipsecerr.hpp>
#include <sstream>
#include <string>

#include "run_time.hpp"

namespace {

using ipsecerr_test::at_run_time;

template <class T>
std::string streamed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

const ipsecerr::error_info& row(std::uint32_t code) { return *ipsecerr::find(at_run_time(code)); }

ipsecerr::errc errc_of(std::uint32_t code) {
  return static_cast<ipsecerr::errc>(at_run_time(code));
}

}  // namespace

using ipsecerr::describe;
using ipsecerr::errc;

TEST_CASE("fmt: {} is the one-line form, the same for description, error_info and errc") {
  const std::string line =
      "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM (13894, 0x3646): Parameters of the main mode are invalid "
      "for this quick mode.";
  REQUIRE(fmt::format(FMT_STRING("{}"), describe(at_run_time(13894))) == line);
  REQUIRE(fmt::format(FMT_STRING("{}"), row(13894)) == line);
  REQUIRE(fmt::format(FMT_STRING("{}"), errc_of(13894)) == line);
  REQUIRE(fmt::format("{}", describe(at_run_time(0x80073646))) == line);
  REQUIRE(fmt::format("{}", describe(at_run_time(12345))) ==
          "unknown IPsec error code 12345 (0x3039)");
}

TEST_CASE("fmt: each letter prints its part") {
  const auto d = describe(at_run_time(13894));
  REQUIRE(fmt::format(FMT_STRING("{:n}"), d) == "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM");
  REQUIRE(fmt::format(FMT_STRING("{:m}"), d) ==
          "Parameters of the main mode are invalid for this quick mode.");
  REQUIRE(fmt::format(FMT_STRING("{:d}"), d) == "13894");
  REQUIRE(fmt::format(FMT_STRING("{:x}"), d) == "0x3646");
  REQUIRE(fmt::format(FMT_STRING("{:h}"), d) == "0x80073646");
  REQUIRE(fmt::format(FMT_STRING("{:n}"), errc_of(1469)) == "ERROR_AUTHIP_FAILURE");
  REQUIRE(fmt::format(FMT_STRING("{:x} {:h}"), row(1469), row(1469)) == "0x5BD 0x800705BD");
  // A wrapped value prints the Win32 code it holds.
  REQUIRE(fmt::format(FMT_STRING("{:d}"), describe(at_run_time(0xC0073646))) == "13894");
}

TEST_CASE("fmt: {:l} prints the long form, the same text as streaming long_form()") {
  const auto long_text = [](std::uint32_t code) {
    std::ostringstream os;
    os << describe(code).long_form();
    return os.str();
  };
  const std::string bad_spi = fmt::format(FMT_STRING("{:l}"), describe(at_run_time(13910)));
  REQUIRE(bad_spi == long_text(13910));
  REQUIRE(bad_spi.rfind("name:      ERROR_IPSEC_BAD_SPI\n"
                        "code:      13910\n"
                        "hex:       0x3656\n"
                        "HRESULT:   0x80073656\n"
                        "NTSTATUS:  0xC0360001\n"
                        "kind:      error\n"
                        "component: IPsec driver\n"
                        "phase:     none\n"
                        "message:   The SPI in the packet does not match a valid IPsec SA.\n"
                        "hint:      ",
                        0) == 0);
  const std::string pruned = fmt::format(FMT_STRING("{:l}"), errc_of(13024));
  REQUIRE(pruned == long_text(13024));
  REQUIRE(pruned.find("NTSTATUS") == std::string::npos);
  REQUIRE(fmt::format(FMT_STRING("{:l}"), describe(at_run_time(12345))) ==
          "unknown IPsec error code 12345 (0x3039)");
}

TEST_CASE("fmt: an unknown code prints 'unknown' as its name and its line as its message") {
  const auto d = describe(at_run_time(12345));
  REQUIRE(fmt::format(FMT_STRING("{:n}"), d) == "unknown");
  REQUIRE(fmt::format(FMT_STRING("{:m}"), d) == "unknown IPsec error code 12345 (0x3039)");
  REQUIRE(fmt::format(FMT_STRING("{:d}"), d) == "12345");
  REQUIRE(fmt::format(FMT_STRING("{:x}"), d) == "0x3039");
  REQUIRE(fmt::format(FMT_STRING("{:h}"), d) == "0x80073039");
  REQUIRE(fmt::format(FMT_STRING("{:n}"), errc_of(13999)) == "unknown");
  // An unknown HRESULT keeps the value asked for.
  REQUIRE(fmt::format(FMT_STRING("{:x} {:h}"), describe(at_run_time(0x80071234)),
                      describe(at_run_time(0x80071234))) == "0x80071234 0x80071234");
}

TEST_CASE("fmt: width, fill and alignment pad the part as for strings") {
  const auto d = describe(at_run_time(13894));
  REQUIRE(fmt::format(FMT_STRING("{:>40n}|"), d) == "       ERROR_IPSEC_IKE_INVALID_MM_FOR_QM|");
  REQUIRE(fmt::format(FMT_STRING("{:40n}|"), d) == "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM       |");
  REQUIRE(fmt::format(FMT_STRING("{:<40n}|"), d) == "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM       |");
  REQUIRE(fmt::format(FMT_STRING("{:*^20x}"), d) == "*******0x3646*******");
  REQUIRE(fmt::format(FMT_STRING("{:*^11x}"), d) == "**0x3646***");
  REQUIRE(fmt::format(FMT_STRING("{:0>8d}"), d) == "00013894");
  REQUIRE(fmt::format(FMT_STRING("{:>3d}"), d) == "13894");  // never truncated
  REQUIRE(fmt::format(FMT_STRING("{:\u00b7>8x}"), d) == "\u00b7\u00b70x3646");
  REQUIRE(fmt::format(FMT_STRING("{:>45}"), describe(at_run_time(12345))) ==
          "      unknown IPsec error code 12345 (0x3039)");
  // Each type pads the same way; the standard string formatter agrees.
  REQUIRE(fmt::format(FMT_STRING("{:-^30n}"), errc_of(13895)) ==
          fmt::format(FMT_STRING("{:-^30}"), "ERROR_IPSEC_IKE_QM_EXPIRED"));
  REQUIRE(fmt::format(FMT_STRING("{:>12h}"), row(13895)) ==
          fmt::format(FMT_STRING("{:>12}"), "0x80073647"));
}

TEST_CASE("fmt: a bad spec given at run time throws fmt::format_error") {
  const auto d = describe(at_run_time(13894));
  for (const char* spec : {"{:q}", "{:nn}", "{:.3n}", "{:05d}", "{:+d}", "{:{<5n}", "{:#x}",
                           "{:99999999999x}", "{:s}"}) {
    CAPTURE(spec);
    REQUIRE_THROWS_AS(fmt::format(fmt::runtime(spec), d), fmt::format_error);
  }
  REQUIRE(fmt::format(fmt::runtime("{:>8x}"), d) == "  0x3646");
}

TEST_CASE("operator<<: error_info and errc print what {} prints") {
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    const std::string line = fmt::format(FMT_STRING("{}"), e);
    REQUIRE(streamed(e) == line);
    REQUIRE(streamed(ipsecerr::to_errc(e)) == line);
    REQUIRE(streamed(describe(at_run_time(e.code))) == line);
    REQUIRE(fmt::format(FMT_STRING("{}"), ipsecerr::to_errc(e)) == line);
    REQUIRE(fmt::format(FMT_STRING("{}"), describe(e.code)) == line);
  }
  REQUIRE(streamed(errc_of(12345)) == fmt::format(FMT_STRING("{}"), errc_of(12345)));
}

TEST_CASE("operator<<: the stream's width applies to the whole line of every type") {
  std::ostringstream os;
  os << std::setw(40) << std::setfill('.') << errc_of(1) << '|' << std::left << std::setw(34)
     << errc_of(2) << '|';
  REQUIRE(os.str() ==
          "........unknown IPsec error code 1 (0x1)|unknown IPsec error code 2 (0x2)..|");
  std::ostringstream row_os;
  row_os << std::setw(120) << row(13894);
  REQUIRE(row_os.str() == fmt::format(FMT_STRING("{:>120}"), row(13894)));
}
