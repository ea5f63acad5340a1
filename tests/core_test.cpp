// SPDX-License-Identifier: MIT
// The core API: lookups by code and by name, wrapped forms, describe(), code_of(), invariants.
#include <catch2/catch.hpp>
#include <cstdint>
#include <initializer_list>
#include <iomanip>
#include <ipsecerr/ipsecerr.hpp>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

#include "run_time.hpp"

namespace {

using ipsecerr_test::at_run_time;

std::string line(std::uint32_t code) {
  std::ostringstream os;
  os << ipsecerr::describe(code);
  return os.str();
}

}  // namespace

// ---- Compile time: the examples of the README, as namespace-scope static_asserts. ----
static_assert(ipsecerr::describe(13894).name() == "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM");
static_assert(ipsecerr::code_of("ERROR_IPSEC_IKE_QM_EXPIRED") == 13895);
static_assert(ipsecerr::describe(0x80073646).code() == 13894);
static_assert(ipsecerr::describe(0x80073646).requested() == 0x80073646);
static_assert(ipsecerr::describe(1469).hex() == "0x5BD");
static_assert(ipsecerr::find(13850)->message == "There is no available Main Mode IKE policy.");
static_assert(ipsecerr::find(13025)->kind == ipsecerr::kind::warning);
static_assert(ipsecerr::all().size() == 155);
static_assert(std::is_aggregate_v<ipsecerr::error_info>);
static_assert(IPSECERR_VERSION == IPSECERR_EXPECTED_VERSION, "IPSECERR_VERSION != CMake version");
static_assert(noexcept(ipsecerr::find(std::uint32_t{1})) && noexcept(
    ipsecerr::find_name(std::string_view{})) && noexcept(ipsecerr::describe(std::uint32_t{
    1})) && noexcept(ipsecerr::is_known(std::uint32_t{1})));

TEST_CASE("compile time: lookups are constant expressions") {
  STATIC_REQUIRE(ipsecerr::describe(13894).name() == "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM");
  STATIC_REQUIRE(ipsecerr::code_of("ERROR_IPSEC_IKE_QM_EXPIRED") == 13895);
  STATIC_REQUIRE(ipsecerr::find_name("ERROR_AUTHIP_FAILURE")->code == 1469);
  STATIC_REQUIRE(ipsecerr::find(12345) == nullptr);
  STATIC_REQUIRE(!ipsecerr::describe(12345).known());
  STATIC_REQUIRE(ipsecerr::describe(12345).code() == 12345);
  STATIC_REQUIRE(ipsecerr::is_known(0xC0073646));
  STATIC_REQUIRE(ipsecerr::to_hresult(13894) == 0x80073646);
  STATIC_REQUIRE(ipsecerr::find(ipsecerr::errc::ike_invalid_mm_for_qm)->code == 13894);
  STATIC_REQUIRE(ipsecerr::in_component(ipsecerr::component::driver).size() == 9);
}

TEST_CASE("compile time: the _ipsec literal gives a name's code") {
  using namespace ipsecerr::literals;
  STATIC_REQUIRE("ERROR_IPSEC_IKE_QM_EXPIRED"_ipsec == 13895);
  STATIC_REQUIRE("WSA_IPSEC_NAME_POLICY_ERROR"_ipsec == 11033);
}

TEST_CASE("find: every row is found by its code, its HRESULT and its NTSTATUS_FROM_WIN32") {
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    const auto code = at_run_time(e.code);
    REQUIRE(ipsecerr::find(code) == &e);
    REQUIRE(ipsecerr::find(0x80070000u | code) == &e);
    REQUIRE(ipsecerr::find(0xC0070000u | code) == &e);
    REQUIRE(ipsecerr::find(ipsecerr::to_hresult(code)) == &e);
    REQUIRE(ipsecerr::is_known(code));
    REQUIRE(ipsecerr::find(static_cast<ipsecerr::errc>(code)) == &e);
  }
}

TEST_CASE("find: every row is found by its exact name, and only by it") {
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.name);
    const std::string name(e.name);
    REQUIRE(ipsecerr::find_name(name) == &e);
    REQUIRE(ipsecerr::code_of(name) == e.code);
    std::string lower = name;
    for (auto& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    REQUIRE(ipsecerr::find_name(lower) == nullptr);
    REQUIRE(ipsecerr::find_name(name + "_") == nullptr);
    REQUIRE(ipsecerr::find_name(name.substr(0, name.size() - 1)) == nullptr);
    REQUIRE(ipsecerr::find_name(" " + name) == nullptr);
  }
}

TEST_CASE("find: boundaries, gaps and values outside the table are unknown") {
  const std::uint32_t unknown[] = {0,           1,           1468,        1470,        11032,
                                   11034,       12999,       13026,       13500,       13799,
                                   13919,       13924,       13933,       13999,       14000,
                                   65535,       0x80070000u, 0xC0070000u, 0x80073039u, 0xC0360001u,
                                   0x90073646u, 0x80083646u, 0xFFFFFFFFu};
  for (const auto code : unknown) {
    CAPTURE(code);
    REQUIRE(ipsecerr::find(at_run_time(code)) == nullptr);
    REQUIRE_FALSE(ipsecerr::is_known(at_run_time(code)));
  }
  // The edges of each range are known.
  for (const std::uint32_t code : {13000u, 13025u, 13800u, 13918u, 13925u, 13932u}) {
    REQUIRE(ipsecerr::is_known(at_run_time(code)));
  }
  // Every code of the unassigned ranges, one by one.
  for (std::uint32_t code = 13026; code < 13800; ++code) REQUIRE_FALSE(ipsecerr::is_known(code));
  for (std::uint32_t code = 13919; code < 13925; ++code) REQUIRE_FALSE(ipsecerr::is_known(code));
}

TEST_CASE("find_name: empty, short, long and near-miss names are unknown") {
  for (const char* name : {"", "E", "ERROR_", "ERROR_IPSEC_", "ERROR_IPSEC_IKE_QM_EXPIRE",
                           "ERROR_IPSEC_IKE_QM_EXPIREDX", "ERROR_IPSEC_IKE_NO_MM_RESPONSE",
                           "ERROR_IPSEC_IKE_MM_PROCESS_ERR", "error_ipsec_ike_qm_expired",
                           "ERROR_IPSEC_IKE_QM_EXPIRED ",
                           "ERROR_IPSEC_KEY_MODULE_IMPERSONATION_NEGOTIATION_PENDING_AND_MORE"}) {
    CAPTURE(name);
    REQUIRE(ipsecerr::find_name(name) == nullptr);
  }
  const std::string with_nul("ERROR_IPSEC_IKE_QM_EXPIRED\0", 27);
  REQUIRE(ipsecerr::find_name(with_nul) == nullptr);
}

TEST_CASE("code_of: an unknown name throws bad_name at run time") {
  REQUIRE_THROWS_AS(ipsecerr::code_of(std::string("ERROR_IPSEC_IKE_NO_MM_RESPONSE")),
                    ipsecerr::bad_name);
  REQUIRE(std::string(ipsecerr::bad_name{}.what()).find("not a known IPsec error name") !=
          std::string::npos);
}

TEST_CASE("describe: prints the one-line form") {
  REQUIRE(line(at_run_time(13894)) ==
          "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM (13894, 0x3646): Parameters of the main mode are "
          "invalid for this quick mode.");
  REQUIRE(line(at_run_time(0x80073646)) == line(13894));
  REQUIRE(line(at_run_time(0xC0073646)) == line(13894));
  REQUIRE(line(at_run_time(1469)) ==
          "ERROR_AUTHIP_FAILURE (1469, 0x5BD): There was an AuthIP failure when attempting to "
          "connect to the remote host.");
  REQUIRE(line(at_run_time(13004)) ==
          "ERROR_IPSEC_MM_POLICY_NOT_FOUND (13004, 0x32CC): The specified main mode policy was "
          "not found");
}

TEST_CASE("describe: unknown code prints the code it was asked for") {
  REQUIRE(line(at_run_time(12345)) == "unknown IPsec error code 12345 (0x3039)");
  REQUIRE(line(at_run_time(0)) == "unknown IPsec error code 0 (0x0)");
  REQUIRE(line(at_run_time(0xFFFFFFFFu)) == "unknown IPsec error code 4294967295 (0xFFFFFFFF)");
  REQUIRE(line(at_run_time(0x80071234u)) == "unknown IPsec error code 2147947060 (0x80071234)");
  const auto d = ipsecerr::describe(at_run_time(12345));
  REQUIRE_FALSE(d.known());
  REQUIRE(d.code() == 12345);
  REQUIRE(d.requested() == 12345);
  REQUIRE(d.name().empty());
  REQUIRE(d.message().empty());
  REQUIRE(d.info() == nullptr);
  REQUIRE(d.hex() == "0x3039");
}

TEST_CASE("describe: every row's line is name, decimal, hex and message") {
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    const auto d = ipsecerr::describe(at_run_time(e.code));
    REQUIRE(d.known());
    REQUIRE(d.info() == &e);
    REQUIRE(d.name() == e.name);
    REQUIRE(d.message() == e.message);
    const std::string expected = std::string(e.name) + " (" + std::to_string(e.code) + ", " +
                                 std::string(d.hex().view()) + "): " + std::string(e.message);
    REQUIRE(line(e.code) == expected);
    REQUIRE(d.line_size() == expected.size());
  }
}

TEST_CASE("describe: the stream's width, fill and adjustment pad the whole line") {
  std::ostringstream right, left;
  right << std::setw(44) << std::setfill('*') << ipsecerr::describe(at_run_time(12345)) << '|';
  left << std::left << std::setw(42) << ipsecerr::describe(at_run_time(12345)) << '|';
  REQUIRE(right.str() == "*****unknown IPsec error code 12345 (0x3039)|");
  REQUIRE(left.str() == "unknown IPsec error code 12345 (0x3039)   |");
  // The width applies once: the next item is not padded.
  std::ostringstream twice;
  twice << std::setw(3) << ipsecerr::describe(at_run_time(1)) << ipsecerr::describe(2);
  REQUIRE(twice.str() == "unknown IPsec error code 1 (0x1)unknown IPsec error code 2 (0x2)");
}

TEST_CASE("to_hex and to_decimal: upper case, 0x prefix, no padding") {
  REQUIRE(ipsecerr::to_hex(at_run_time(0)) == "0x0");
  REQUIRE(ipsecerr::to_hex(at_run_time(1469)) == "0x5BD");
  REQUIRE(ipsecerr::to_hex(at_run_time(13894)) == "0x3646");
  REQUIRE(ipsecerr::to_hex(at_run_time(0x80073646u)) == "0x80073646");
  REQUIRE(ipsecerr::to_hex(at_run_time(0xFFFFFFFFu)) == "0xFFFFFFFF");
  REQUIRE(ipsecerr::to_decimal(at_run_time(0)) == "0");
  REQUIRE(ipsecerr::to_decimal(at_run_time(4294967295u)) == "4294967295");
  REQUIRE("13894" == ipsecerr::to_decimal(at_run_time(13894)));
  REQUIRE(ipsecerr::to_decimal(at_run_time(1)) != ipsecerr::to_decimal(at_run_time(2)));
}

TEST_CASE("to_hresult: HRESULT_FROM_WIN32 semantics") {
  REQUIRE(ipsecerr::to_hresult(at_run_time(13894)) == 0x80073646u);
  REQUIRE(ipsecerr::to_hresult(at_run_time(1469)) == 0x800705BDu);
  REQUIRE(ipsecerr::to_hresult(at_run_time(0)) == 0u);
  REQUIRE(ipsecerr::to_hresult(at_run_time(0x80073646u)) == 0x80073646u);  // already an HRESULT
  REQUIRE(ipsecerr::unwrap(at_run_time(0x80073646u)) == 13894u);
  REQUIRE(ipsecerr::unwrap(at_run_time(0xC0073646u)) == 13894u);
  REQUIRE(ipsecerr::unwrap(at_run_time(0xC0360001u)) == 0xC0360001u);
}

TEST_CASE("errc: one enumerator per row, valued with the row's code") {
  using ipsecerr::errc;
  REQUIRE(static_cast<std::uint32_t>(errc::ike_invalid_mm_for_qm) == 13894);
  REQUIRE(static_cast<std::uint32_t>(errc::mm_policy_pruned) == 13024);
  REQUIRE(static_cast<std::uint32_t>(errc::authip_failure) == 1469);
  REQUIRE(static_cast<std::uint32_t>(errc::wsa_ipsec_name_policy_error) == 11033);
  REQUIRE(static_cast<std::uint32_t>(errc::key_module_impersonation_negotiation_pending) == 13901);
  for (const auto& e : ipsecerr::all()) REQUIRE(ipsecerr::to_errc(e) == static_cast<errc>(e.code));
}

TEST_CASE("kinds: 13024 and 13025 are warnings, 13800/13897/13909 markers, the rest errors") {
  std::set<std::uint32_t> warnings, markers;
  for (const auto& e : ipsecerr::all()) {
    if (e.kind == ipsecerr::kind::warning) warnings.insert(e.code);
    if (e.kind == ipsecerr::kind::marker) markers.insert(e.code);
  }
  REQUIRE(warnings == std::set<std::uint32_t>{13024, 13025});
  REQUIRE(markers == std::set<std::uint32_t>{13800, 13897, 13909});
  REQUIRE(ipsecerr::to_string(ipsecerr::kind::warning) == "warning");
}

TEST_CASE("in_component: each component is its code range") {
  using ipsecerr::component;
  const auto range = [](component c) {
    const auto v = ipsecerr::in_component(c);
    return std::make_pair(v.front().code, v.back().code);
  };
  REQUIRE(range(component::authip) == std::make_pair(1469u, 1469u));
  REQUIRE(range(component::winsock) == std::make_pair(11033u, 11033u));
  REQUIRE(range(component::policy_store) == std::make_pair(13000u, 13025u));
  REQUIRE(range(component::ike) == std::make_pair(13800u, 13909u));
  REQUIRE(range(component::driver) == std::make_pair(13910u, 13918u));
  REQUIRE(range(component::dos_protection) == std::make_pair(13925u, 13932u));
  std::size_t total = 0;
  for (auto c : {component::authip, component::winsock, component::policy_store, component::ike,
                 component::driver, component::dos_protection}) {
    for (const auto& e : ipsecerr::in_component(c)) REQUIRE(e.component == c);
    total += ipsecerr::in_component(c).size();
  }
  REQUIRE(total == ipsecerr::all().size());
}

// The old names still work for one version, with a deprecation warning (silenced here).
#if defined(__GNUC__) || defined(__clang__)
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
TEST_CASE(
    "deprecated: error_info::category and in_category() are the component and in_component()") {
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    REQUIRE(e.category == e.component);
  }
  STATIC_REQUIRE(ipsecerr::find(13910)->category == ipsecerr::component::driver);
  const auto old = ipsecerr::in_category(ipsecerr::component::ike);
  const auto now = ipsecerr::in_component(ipsecerr::component::ike);
  REQUIRE((old.begin() == now.begin() && old.end() == now.end()));
  // A row built by hand gets the copy too.
  constexpr ipsecerr::error_info row{
      1, "A", "B", ipsecerr::kind::error, ipsecerr::component::winsock, ipsecerr::phase::none,
      0, "C"};
  STATIC_REQUIRE(row.category == ipsecerr::component::winsock);
}
#if defined(__GNUC__) || defined(__clang__)
#  pragma GCC diagnostic pop
#endif

TEST_CASE("ntstatus: the driver and DoS Protection codes carry their NTSTATUS twins") {
  REQUIRE(ipsecerr::find(1469)->ntstatus == 0xC000A086u);  // STATUS_AUTHIP_FAILURE
  REQUIRE(ipsecerr::find(13910)->ntstatus == 0xC0360001u);
  REQUIRE(ipsecerr::find(13918)->ntstatus == 0xC0360009u);
  REQUIRE(ipsecerr::find(13925)->ntstatus == 0xC0368000u);
  REQUIRE(ipsecerr::find(13930)->ntstatus == 0xC0368005u);
  REQUIRE(ipsecerr::find(13931)->ntstatus == 0u);
  REQUIRE(ipsecerr::find(13932)->ntstatus == 0xC0368006u);
  std::size_t with_twin = 0;
  for (const auto& e : ipsecerr::all()) with_twin += e.ntstatus != 0 ? 1 : 0;
  REQUIRE(with_twin == 17);
}

TEST_CASE("invariants: each check rejects a broken table") {
  using ipsecerr::component;
  using ipsecerr::error_info;
  using ipsecerr::kind;
  using ipsecerr::phase;
  namespace d = ipsecerr::detail;
  constexpr error_info good[] = {
      {13000, "ERROR_IPSEC_A", "Text.", kind::error, component::policy_store, phase::none, 0, ""},
      {13001, "WARNING_IPSEC_B", "Text.", kind::warning, component::policy_store, phase::none, 0,
       ""},
      {13800, "ERROR_IPSEC_C", "ERROR_IPSEC_C", kind::marker, component::ike, phase::none, 0, ""}};
  STATIC_REQUIRE(d::codes_ascending(good, 3));
  STATIC_REQUIRE(d::names_well_formed(good, 3));
  STATIC_REQUIRE(d::messages_clean(good, 3));
  STATIC_REQUIRE(d::kinds_consistent(good, 3));
  STATIC_REQUIRE(d::components_contiguous(good, 3));

  constexpr error_info descending[] = {good[1], good[0]};
  constexpr error_info duplicate[] = {good[0], good[0]};
  STATIC_REQUIRE_FALSE(d::codes_ascending(descending, 2));
  STATIC_REQUIRE_FALSE(d::codes_ascending(duplicate, 2));

  STATIC_REQUIRE_FALSE(d::is_well_formed_name("IPSEC_A"));
  STATIC_REQUIRE_FALSE(d::is_well_formed_name("ERROR_ipsec"));
  STATIC_REQUIRE_FALSE(d::is_well_formed_name("ERROR_IPSEC__A"));
  STATIC_REQUIRE_FALSE(d::is_well_formed_name("ERROR_IPSEC_A_"));
  STATIC_REQUIRE_FALSE(d::is_well_formed_name("ERROR_"));
  STATIC_REQUIRE(d::is_well_formed_name("WSA_IPSEC_NAME_POLICY_ERROR"));

  STATIC_REQUIRE_FALSE(d::is_clean_text(""));
  STATIC_REQUIRE_FALSE(d::is_clean_text(" Text."));
  STATIC_REQUIRE_FALSE(d::is_clean_text("Text. "));
  STATIC_REQUIRE_FALSE(d::is_clean_text("Text.\r\n"));
  STATIC_REQUIRE(d::is_clean_text("Text.  Two spaces inside are Windows' own."));

  STATIC_REQUIRE(d::is_id_of("ike_qm_expired", "ERROR_IPSEC_IKE_QM_EXPIRED"));
  STATIC_REQUIRE(d::is_id_of("mm_policy_pruned", "WARNING_IPSEC_MM_POLICY_PRUNED"));
  STATIC_REQUIRE(d::is_id_of("authip_failure", "ERROR_AUTHIP_FAILURE"));
  STATIC_REQUIRE_FALSE(d::is_id_of("ike_qm_expire", "ERROR_IPSEC_IKE_QM_EXPIRED"));
  STATIC_REQUIRE_FALSE(d::is_id_of("IKE_QM_EXPIRED", "ERROR_IPSEC_IKE_QM_EXPIRED"));

  constexpr error_info mislabelled_warning[] = {{13001, "ERROR_IPSEC_B", "Text.", kind::warning,
                                                 component::policy_store, phase::none, 0, ""}};
  constexpr error_info marker_with_text[] = {
      {13800, "ERROR_IPSEC_C", "Text.", kind::marker, component::ike, phase::none, 0, ""}};
  STATIC_REQUIRE_FALSE(d::kinds_consistent(mislabelled_warning, 1));
  STATIC_REQUIRE_FALSE(d::kinds_consistent(marker_with_text, 1));

  constexpr error_info split_component[] = {good[0], good[2], good[1]};
  STATIC_REQUIRE_FALSE(d::components_contiguous(split_component, 3));
}

TEST_CASE("view: an empty view and element access") {
  constexpr ipsecerr::view<int> none;
  STATIC_REQUIRE(none.empty());
  STATIC_REQUIRE(none.size() == 0);
  const auto all = ipsecerr::all();
  REQUIRE(all.front().code == 1469);
  REQUIRE(all.back().code == 13932);
  REQUIRE(all[2].code == 13000);
  REQUIRE(static_cast<std::size_t>(all.end() - all.begin()) == all.size());
}

// ---- What programs need: ids, labels, related entries, the long form's parts. ----

namespace {

// Every enumerator's id and label, checked one by one against the expected spelling.
template <class Enum>
void require_texts(std::initializer_list<std::pair<const char*, const char*>> expected) {
  const auto values = ipsecerr::enumerators<Enum>();
  REQUIRE(values.size() == expected.size());
  std::size_t i = 0;
  for (const auto& [id, label] : expected) {
    const Enum e = values[i];
    CAPTURE(id, label);
    REQUIRE(static_cast<std::size_t>(e) == i);
    REQUIRE(ipsecerr::to_id(e) == id);
    REQUIRE(ipsecerr::to_string(e) == label);
    REQUIRE(ipsecerr::from_id<Enum>(id) == &values[i]);
    std::string upper(id);
    for (auto& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    REQUIRE(ipsecerr::from_id<Enum>(upper) == &values[i]);
    REQUIRE(ipsecerr::from_id<Enum>(std::string(id) + "x") == nullptr);
    ++i;
  }
  REQUIRE(ipsecerr::from_id<Enum>("") == nullptr);
  REQUIRE(ipsecerr::to_id(static_cast<Enum>(expected.size())) == "?");
  REQUIRE(ipsecerr::to_string(static_cast<Enum>(200)) == "?");
}

// The long form written from write_parts(), each piece marked: [label] <name> {related}.
std::string marked(std::uint32_t code) {
  std::string s;
  ipsecerr::describe(code).long_form().write_parts(
      [&s](std::string_view piece, ipsecerr::long_part part) {
        const char* marks[] = {"[]", "", "", "<>", "{}"};
        const std::string_view m = marks[static_cast<int>(part)];
        if (!m.empty()) s += m[0];
        s += piece;
        if (!m.empty()) s += m[1];
      });
  return s;
}

}  // namespace

TEST_CASE("ids and labels: every enumerator has a stable snake_case id and a label") {
  using namespace ipsecerr;
  require_texts<code_space>({{"win32", "Win32"}, {"ras", "RAS"}});
  require_texts<kind>({{"error", "error"}, {"warning", "warning"}, {"marker", "range marker"}});
  require_texts<component>({{"authip", "AuthIP"},
                            {"winsock", "WinSock name-based policy"},
                            {"policy_store", "IPsec policy store"},
                            {"ike", "IKE/AuthIP negotiation"},
                            {"driver", "IPsec driver"},
                            {"dos_protection", "IPsec DoS Protection"}});
  require_texts<phase>({{"none", "none"},
                        {"main_mode", "main mode"},
                        {"quick_mode", "quick mode"},
                        {"extended_mode", "extended mode"},
                        {"any", "any"}});
  require_texts<link_reason>({{"same_text", "same text"},
                              {"counterpart", "counterpart"},
                              {"same_object", "same object"},
                              {"same_family", "same family"},
                              {"cause_effect", "cause or effect"}});
  STATIC_REQUIRE(*from_id<component>("Policy_Store") == component::policy_store);
  STATIC_REQUIRE(from_id<phase>("phase1") == nullptr);
  STATIC_REQUIRE(to_id(link_reason::same_object) == "same_object");
}

TEST_CASE("is_known(errc): the enumerators, and no other value") {
  using ipsecerr::errc;
  STATIC_REQUIRE(ipsecerr::is_known(errc::ike_qm_expired));
  STATIC_REQUIRE_FALSE(ipsecerr::is_known(static_cast<errc>(13950)));
  for (const auto& e : ipsecerr::all()) REQUIRE(ipsecerr::is_known(ipsecerr::to_errc(e)));
  REQUIRE_FALSE(ipsecerr::is_known(static_cast<errc>(at_run_time(0u))));
  REQUIRE_FALSE(ipsecerr::is_known(static_cast<errc>(at_run_time(13026u))));
}

TEST_CASE("related_code::info(): the related entry, for every link") {
  STATIC_REQUIRE(ipsecerr::related(13894).front().info() ==
                 ipsecerr::find(ipsecerr::related(13894).front().code));
  std::size_t links = 0;
  for (const auto& e : ipsecerr::all()) {
    for (const auto& r : ipsecerr::related(e)) {
      REQUIRE(r.info() != nullptr);
      REQUIRE(r.info() == ipsecerr::find(r.code));
      REQUIRE(r.info()->code == r.code);
      ++links;
    }
    REQUIRE(ipsecerr::related(e).begin() == ipsecerr::related(e.code).begin());
  }
  REQUIRE(links > 0);
  // Made by hand, without an entry: the Win32 entry of the code, or nullptr.
  constexpr ipsecerr::related_code known{13885, ipsecerr::link_reason::same_text};
  constexpr ipsecerr::related_code unknown{12345, ipsecerr::link_reason::same_text};
  STATIC_REQUIRE(known.info() == ipsecerr::find(13885));
  STATIC_REQUIRE(unknown.info() == nullptr);
}

TEST_CASE("long form: fields() gives each labelled line's label and value") {
  std::string joined;
  std::size_t n = 0;
  ipsecerr::describe(at_run_time(13910))
      .long_form()
      .fields([&](std::string_view label, std::string_view value) {
        joined += std::string(label) + "=" + std::string(value) + ";";
        ++n;
      });
  REQUIRE(n == 10);
  REQUIRE(joined.rfind("name=ERROR_IPSEC_BAD_SPI;code=13910;hex=0x3656;HRESULT=0x80073656;"
                       "NTSTATUS=0xC0360001;kind=error;category=IPsec driver;phase=none;message=",
                       0) == 0);
  REQUIRE(joined.find(";hint=" + std::string(ipsecerr::find(13910)->hint) + ";") !=
          std::string::npos);
  // No NTSTATUS line without a twin; no field at all for an unknown code.
  n = 0;
  ipsecerr::describe(at_run_time(13894)).long_form().fields([&n](auto, auto) { ++n; });
  REQUIRE(n == 9);
  n = 0;
  ipsecerr::describe(at_run_time(12345)).long_form().fields([&n](auto, auto) { ++n; });
  REQUIRE(n == 0);
}

TEST_CASE("long form: write_parts() marks labels, names and related lines; write() joins them") {
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    std::string plain;
    std::string parts;
    const auto long_form = ipsecerr::describe(at_run_time(e.code)).long_form();
    long_form.write([&plain](std::string_view piece) { plain += piece; });
    long_form.write_parts(
        [&parts](std::string_view piece, ipsecerr::long_part) { parts += piece; });
    REQUIRE(parts == plain);
    REQUIRE(plain.size() == long_form.size());
  }
  const std::string m = marked(at_run_time(13809));
  REQUIRE(m.rfind("[name][:]     <ERROR_IPSEC_IKE_MM_ACQUIRE_DROP>\n[code][:]     13809\n", 0) ==
          0);
  REQUIRE(m.find("\n[related][:]\n  {13810} <ERROR_IPSEC_IKE_QM_ACQUIRE_DROP>{ (}{same text}{)}") !=
          std::string::npos);
  REQUIRE(marked(at_run_time(13800)).find("\n[related][:]  none") != std::string::npos);
  REQUIRE(marked(at_run_time(12345)) == "unknown IPsec error code 12345 (0x3039)");
}

TEST_CASE("code spaces: an entry of another space says so in both forms") {
  using namespace ipsecerr;
  // A hand-made row standing for an entry of a second table (such as RAS codes).
  static constexpr error_info other{
      809,     "ERROR_TEST_OTHER_SPACE", "Text.", kind::error, component::ike, phase::none, 0,
      "Hint.", code_space::ras};
  constexpr description d(other);
  STATIC_REQUIRE(d.known());
  STATIC_REQUIRE(d.space() == code_space::ras);
  STATIC_REQUIRE(d.code() == 809);
  STATIC_REQUIRE(describe(13894).space() == code_space::win32);
  std::ostringstream os;
  os << d;
  REQUIRE(os.str() == "ERROR_TEST_OTHER_SPACE (RAS 809): Text.");
  REQUIRE(d.line_size() == os.str().size());
  std::string fields;
  d.long_form().fields([&fields](std::string_view label, std::string_view value) {
    fields += std::string(label) + "=" + std::string(value) + ";";
  });
  REQUIRE(fields.rfind("name=ERROR_TEST_OTHER_SPACE;code=809;space=RAS;hex=0x329;", 0) == 0);
  std::ostringstream long_os;
  long_os << d.long_form();
  REQUIRE(long_os.str().find("\nspace:    RAS\n") != std::string::npos);
  REQUIRE(long_os.str().find("\nrelated:  none") != std::string::npos);
  REQUIRE(related(other).empty());
  REQUIRE(find(809) == nullptr);  // the Win32 lookups never see it
}
