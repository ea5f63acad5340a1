// SPDX-License-Identifier: MIT
// RAS codes (ras.hpp): the table against the golden copy of the reference data in both
// directions, the editorial checks, lookups, typed links, descriptions, the "ras" error category,
// fmt and ostream output, parse()'s RAS readings and the phrase readers.
#include <catch2/catch.hpp>
#include <cstdint>
#include <iomanip>
#include <ipsecerr/annotate.hpp>
#include <ipsecerr/error_code.hpp>
#include <ipsecerr/fmt.hpp>
#include <ipsecerr/parse.hpp>
#include <ipsecerr/ras.hpp>
#include <ipsecerr/ras_error_code.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "golden_tsv.hpp"
#include "run_time.hpp"

namespace {

using ipsecerr::code_space;
using ipsecerr::find_ras;
using ipsecerr::form;
using ipsecerr::link_reason;
using ipsecerr::ras_errc;
using ipsecerr_test::at_run_time;

// ---- Editorial checks on the RAS rows, at compile time (they cost only this test). ----

struct ras_row_text {
  std::uint32_t code;
  std::string_view name, id, message, hint;
};
#define IPSECERR_RAS_ROW(code, name, id, comp, message, hint) \
  ras_row_text{code, #name, #id, message, hint},
constexpr ras_row_text ras_rows[] = {
#include <ipsecerr/detail/ras_errors.def>
};
#undef IPSECERR_RAS_ROW

constexpr bool printable(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  for (const char c : s) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

// The id is the name without ERROR_, in lower case; the name is ERROR_ and upper snake case.
constexpr bool id_of_name(std::string_view id, std::string_view name) {
  if (name.substr(0, 6) != "ERROR_" || name.size() != id.size() + 6) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char u = name[6 + i];
    const bool upper_snake = (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
    const char lower = u >= 'A' && u <= 'Z' ? static_cast<char>(u - 'A' + 'a') : u;
    if (!upper_snake || id[i] != lower) return false;
  }
  return true;
}

constexpr bool rows_edited_well() {
  for (const auto& r : ras_rows) {
    if (!printable(r.message) || !printable(r.hint) || r.hint.size() > 240) return false;
    if (r.hint == r.message || !id_of_name(r.id, r.name)) return false;
  }
  return true;
}
static_assert(std::size(ras_rows) == 18, "ipsecerr: 18 RAS rows");
static_assert(rows_edited_well(),
              "ipsecerr: RAS messages and hints printable ASCII, hints at most 240 characters and "
              "not the message, ids the names without ERROR_ in lower case");

// ---- The golden file ----

using ipsecerr_test::golden_row;

std::vector<golden_row> read_golden() {
  return ipsecerr_test::read_golden_tsv(IPSECERR_RAS_GOLDEN_TSV);
}

template <class T>
std::string streamed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

// Related entries as "RAS 792 same family" / "13805 same family".
std::vector<std::string> shown(ipsecerr::view<ipsecerr::related_code> links) {
  std::vector<std::string> out;
  for (const auto& r : links) {
    REQUIRE(r.info()->code == r.code);
    out.push_back(std::string(r.info()->space == code_space::ras ? "RAS " : "") +
                  std::to_string(r.code) + " " + std::string(to_string(r.reason)));
  }
  return out;
}

// parse()'s readings as "code form" (and " (unknown)").
std::vector<std::string> shown(const ipsecerr::readings& r) {
  std::vector<std::string> out;
  for (const auto& x : r) {
    out.push_back(std::to_string(x.code) + " " + std::string(to_string(x.form)) +
                  (x.known() ? "" : " (unknown)"));
    if (x.known()) REQUIRE(x.info()->code == x.code);
  }
  return out;
}

using strings = std::vector<std::string>;

constexpr std::string_view text_809 =
    "The network connection between your computer and the VPN server could not be established "
    "because the remote server is not responding. This could be because one of the network "
    "devices (e.g, firewalls, NAT, routers, etc) between your computer and the remote server is "
    "not configured to allow VPN connections. Please contact your Administrator or your service "
    "provider to determine which device may be causing the problem.";

}  // namespace

TEST_CASE("ras golden: every golden row is a RAS entry, byte for byte, and nothing else") {
  const auto golden = read_golden();
  REQUIRE(golden.size() == 18);
  for (const auto& g : golden) {
    CAPTURE(g.code, g.name);
    const ipsecerr::error_info* e = find_ras(g.code);
    REQUIRE(e != nullptr);
    REQUIRE(e->name == g.name);
    REQUIRE(e->message == g.message);
    REQUIRE(ipsecerr::to_hex(e->code) == g.hex);
    REQUIRE(ipsecerr::find_ras_name(g.name) == e);
    // Not a Win32 IPsec code, and the name is no Win32 name.
    REQUIRE(ipsecerr::find(g.code) == nullptr);
    REQUIRE(ipsecerr::find_name(g.name) == nullptr);
  }
}

TEST_CASE("ras golden: every RAS entry is a golden row, in the same order") {
  const auto golden = read_golden();
  REQUIRE(ipsecerr::all_ras().size() == golden.size());
  std::size_t i = 0;
  for (const auto& e : ipsecerr::all_ras()) {
    CAPTURE(e.code);
    REQUIRE(golden[i].code == e.code);
    REQUIRE(std::string(e.name) == golden[i].name);
    REQUIRE(std::string(e.message) == golden[i].message);
    REQUIRE(ipsecerr::to_hex(e.code) == golden[i].hex);
    ++i;
  }
}

TEST_CASE("ras: every entry is a RAS error of the VPN client or RRAS, with a hint") {
  std::set<std::uint32_t> seen;
  for (const auto& e : ipsecerr::all_ras()) {
    CAPTURE(e.code);
    REQUIRE(e.space == code_space::ras);
    REQUIRE(e.kind == ipsecerr::kind::error);
    REQUIRE(e.phase == ipsecerr::phase::none);
    REQUIRE(e.ntstatus == 0);
    REQUIRE((e.code >= 600 && e.code <= 878));
    REQUIRE(seen.insert(e.code).second);
    REQUIRE(e.component ==
            (e.code == 870 ? ipsecerr::component::rras : ipsecerr::component::vpn_client));
    REQUIRE(e.hint.size() >= 100);
  }
  // The Win32 rows keep their space.
  for (const auto& e : ipsecerr::all()) REQUIRE(e.space == code_space::win32);
  // The quirks of the SDK's text are kept.
  REQUIRE(find_ras(811)->message.find("network conection") != std::string_view::npos);
  REQUIRE(find_ras(870)->message.find("Interface  could") != std::string_view::npos);
  REQUIRE(find_ras(809)->message == text_809);
}

TEST_CASE("ras: a RAS code is never found by find() and is not an errc") {
  for (const auto& e : ipsecerr::all_ras()) {
    REQUIRE(ipsecerr::find(at_run_time(e.code)) == nullptr);
    REQUIRE(ipsecerr::find(ipsecerr::to_hresult(e.code)) == nullptr);
    REQUIRE_FALSE(ipsecerr::is_known(e.code));
    REQUIRE(ipsecerr::related(e.code).empty());
  }
  STATIC_REQUIRE(ipsecerr::find(789) == nullptr);
  STATIC_REQUIRE(ipsecerr::find(809) == nullptr);
  STATIC_REQUIRE_FALSE(std::is_same_v<std::underlying_type_t<ras_errc>, ipsecerr::errc>);
  STATIC_REQUIRE_FALSE(std::is_convertible_v<ras_errc, ipsecerr::errc>);
}

TEST_CASE("ras: find_ras by code, HRESULT, enumerator and name; ras_code_of") {
  STATIC_REQUIRE(find_ras(809)->name == "ERROR_VPN_TIMEOUT");
  STATIC_REQUIRE(find_ras(ras_errc::oakley_general_processing)->code == 789);
  STATIC_REQUIRE(ipsecerr::ras_code_of("ERROR_IPSEC_SERVICE_STOPPED") == 827);
  STATIC_REQUIRE(static_cast<std::uint32_t>(ras_errc::ikev2_psk_interface_already_exists) == 870);
  REQUIRE(find_ras(at_run_time(0x80070315)) == find_ras(789));
  REQUIRE(find_ras(at_run_time(0xC0070315)) == nullptr);  // NTSTATUS_FROM_WIN32 is no RAS form
  for (const std::uint32_t none :
       {0u, 600u, 765u, 767u, 785u, 794u, 808u, 871u, 878u, 13801u, 0x80070000u, 0xFFFFFFFFu}) {
    CAPTURE(none);
    REQUIRE(find_ras(at_run_time(none)) == nullptr);
  }
  REQUIRE(ipsecerr::find_ras_name(at_run_time("ERROR_OAKLEY_AUTH_FAIL"))->code == 787);
  REQUIRE(ipsecerr::find_ras_name(at_run_time("error_oakley_auth_fail")) == nullptr);
  REQUIRE(ipsecerr::find_ras_name(at_run_time("ERROR_IPSEC_IKE_AUTH_FAIL")) == nullptr);
  REQUIRE(ipsecerr::find_ras_name("") == nullptr);
  REQUIRE(ipsecerr::to_ras_errc(*find_ras(792)) == ras_errc::oakley_timed_out);
  REQUIRE_THROWS_AS(ipsecerr::ras_code_of(at_run_time("ERROR_VPN_TIMEOUTS")), ipsecerr::bad_name);
  // Every enumerator finds its row.
  for (const auto& e : ipsecerr::all_ras()) {
    REQUIRE(find_ras(ipsecerr::to_ras_errc(e)) == &e);
    REQUIRE(ipsecerr::ras_code_of(at_run_time(e.name)) == e.code);
  }
}

TEST_CASE("ras links: each ERROR_OAKLEY_* code is the VPN client's code for one IKE code") {
  const std::map<std::uint32_t, std::uint32_t> pairs = {{786, 13806}, {787, 13801}, {788, 13802},
                                                        {789, 13804}, {790, 13847}, {791, 13825},
                                                        {792, 13805}, {793, 13816}};
  std::map<std::uint32_t, std::uint32_t> found;
  for (const auto& e : ipsecerr::all_ras()) {
    for (const auto& r : ipsecerr::ras_related(e.code)) {
      if (r.reason != link_reason::vpn_client_code) continue;
      REQUIRE(r.info()->space == code_space::win32);
      REQUIRE(found.count(e.code) == 0);
      found[e.code] = r.info()->code;
    }
  }
  REQUIRE(found == pairs);
}

TEST_CASE("ras links: the documented links, typed with their space") {
  REQUIRE(shown(ipsecerr::ras_related(at_run_time(809))) ==
          strings{"13805 same family", "13813 same family", "RAS 792 same family",
                  "RAS 800 same family"});
  REQUIRE(shown(ipsecerr::related(ras_errc::vpn_bad_cert)) ==
          strings{"13806 same family", "13847 same family", "13887 same family",
                  "RAS 835 same family"});
  REQUIRE(shown(ipsecerr::ras_related(811)) == strings{"13801 same family"});
  REQUIRE(shown(ipsecerr::ras_related(827)) == strings{"13891 same family"});
  REQUIRE(shown(ipsecerr::ras_related(835)) == strings{"13801 same family", "13847 same family",
                                                       "RAS 787 same family",
                                                       "RAS 810 same family"});
  REQUIRE(ipsecerr::ras_related(870).empty());
  REQUIRE(ipsecerr::ras_related(13801).empty());
  // The other direction: the RAS entries of a Win32 code, in any form find() takes.
  REQUIRE(shown(ipsecerr::related_ras(at_run_time(13801))) ==
          strings{"RAS 787 IKE code and VPN client code", "RAS 811 same family",
                  "RAS 835 same family"});
  REQUIRE(shown(ipsecerr::related_ras(0x800735E9)) == shown(ipsecerr::related_ras(13801)));
  REQUIRE(shown(ipsecerr::related_ras(ipsecerr::errc::ike_drop_no_response)) ==
          strings{"RAS 809 same family"});
  REQUIRE(ipsecerr::related_ras(809).empty());
  REQUIRE(ipsecerr::related_ras(13000).empty());
  // related() stays Win32: every entry it lists is a Win32 row.
  for (const auto& e : ipsecerr::all()) {
    for (const auto& r : ipsecerr::related(e.code)) REQUIRE(ipsecerr::find(r.code) != nullptr);
  }
}

TEST_CASE("ras links: symmetric across and within the spaces, within their caps") {
  std::size_t win32_links = 0;
  for (const auto& e : ipsecerr::all_ras()) {
    CAPTURE(e.code);
    const auto links = ipsecerr::ras_related(e.code);
    REQUIRE(links.size() <= ipsecerr::detail::max_ras_related);
    if (e.code != 870) REQUIRE_FALSE(links.empty());
    for (const auto& r : links) {
      CAPTURE(r.info()->code);
      REQUIRE(r.info() != &e);
      const auto back = r.info()->space == code_space::ras ? ipsecerr::ras_related(r.info()->code)
                                                           : ipsecerr::related_ras(r.info()->code);
      bool found = false;
      for (const auto& b : back) found = found || (b.info() == &e && b.reason == r.reason);
      REQUIRE(found);
      win32_links += r.info()->space == code_space::win32 ? 1 : 0;
    }
  }
  std::size_t reverse = 0;
  for (const auto& w : ipsecerr::all()) {
    const auto links = ipsecerr::related_ras(w.code);
    REQUIRE(links.size() <= ipsecerr::detail::max_ras_per_win32);
    for (const auto& r : links) {
      REQUIRE(r.info()->space == code_space::ras);
      bool found = false;
      for (const auto& b : ipsecerr::ras_related(r.info()->code)) {
        found = found || (b.info() == &w && b.reason == r.reason);
      }
      REQUIRE(found);
      ++reverse;
    }
  }
  REQUIRE(reverse == win32_links);
}

TEST_CASE("ras describe: the one-line form, the long form and unknown codes") {
  const std::string line = "ERROR_VPN_TIMEOUT (RAS 809): " + std::string(text_809);
  REQUIRE(streamed(ipsecerr::describe_ras(at_run_time(809))) == line);
  REQUIRE(streamed(ras_errc::vpn_timeout) == line);
  REQUIRE(streamed(*find_ras(809)) == line);
  REQUIRE(streamed(ipsecerr::describe_entry(*find_ras(809))) == line);
  REQUIRE(streamed(ipsecerr::describe_ras(0x80070329)) == line);
  REQUIRE(ipsecerr::describe_ras(809).line_size() == line.size());
  REQUIRE(streamed(ipsecerr::describe_ras(at_run_time(999))) ==
          "unknown RAS error code 999 (0x3E7)");
  // describe() stays Win32: 809 there is not an IPsec code.
  REQUIRE(streamed(ipsecerr::describe(809)) == "unknown IPsec error code 809 (0x329)");
  REQUIRE(ipsecerr::describe_ras(809).space() == code_space::ras);
  REQUIRE(ipsecerr::describe(13801).space() == code_space::win32);
  // A Win32 entry through describe_entry is describe(code).
  REQUIRE(streamed(ipsecerr::describe_entry(*ipsecerr::find(13801))) ==
          streamed(ipsecerr::describe(13801)));
  // Padding applies to the whole line.
  std::ostringstream os;
  os << std::setw(40) << std::setfill('.') << ipsecerr::describe_ras(999);
  REQUIRE(os.str() == "......unknown RAS error code 999 (0x3E7)");

  const std::string long_form = streamed(ipsecerr::describe_ras(at_run_time(792)).long_form());
  REQUIRE(long_form ==
          "name:      ERROR_OAKLEY_TIMED_OUT\n"
          "code:      792\n"
          "space:     RAS\n"
          "hex:       0x318\n"
          "HRESULT:   0x80070318\n"
          "kind:      error\n"
          "component: VPN client (RAS)\n"
          "phase:     none\n"
          "message:   The L2TP connection attempt failed because security negotiation timed out.\n"
          "hint:      " +
              std::string(find_ras(792)->hint) +
              "\n"
              "related:\n"
              "  13805 ERROR_IPSEC_IKE_TIMED_OUT (IKE code and VPN client code)\n"
              "  RAS 809 ERROR_VPN_TIMEOUT (same family)");
  REQUIRE(ipsecerr::describe_ras(792).long_form().size() == long_form.size());
  REQUIRE(streamed(ipsecerr::describe_ras(870).long_form()).find("related:   none") !=
          std::string::npos);
}

TEST_CASE("ras fmt: {} and the letters for ras_errc and RAS entries") {
  const std::string line = "ERROR_VPN_TIMEOUT (RAS 809): " + std::string(text_809);
  REQUIRE(fmt::format(FMT_STRING("{}"), ras_errc::vpn_timeout) == line);
  REQUIRE(fmt::format(FMT_STRING("{}"), *find_ras(at_run_time(809))) == line);
  REQUIRE(fmt::format(FMT_STRING("{}"), ipsecerr::describe_ras(809)) == line);
  REQUIRE(fmt::format(FMT_STRING("{:n} {:d} {:x} {:h}"), ras_errc::oakley_general_processing,
                      ras_errc::oakley_general_processing, ras_errc::oakley_general_processing,
                      ras_errc::oakley_general_processing) ==
          "ERROR_OAKLEY_GENERAL_PROCESSING 789 0x315 0x80070315");
  REQUIRE(fmt::format(FMT_STRING("{:m}"), *find_ras(811)) == find_ras(811)->message);
  REQUIRE(fmt::format(FMT_STRING("{:l}"), *find_ras(792)) ==
          streamed(ipsecerr::describe_ras(792).long_form()));
  REQUIRE(fmt::format(FMT_STRING("{:>40}"), ipsecerr::describe_ras(at_run_time(999))) ==
          "      unknown RAS error code 999 (0x3E7)");
  // Win32 entries are unchanged.
  REQUIRE(fmt::format(FMT_STRING("{:n}"), *ipsecerr::find(13801)) == "ERROR_IPSEC_IKE_AUTH_FAIL");
}

TEST_CASE("ras error_code: its own category, no equivalence with system_category()") {
  const std::error_code ec = ras_errc::vpn_timeout;
  REQUIRE(std::string(ec.category().name()) == "ras");
  REQUIRE(&ec.category() == &ipsecerr::ras_category());
  REQUIRE(ec.value() == 809);
  REQUIRE(ec.message() == text_809);
  REQUIRE(ec == ras_errc::vpn_timeout);
  REQUIRE(ec != ras_errc::vpn_bad_cert);
  REQUIRE(ec != std::error_code(809, std::system_category()));
  REQUIRE(std::error_code(809, std::system_category()) != ras_errc::vpn_timeout);
  REQUIRE(ec != std::error_code(809, ipsecerr::category()));
  REQUIRE(ec.default_error_condition() != std::error_condition(809, std::system_category()));
  REQUIRE(ec != std::error_code(809, std::generic_category()));
  // The ipsec category does not take a RAS code for a Win32 one either.
  REQUIRE(ec != ipsecerr::errc::ike_timed_out);
  REQUIRE(ipsecerr::ras_category().message(999) == "unknown RAS error code 999 (0x3E7)");
  REQUIRE(std::error_code(ras_errc::ipsec_service_stopped).message() == find_ras(827)->message);
}

TEST_CASE("ras parse: RAS readings next to the Win32 readings of a number") {
  REQUIRE(shown(ipsecerr::parse(at_run_time("789"))) ==
          strings{"789 decimal (unknown)", "1929 hex without 0x (unknown)", "789 RAS error"});
  REQUIRE(shown(ipsecerr::parse(at_run_time("809"))) ==
          strings{"809 decimal (unknown)", "2057 hex without 0x (unknown)", "809 RAS error"});
  REQUIRE(shown(ipsecerr::parse(at_run_time("0x80070315"))) ==
          strings{"789 HRESULT (unknown)", "789 RAS error"});
  REQUIRE(shown(ipsecerr::parse(at_run_time("-2147024107"))) ==
          strings{"789 HRESULT as signed decimal (unknown)", "789 RAS error"});
  REQUIRE(shown(ipsecerr::parse(at_run_time("2147943209"))) ==
          strings{"809 HRESULT as decimal (unknown)", "809 RAS error"});
  REQUIRE(shown(ipsecerr::parse(at_run_time("0x329"))) ==
          strings{"809 hex (unknown)", "809 RAS error"});
  // Numbers in 600-878 that are not in the RAS table, and other forms, read no RAS code.
  for (const char* none : {"600", "691", "878", "0xC0070329", "%%809", "8090", "0809x"}) {
    CAPTURE(none);
    REQUIRE(ipsecerr::parse(at_run_time(none)).empty());
  }
  // The Win32 codes are unchanged.
  REQUIRE(shown(ipsecerr::parse(at_run_time("13801"))) == strings{"13801 decimal"});
  // And in a constant expression.
  constexpr auto r = ipsecerr::parse("809");
  STATIC_REQUIRE(r.size() == 3);
  STATIC_REQUIRE(r[2].form == form::ras);
  STATIC_REQUIRE(r[2].info()->name == "ERROR_VPN_TIMEOUT");
  STATIC_REQUIRE(r[0].info() == nullptr);
}

TEST_CASE("ras parse: full RAS names, and suffixes only with the RAS segment") {
  REQUIRE(shown(ipsecerr::parse(at_run_time("ERROR_VPN_TIMEOUT"))) == strings{"809 RAS error"});
  REQUIRE(shown(ipsecerr::parse(at_run_time("error_oakley_auth_fail"))) ==
          strings{"787 RAS error"});
  REQUIRE(shown(ipsecerr::parse(at_run_time("oakley_auth_fail"))) == strings{"787 RAS error"});
  REQUIRE(shown(ipsecerr::parse(at_run_time("vpn_timeout"))) == strings{"809 RAS error"});
  REQUIRE(shown(ipsecerr::parse(at_run_time("IPSEC_SERVICE_STOPPED"))) == strings{"827 RAS error"});
  // Shorter suffixes are not RAS.
  for (const char* none :
       {"timeout", "bad_psk", "service_stopped", "_vpn_timeout", "vpn_timeout_"}) {
    CAPTURE(none);
    REQUIRE(ipsecerr::parse(at_run_time(none)).empty());
  }
  // The seven suffixes that name both an IKE and an ERROR_OAKLEY_* code keep their Win32 readings.
  const std::map<std::string, std::uint32_t> seven = {
      {"auth_fail", 13801}, {"no_cert", 13806},   {"attrib_fail", 13802}, {"no_peer_cert", 13847},
      {"no_policy", 13825}, {"timed_out", 13805}, {"error", 13816}};
  for (const auto& [suffix, code] : seven) {
    CAPTURE(suffix);
    const auto r = ipsecerr::parse(at_run_time(suffix));
    bool has_code = false;
    for (const auto& x : r) {
      REQUIRE(x.form != form::ras);
      REQUIRE(x.info() != nullptr);
      REQUIRE(x.info()->space == code_space::win32);
      has_code = has_code || x.code == code;
    }
    REQUIRE(has_code);
  }
  // No RAS id is a suffix of a Win32 name, so a RAS name reading never joins a Win32 group.
  for (const auto& e : ipsecerr::all_ras()) {
    const std::string suffix = "_" + std::string(e.name.substr(6));
    for (const auto& w : ipsecerr::all()) {
      REQUIRE_FALSE((w.name.size() > suffix.size() &&
                     w.name.substr(w.name.size() - suffix.size()) == suffix));
    }
  }
}

TEST_CASE("ras phrases: RAS 809, RAS error 809 and RasClient's sentence pick the space") {
  const auto m = ipsecerr::find_ras_phrase(at_run_time("VPN failed: RAS error 809, retrying"));
  REQUIRE(m.found());
  REQUIRE(m.code == 809);
  REQUIRE(m.space == code_space::ras);
  REQUIRE(m.first == 12);
  REQUIRE(m.number == 22);
  REQUIRE(m.last == 25);
  REQUIRE(m.info() == find_ras(809));
  for (const char* text : {"RAS 809", "ras error 809", "RAS Error: 809", "RAS error code 809",
                           "RAS #809", "(RAS 809)"}) {
    CAPTURE(text);
    const auto p = ipsecerr::find_ras_phrase(at_run_time(text));
    REQUIRE(p.code == 809);
    REQUIRE(p.space == code_space::ras);
  }
  const std::string rasclient =
      "The user CONTOSO\\alice dialed a connection named Contoso VPN which has failed. The error "
      "code returned on failure is ";
  const auto r809 = ipsecerr::find_ras_phrase(at_run_time(rasclient + "809."));
  REQUIRE(r809.space == code_space::ras);
  REQUIRE(r809.info() == find_ras(809));
  REQUIRE(r809.first == rasclient.find("error code returned"));
  const auto r13801 = ipsecerr::find_ras_phrase(at_run_time(rasclient + "13801."));
  REQUIRE(r13801.space == code_space::win32);
  REQUIRE(r13801.info() == ipsecerr::find(13801));
  // Numbers in no table: RAS within 600-878, Win32 otherwise; nothing found by info().
  const auto r691 = ipsecerr::find_ras_phrase(at_run_time(rasclient + "691."));
  REQUIRE((r691.found() && r691.space == code_space::ras && r691.info() == nullptr));
  const auto r1460 = ipsecerr::find_ras_phrase(at_run_time(rasclient + "1460."));
  REQUIRE((r1460.found() && r1460.space == code_space::win32 && r1460.info() == nullptr));
  // Not phrases.
  for (const char* none : {"RasClient 809", "RAS809", "RAS error", "RAS error 809x", "PARAS 809",
                           "error 809", "RAS_809", "", "The error code returned on failure is"}) {
    CAPTURE(none);
    REQUIRE_FALSE(ipsecerr::find_ras_phrase(at_run_time(none)).found());
  }
  // The next phrase after a first one.
  const std::string two = "RAS 789 then RAS 809";
  const auto first = ipsecerr::find_ras_phrase(two);
  REQUIRE(ipsecerr::find_ras_phrase(two, first.last).code == 809);
  STATIC_REQUIRE(ipsecerr::find_ras_phrase("RAS error 789").code == 789);
}

TEST_CASE("ras codes: find_ras_code reads phrases and error NNN on a line about a VPN") {
  // `error NNN` with a word about a VPN connection on the line, before or after.
  const std::string vpn = "VPN error 809";
  const auto m = ipsecerr::find_ras_code(at_run_time(vpn));
  REQUIRE(m.found());
  REQUIRE(m.code == 809);
  REQUIRE(m.space == code_space::ras);
  REQUIRE(m.first == 4);
  REQUIRE(m.number == 10);
  REQUIRE(m.last == 13);
  REQUIRE(m.info() == find_ras(809));
  for (const char* text :
       {"Error 789: The L2TP connection attempt failed because the security layer encountered",
        "error 809 while dialing the IKEv2 tunnel", "RasClient: error 835",
        "The user dialed a connection named Office which has failed: error 809",
        "the ipsec tunnel is down (error 809)", "RAS error 809", "ras 809"}) {
    CAPTURE(text);
    const auto p = ipsecerr::find_ras_code(at_run_time(text));
    REQUIRE(p.found());
    REQUIRE(p.info() != nullptr);
    REQUIRE(p.info()->space == code_space::ras);
  }
  // RasClient's sentence: a RAS number only (13801 there is a Win32 code, found as a token).
  const std::string rasclient =
      "The user CONTOSO\\alice dialed a connection named Contoso VPN which has failed. The error "
      "code returned on failure is ";
  REQUIRE(ipsecerr::find_ras_code(at_run_time(rasclient + "809.")).code == 809);
  REQUIRE(ipsecerr::find_ras_code(at_run_time(rasclient + "809.")).first ==
          rasclient.find("error code returned"));
  REQUIRE_FALSE(ipsecerr::find_ras_code(at_run_time(rasclient + "13801.")).found());
  // Nothing: a line about something else, a number of no RAS entry, not three digits, a word
  // about a VPN on another line or too far away, a bare number.
  const std::string far = "VPN" + std::string(100, ' ') + "error 809";
  for (const std::string& none : std::vector<std::string>{
           "ProgramX failed with error 766", "VPN error 691", "VPN error 0809", "VPN error 8090",
           "VPN down\nerror 809", "error 809", "VPN 809", "VPNs error 809", "VPN errors 809",
           "RAS error 999", "VPN error809", far, std::string()}) {
    CAPTURE(none);
    REQUIRE_FALSE(ipsecerr::find_ras_code(at_run_time(none)).found());
  }
  REQUIRE(ipsecerr::find_ras_code(at_run_time("VPN" + std::string(80, ' ') + "error 809")).found());
  // One code per phrase, in text order; a search from inside a word skips that word.
  const std::string two = "IKEv2 VPN: RAS error 809, then error 789 (L2TP)";
  const auto a = ipsecerr::find_ras_code(two);
  REQUIRE((a.code == 809 && a.first == two.find("RAS")));
  const auto b = ipsecerr::find_ras_code(two, a.last);
  REQUIRE((b.code == 789 && b.number == two.find("789")));
  REQUIRE_FALSE(ipsecerr::find_ras_code(two, b.last).found());
  REQUIRE_FALSE(ipsecerr::find_ras_code(at_run_time("VPN xerror 809"), 5).found());
  REQUIRE(ipsecerr::find_ras_code(at_run_time("VPN xerror 809 error 789"), 5).code == 789);
  STATIC_REQUIRE(ipsecerr::find_ras_code("VPN error 789").code == 789);
  STATIC_REQUIRE_FALSE(ipsecerr::find_ras_code("error 789").found());
}

TEST_CASE("ras phrases: read_ras_phrase takes a whole text only") {
  REQUIRE(ipsecerr::read_ras_phrase(at_run_time("  RAS error 809 ")).code == 809);
  REQUIRE(ipsecerr::read_ras_phrase(at_run_time("RAS 789.")).code == 789);
  const auto s =
      ipsecerr::read_ras_phrase(at_run_time("The error code returned on failure is 13801."));
  REQUIRE((s.found() && s.code == 13801 && s.space == code_space::win32));
  REQUIRE(ipsecerr::read_ras_phrase(at_run_time("error code returned on failure is 809")).found());
  REQUIRE_FALSE(ipsecerr::read_ras_phrase(at_run_time("see RAS error 809")).found());
  REQUIRE_FALSE(ipsecerr::read_ras_phrase(at_run_time("RAS error 809 again")).found());
  REQUIRE_FALSE(ipsecerr::read_ras_phrase(at_run_time("809")).found());
}

TEST_CASE("ras annotate: a token alone never annotates a RAS code, a line about a VPN does") {
  const auto annotated = [](std::string_view line) {
    std::string out;
    ipsecerr::annotate(at_run_time(line), [&](std::string_view bytes, bool) { out.append(bytes); });
    return out;
  };
  for (const char* line : {"hr=0x80070329 failed", "code -2147024107.", "0x329", "error 809"}) {
    CAPTURE(line);
    REQUIRE(annotated(line) == line);
  }
  REQUIRE(annotated("error 809 on VPN") == "error 809 [ERROR_VPN_TIMEOUT] on VPN");
}
