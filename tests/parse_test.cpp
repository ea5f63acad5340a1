// SPDX-License-Identifier: MIT
// parse(): every form, its readings, the ambiguity rule and bad input, at compile and run time.
#include <catch2/catch.hpp>
#include <cstdint>
#include <ipsecerr/detail/checks.hpp>  // ids
#include <ipsecerr/parse.hpp>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "run_time.hpp"

namespace {

using ipsecerr::form;

using ipsecerr_test::at_run_time;

struct expected {
  std::uint32_t code;
  form how;
  bool known;
};

// The readings of a token as (code, form, known), for comparison in one REQUIRE.
std::vector<std::string> shown(const ipsecerr::readings& r) {
  std::vector<std::string> out;
  for (const auto& x : r) {
    out.push_back(std::to_string(x.code) + " " + std::string(ipsecerr::to_string(x.form)) +
                  (x.known() ? "" : " (unknown)"));
    // info is the row of the code, or nullptr.
    if (x.known()) REQUIRE(x.info()->code == x.code);
  }
  return out;
}

std::vector<std::string> shown(std::initializer_list<expected> list) {
  std::vector<std::string> out;
  for (const auto& x : list) {
    out.push_back(std::to_string(x.code) + " " + std::string(ipsecerr::to_string(x.how)) +
                  (x.known ? "" : " (unknown)"));
  }
  return out;
}

std::vector<std::string> read(std::string_view token) {
  return shown(ipsecerr::parse(at_run_time(token)));
}

constexpr bool one(std::string_view token, std::uint32_t code, form how) {
  const auto r = ipsecerr::parse(token);
  return r.size() == 1 && r[0].code == code && r[0].form == how && r[0].known() &&
         r[0].info()->code == code;
}

}  // namespace

// ---- Compile time: every form. ----
static_assert(one("13894", 13894, form::decimal));
static_assert(one("0x3646", 13894, form::hex));
static_assert(one("0X3646", 13894, form::hex));
static_assert(one("0x80073646", 13894, form::hresult));
static_assert(one("2147956294", 13894, form::hresult_decimal));
static_assert(one("-2147011002", 13894, form::hresult_signed));
static_assert(one("0xC0073646", 13894, form::ntstatus_win32));
static_assert(one("0xC0360001", 13910, form::ntstatus));
static_assert(one("0xD0360001", 13910, form::hresult_from_nt));
static_assert(one("0xC0368006", 13932, form::ntstatus));
static_assert(ipsecerr::parse("%%13894").empty());  // an event log parameter id, not a code
static_assert(one("ERROR_IPSEC_IKE_INVALID_MM_FOR_QM", 13894, form::name_exact));
static_assert(one("error_ipsec_ike_invalid_mm_for_qm", 13894, form::name_case_insensitive));
static_assert(one("IKE_INVALID_MM_FOR_QM", 13894, form::name_suffix));
static_assert(one("invalid_mm_for_qm", 13894, form::name_suffix));
static_assert(one(" \t13894\r\n", 13894, form::decimal));
static_assert(ipsecerr::parse("3646").size() == 2);
static_assert(!ipsecerr::parse("3646")[0].known() && ipsecerr::parse("3646")[1].known());
static_assert(ipsecerr::parse("NOT_FOUND").size() == 9);
static_assert(ipsecerr::parse("").empty() && ipsecerr::parse("0x").empty());
static_assert(ipsecerr::parse("99999999999999999999").empty());
static_assert(noexcept(ipsecerr::parse(std::string_view{})));

TEST_CASE("parse: compile time: the forms are constant expressions") {
  STATIC_REQUIRE(one("0x3646", 13894, form::hex));
  STATIC_REQUIRE(one("QM_EXPIRED", 13895, form::name_suffix));
  STATIC_REQUIRE(ipsecerr::parse("EXPIRED").size() == 3);
  STATIC_REQUIRE(ipsecerr::parse("0x1FFFFFFFF").empty());
}

namespace {

// A row of the README's table ("Reading any form"): reading `index` of `token` is `code` in form
// `how`, known, among `size` readings.
struct table_row {
  std::string_view token;
  std::size_t size;
  std::size_t index;
  std::uint32_t code;
  form how;
};
constexpr table_row readme_table[] = {
    {"13894", 1, 0, 13894, form::decimal},
    {"0x3646", 1, 0, 13894, form::hex},
    {"0X3646", 1, 0, 13894, form::hex},
    {"3646", 2, 1, 13894, form::bare_hex},
    {"0x80073646", 1, 0, 13894, form::hresult},
    {"2147956294", 1, 0, 13894, form::hresult_decimal},
    {"-2147011002", 1, 0, 13894, form::hresult_signed},
    {"0xC0073646", 1, 0, 13894, form::ntstatus_win32},
    {"0xC0360001", 1, 0, 13910, form::ntstatus},
    {"0xD0360001", 1, 0, 13910, form::hresult_from_nt},
    {"ERROR_IPSEC_IKE_QM_EXPIRED", 1, 0, 13895, form::name_exact},
    {"error_ipsec_ike_qm_expired", 1, 0, 13895, form::name_case_insensitive},
    {"QM_EXPIRED", 1, 0, 13895, form::name_suffix},
    {"invalid_mm_for_qm", 1, 0, 13894, form::name_suffix},
    {"EXPIRED", 3, 0, 13885, form::name_suffix},
    {"EXPIRED", 3, 1, 13895, form::name_suffix},
    {"EXPIRED", 3, 2, 13911, form::name_suffix},
};

// The first row of readme_table that parse() does not read as the row says, or its size.
constexpr std::size_t first_wrong_row() {
  std::size_t i = 0;
  for (const table_row& t : readme_table) {
    const ipsecerr::readings r = ipsecerr::parse(t.token);
    if (r.size() != t.size || r[t.index].code != t.code || r[t.index].form != t.how ||
        !r[t.index].known() || r[t.index].info()->code != t.code) {
      return i;
    }
    ++i;
  }
  return i;
}

}  // namespace

// Each row of the README's table, evaluated in a constant expression: the readings are live
// objects from the start, so this compiles with every compiler and standard.
TEST_CASE("parse: compile time: every form of the README's table") {
  STATIC_REQUIRE(first_wrong_row() == std::size(readme_table));
  STATIC_REQUIRE(ipsecerr::parse("3646")[0].form == form::decimal);
  STATIC_REQUIRE(!ipsecerr::parse("3646")[0].known());
}

TEST_CASE("parse: decimal, hex and the HRESULT and NTSTATUS forms") {
  REQUIRE(read("13894") == shown({{13894, form::decimal, true}}));
  REQUIRE(read("0x3646") == shown({{13894, form::hex, true}}));
  REQUIRE(read("0X3646") == shown({{13894, form::hex, true}}));
  REQUIRE(read("0x5bd") == shown({{1469, form::hex, true}}));
  REQUIRE(read("0x80073646") == shown({{13894, form::hresult, true}}));
  REQUIRE(read("2147956294") == shown({{13894, form::hresult_decimal, true}}));
  REQUIRE(read("-2147011002") == shown({{13894, form::hresult_signed, true}}));
  REQUIRE(read("0xC0073646") == shown({{13894, form::ntstatus_win32, true}}));
  REQUIRE(read("0xc0073646") == shown({{13894, form::ntstatus_win32, true}}));
  REQUIRE(read("013894") == shown({{13894, form::decimal, true}}));
}

TEST_CASE("parse: every NTSTATUS twin and its HRESULT_FROM_NT are read as such") {
  std::size_t twins = 0;
  for (const auto& e : ipsecerr::all()) {
    if (e.ntstatus == 0) continue;
    ++twins;
    CAPTURE(e.code);
    const std::string nt(ipsecerr::to_hex(e.ntstatus).view());
    const std::string from_nt(ipsecerr::to_hex(e.ntstatus | 0x10000000u).view());
    REQUIRE(read(nt) == shown({{e.code, form::ntstatus, true}}));
    REQUIRE(read(from_nt) == shown({{e.code, form::hresult_from_nt, true}}));
  }
  REQUIRE(twins == 17);
  REQUIRE(read("0xC000A086") == shown({{1469, form::ntstatus, true}}));  // STATUS_AUTHIP_FAILURE
  REQUIRE(read("0xC0360001") == shown({{13910, form::ntstatus, true}}));
  REQUIRE(read("0xD0360009") == shown({{13918, form::hresult_from_nt, true}}));
  // 13931 has no twin, so its would-be NTSTATUS is nothing.
  REQUIRE(read("0xC0368007").empty());
  REQUIRE(read("0xC036000A").empty());
  REQUIRE(read("0xD0368007").empty());
}

TEST_CASE("parse: every row is read from each of its forms") {
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    const std::string dec = std::to_string(e.code);
    const std::string hex(ipsecerr::to_hex(e.code).view());
    const std::string hresult(ipsecerr::to_hex(ipsecerr::to_hresult(e.code)).view());
    const auto has = [&e](const ipsecerr::readings& r, form how) {
      for (const auto& x : r) {
        if (x.code == e.code && x.form == how && x.info() == &e) return true;
      }
      return false;
    };
    REQUIRE(has(ipsecerr::parse(at_run_time(dec)), form::decimal));
    REQUIRE(has(ipsecerr::parse(at_run_time(hex)), form::hex));
    REQUIRE(has(ipsecerr::parse(at_run_time(hex.substr(2))), form::bare_hex));
    REQUIRE(has(ipsecerr::parse(at_run_time(hresult)), form::hresult));
    REQUIRE(has(ipsecerr::parse(at_run_time(std::to_string(ipsecerr::to_hresult(e.code)))),
                form::hresult_decimal));
    REQUIRE(has(ipsecerr::parse(at_run_time(std::to_string(
                    static_cast<std::int64_t>(ipsecerr::to_hresult(e.code)) - 4294967296LL))),
                form::hresult_signed));
    REQUIRE(ipsecerr::parse(at_run_time("%%" + dec)).empty());
    REQUIRE(ipsecerr::parse(at_run_time(std::string(e.name))).size() == 1);
    REQUIRE(has(ipsecerr::parse(at_run_time(std::string(e.name))), form::name_exact));
    std::string lower(e.name);
    for (auto& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    REQUIRE(has(ipsecerr::parse(at_run_time(lower)), form::name_case_insensitive));
    // The errc enumerator's spelling is the name without its prefix: a suffix, or the name.
    const auto by_id =
        ipsecerr::parse(at_run_time(ipsecerr::detail::ids[&e - ipsecerr::all().begin()]));
    REQUIRE((has(by_id, form::name_suffix) || has(by_id, form::name_case_insensitive)));
  }
}

TEST_CASE("parse: a bare number is read as decimal and as hex, each marked known or not") {
  REQUIRE(read("3646") == shown({{3646, form::decimal, false}, {13894, form::bare_hex, true}}));
  REQUIRE(read("1469") == shown({{1469, form::decimal, true}, {0x1469, form::bare_hex, false}}));
  REQUIRE(read("32CC") == shown({{13004, form::bare_hex, true}}));
  REQUIRE(read("32cc") == shown({{13004, form::bare_hex, true}}));
  // The hex reading of 13894 is 0x13894, more than 16 bits: not a Win32 code, so not a reading.
  REQUIRE(read("13894") == shown({{13894, form::decimal, true}}));
  // Neither reading known: no reading at all.
  REQUIRE(read("3200").empty());
  REQUIRE(read("12345").empty());
  REQUIRE(read("0").empty());
}

TEST_CASE("parse: names exact, in any case, and by suffix") {
  REQUIRE(read("ERROR_IPSEC_IKE_QM_EXPIRED") == shown({{13895, form::name_exact, true}}));
  REQUIRE(read("Error_Ipsec_Ike_Qm_Expired") ==
          shown({{13895, form::name_case_insensitive, true}}));
  REQUIRE(read("IKE_INVALID_MM_FOR_QM") == shown({{13894, form::name_suffix, true}}));
  REQUIRE(read("QM_EXPIRED") == shown({{13895, form::name_suffix, true}}));
  REQUIRE(read("invalid_mm_for_qm") == shown({{13894, form::name_suffix, true}}));
  REQUIRE(read("EXPIRED") == shown({{13885, form::name_suffix, true},
                                    {13895, form::name_suffix, true},
                                    {13911, form::name_suffix, true}}));
  REQUIRE(read("bad_spi") == shown({{13910, form::name_suffix, true}}));
  REQUIRE(read("wsa_ipsec_name_policy_error") ==
          shown({{11033, form::name_case_insensitive, true}}));
  // A suffix starts on an underscore: part of a word is not a suffix.
  REQUIRE(read("XPIRED").empty());
  REQUIRE(read("_QM_EXPIRED").empty());
  REQUIRE(read("QM_EXPIRED_").empty());
  REQUIRE(read("ERROR_IPSEC_IKE_NO_MM_RESPONSE").empty());
}

TEST_CASE("parse: the largest suffix group is returned whole, in code order") {
  const auto r = ipsecerr::parse(at_run_time("not_found"));
  REQUIRE(r.size() == 9);
  REQUIRE(r.size() <= ipsecerr::readings::capacity);
  std::uint32_t previous = 0;
  for (const auto& x : r) {
    REQUIRE(x.form == form::name_suffix);
    REQUIRE(x.info()->name.substr(x.info()->name.size() - 10) == "_NOT_FOUND");
    REQUIRE(x.code > previous);
    previous = x.code;
  }
  REQUIRE(r[0].code == 13001);
  REQUIRE(r[8].code == 13017);
}

TEST_CASE("parse: a hex-looking token that is also a name suffix gets both readings") {
  // No suffix is made of hex digits today, so the hex reading stands alone and is unknown.
  REQUIRE(read("DEAD").empty());
  REQUIRE(read("3656") == shown({{3656, form::decimal, false}, {13910, form::bare_hex, true}}));
}

TEST_CASE("parse: bad input yields no reading") {
  for (const char* token : {"",
                            " ",
                            "\t\r\n",
                            "0x",
                            "0X",
                            "-",
                            "--1",
                            "%",
                            "%%",
                            "%13894",
                            "%%-1",
                            "%%0x3646",
                            "%%13894",
                            "%%13824",
                            "%%1469",
                            "99999999999999999999",
                            "0x1FFFFFFFF",
                            "0x100000000",
                            "4294967296",
                            "-2147483649",
                            "-0",
                            "-13894",
                            "0x3646 0x3646",
                            "13894x",
                            "0x36G6",
                            "+13894",
                            "13 894",
                            "ERROR IPSEC",
                            "QM-EXPIRED",
                            "0x80071234",
                            "0xC0071234"}) {
    CAPTURE(token);
    REQUIRE(ipsecerr::parse(at_run_time(token)).empty());
  }
  // Embedded NUL and non-ASCII bytes.
  REQUIRE(ipsecerr::parse(at_run_time(std::string_view("13894\0", 6))).empty());
  REQUIRE(ipsecerr::parse(at_run_time(std::string_view("\0"
                                                       "13894",
                                                       6)))
              .empty());
  REQUIRE(ipsecerr::parse(at_run_time(std::string_view("QM_EXPIRED\0", 11))).empty());
  REQUIRE(ipsecerr::parse(at_run_time("QM_EXPIR\xC3\x89"
                                      "D"))
              .empty());
  REQUIRE(ipsecerr::parse(at_run_time("\xEF\xBB\xBF"
                                      "13894"))
              .empty());
  REQUIRE(ipsecerr::parse(at_run_time("1389\xFF")).empty());
  // Longer than any name: nothing, and no read past the stack buffer.
  REQUIRE(ipsecerr::parse(at_run_time(std::string(300, 'a'))).empty());
  REQUIRE(ipsecerr::parse(at_run_time(std::string(300, '1'))).empty());
  REQUIRE(ipsecerr::parse(
              at_run_time("x" +
                          std::string("ERROR_IPSEC_KEY_MODULE_IMPERSONATION_NEGOTIATION_PENDING")))
              .empty());
}

TEST_CASE("parse: every byte alone, and after a code, keeps the rule") {
  for (int b = 0; b < 256; ++b) {
    CAPTURE(b);
    const std::string byte(1, static_cast<char>(b));
    REQUIRE(ipsecerr::parse(at_run_time(byte)).empty());  // no one-character code or name
    for (const std::string& token : {"1469" + byte, byte + "3646", "%%" + byte, "0x" + byte}) {
      const auto r = ipsecerr::parse(at_run_time(token));
      REQUIRE(r.size() <= ipsecerr::readings::capacity);
      bool any_known = false;
      for (const auto& x : r) any_known = any_known || x.known();
      REQUIRE(any_known == !r.empty());
    }
  }
}

TEST_CASE("parse: to_string names every form") {
  REQUIRE(ipsecerr::to_string(form::hresult_from_nt) == "HRESULT_FROM_NT");
  REQUIRE(ipsecerr::to_string(form::bare_hex) == "hex without 0x");
  REQUIRE(ipsecerr::to_string(form::name_suffix) == "name suffix");
}

TEST_CASE("parse: a reading's info() is its code's entry, and nullptr for an unknown code") {
  const auto r = ipsecerr::parse(at_run_time("3646"));
  REQUIRE(r.size() == 2);
  REQUIRE(r[0].info() == nullptr);
  REQUIRE_FALSE(r[0].known());
  REQUIRE(r[1].info() == ipsecerr::find(13894));
  STATIC_REQUIRE(ipsecerr::parse("0x80073646")[0].info() == ipsecerr::find(13894));
  STATIC_REQUIRE(ipsecerr::parse("3646")[0].info() == nullptr);
}

TEST_CASE("parse: short decimal tokens, with leading zeros, read as the long path reads them") {
  // Up to five digits take a shorter path; a sixth digit takes the general one.
  REQUIRE(read("01469") == shown({{1469, form::decimal, true}, {0x1469, form::bare_hex, false}}));
  REQUIRE(read("001469") == shown({{1469, form::decimal, true}, {0x1469, form::bare_hex, false}}));
  REQUIRE(read("03646") == shown({{3646, form::decimal, false}, {13894, form::bare_hex, true}}));
  REQUIRE(read("003646") == shown({{3646, form::decimal, false}, {13894, form::bare_hex, true}}));
  REQUIRE(read("65535").empty());
  REQUIRE(read("65536").empty());
  REQUIRE(read("99999").empty());
  REQUIRE(read("1").empty());
  STATIC_REQUIRE(one("13932", 13932, form::decimal));
  STATIC_REQUIRE(one("01469", 1469, form::decimal) == false);  // two readings
}

TEST_CASE("parse: every suffix of every name finds exactly the names that end with it") {
  // The suffix index is checked against a scan of the table, for each suffix of each name.
  for (const auto& e : ipsecerr::all()) {
    const std::string_view name = e.name;
    for (std::size_t at = 1; at < name.size(); ++at) {
      if (name[at - 1] != '_') continue;
      const std::string_view suffix = name.substr(at);
      CAPTURE(suffix);
      std::vector<std::uint32_t> expected_codes;
      for (const auto& other : ipsecerr::all()) {
        const std::string_view n = other.name;
        if (n.size() > suffix.size() && n[n.size() - suffix.size() - 1] == '_' &&
            n.substr(n.size() - suffix.size()) == suffix) {
          expected_codes.push_back(other.code);
        }
      }
      std::vector<std::uint32_t> got;
      for (const auto& x : ipsecerr::parse(at_run_time(suffix))) {
        REQUIRE(x.form == form::name_suffix);
        got.push_back(x.code);
      }
      REQUIRE(got == expected_codes);
    }
  }
}

// ---- Form ids and sets of forms. ----

namespace {

constexpr bool ids_round_trip() {
  for (std::size_t i = 0; i < ipsecerr::form_count; ++i) {
    const auto f = static_cast<form>(i);
    const std::optional<form> back = ipsecerr::form_from_id(ipsecerr::to_id(f));
    if (!back || *back != f) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("forms: every form has one snake_case id, read back by form_from_id") {
  STATIC_REQUIRE(ids_round_trip());
  STATIC_REQUIRE(ipsecerr::to_id(form::hresult_from_nt) == "hresult_from_nt");
  STATIC_REQUIRE(ipsecerr::to_id(form::bare_hex) == "bare_hex");
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < ipsecerr::form_count; ++i) {
    const std::string_view id = ipsecerr::to_id(static_cast<form>(i));
    for (const char c : id) REQUIRE(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'));
    for (const std::string& other : ids) REQUIRE(other != id);
    ids.emplace_back(id);
  }
  CHECK(ids == std::vector<std::string>{"decimal", "hex", "bare_hex", "hresult", "hresult_decimal",
                                        "hresult_signed", "ntstatus_win32", "ntstatus",
                                        "hresult_from_nt", "event_insert", "name_exact",
                                        "name_case_insensitive", "name_suffix", "ras"});
  CHECK_FALSE(ipsecerr::form_from_id(at_run_time("HRESULT")));
  CHECK_FALSE(ipsecerr::form_from_id(at_run_time(" decimal")));
  CHECK_FALSE(ipsecerr::form_from_id(at_run_time("")));
}

TEST_CASE("forms: form_set holds forms and message texts") {
  using ipsecerr::form_set;
  constexpr form_set h = form_set::hresults();
  STATIC_REQUIRE(h.contains(form::hresult) && h.contains(form::hresult_decimal) &&
                 h.contains(form::hresult_signed) && h.contains(form::hresult_from_nt));
  STATIC_REQUIRE(!h.contains(form::hex) && !h.contains(form::ntstatus) && !h.contains_messages());
  constexpr form_set d = form_set::annotate_default();
  STATIC_REQUIRE(d.contains(form::decimal) && d.contains(form::hex) && d.contains_messages() &&
                 d.contains(form::ras));
  STATIC_REQUIRE(!d.contains(form::bare_hex) && !d.contains(form::event_insert) &&
                 !d.contains(form::name_exact));
  STATIC_REQUIRE((form_set::all() - form_set::messages()).bits() == 0x3FFFu);
  STATIC_REQUIRE(form_set().empty() && !form_set(form::hex).empty());
  STATIC_REQUIRE((form_set(form::hex) | form::decimal) == (form_set(form::decimal) | form::hex));
  STATIC_REQUIRE((form_set::names() & form_set::hresults()).empty());
}

TEST_CASE("forms: parse_form_list reads ids and groups, or says where it failed") {
  using ipsecerr::form_set;
  using ipsecerr::parse_form_list;
  STATIC_REQUIRE(parse_form_list("decimal,hresult").ok());
  STATIC_REQUIRE(parse_form_list("decimal,hresult").forms ==
                 (form_set(form::decimal) | form_set::hresults()));
  STATIC_REQUIRE(
      parse_form_list("hresult,-hresult_decimal,-hresult_signed,-hresult_from_nt").forms ==
      form_set(form::hresult));
  STATIC_REQUIRE(parse_form_list(" message , name_exact ").forms ==
                 (form_set::messages() | form::name_exact));
  STATIC_REQUIRE(parse_form_list("default").forms == form_set::annotate_default());
  STATIC_REQUIRE(parse_form_list("all,-name").forms == (form_set::all() - form_set::names()));
  struct bad {
    std::string_view list;
    std::size_t at;
    std::size_t size;
  };
  for (const bad& b :
       {bad{"", 0, 0}, bad{"decimal,", 8, 0}, bad{"decimal,,hex", 8, 0}, bad{"decimal,hexx", 8, 4},
        bad{"Decimal", 0, 7}, bad{"-", 0, 1}, bad{"hex, rass", 5, 4}, bad{"-bogus", 0, 6}}) {
    const ipsecerr::form_list r = parse_form_list(at_run_time(b.list));
    INFO(b.list);
    CHECK_FALSE(r.ok());
    CHECK(r.error_at == b.at);
    CHECK(r.error_size == b.size);
  }
}
