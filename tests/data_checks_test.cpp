// SPDX-License-Identifier: MIT
// The checks on the table's editorial text and links (detail/checks.hpp): asserted here on the
// real table, so that a bad row or link fails this test's build, and each shown to reject
// broken data. The invariants that the lookups rely on are asserted by the headers themselves.
#include <catch2/catch.hpp>
#include <cstdint>
#include <ipsecerr/detail/checks.hpp>
#include <ipsecerr/ipsecerr.hpp>

namespace d = ipsecerr::detail;
using ipsecerr::component;
using ipsecerr::errc;
using ipsecerr::error_info;
using ipsecerr::kind;
using ipsecerr::link_reason;
using ipsecerr::phase;
using ipsecerr::related_code;

// ---- The real table: each a build failure here, named by its message. ----
static_assert(sizeof(d::ids) / sizeof(d::ids[0]) == d::table_size, "ipsecerr: one errc id per row");
static_assert(d::names_well_formed(d::table, d::table_size),
              "ipsecerr: every name must be ERROR_, WARNING_ or WSA_ followed by UPPER_SNAKE_CASE");
static_assert(d::messages_clean(d::table, d::table_size),
              "ipsecerr: every message must be non-empty printable ASCII without outer spaces");
static_assert(d::ids_match_names(d::ids, d::table, d::table_size),
              "ipsecerr: every errc id must be its name in lower case without the prefix");
static_assert(
    d::kinds_consistent(d::table, d::table_size),
    "ipsecerr: warnings are exactly the WARNING_ rows; markers' messages are their names");
static_assert(d::hints_clean(d::table, d::table_size),
              "ipsecerr: every hint must be non-empty printable ASCII of at most 240 characters");
static_assert(d::hints_differ_from_messages(d::table, d::table_size),
              "ipsecerr: a hint must not repeat its message");
static_assert(d::marker_hints_say_so(d::table, d::table_size),
              "ipsecerr: exactly the markers' hints must begin \"Range marker\"");
static_assert(d::links_resolve(d::links, d::link_count, d::table, d::table_size),
              "ipsecerr: every link must join two rows of the table");
static_assert(d::related_resolve(d::table, d::table_size, d::related_links<>::index.first,
                                 d::related_links<>::index.items),
              "ipsecerr: every related code must be a row");
static_assert(d::related_not_self(d::table, d::table_size, d::related_links<>::index.first,
                                  d::related_links<>::index.items),
              "ipsecerr: no code may be related to itself");
static_assert(d::related_unique(d::table_size, d::related_links<>::index.first,
                                d::related_links<>::index.items),
              "ipsecerr: a code may list each related code once");
static_assert(d::related_symmetric(d::table, d::table_size, d::related_links<>::index.first,
                                   d::related_links<>::index.items),
              "ipsecerr: every link must hold in both directions with the same reason");
static_assert(d::errors_linked_except(d::table, d::table_size, d::related_links<>::index.first,
                                      d::unlinked_errors,
                                      sizeof(d::unlinked_errors) / sizeof(d::unlinked_errors[0])),
              "ipsecerr: every error needs a related code, except those in unlinked_errors");

// ---- Each check rejects broken data. ----

namespace {

// Four related codes: a copy of `items` with item k replaced.
struct four_items {
  ipsecerr::related_code item[4];
};
constexpr four_items with_item(const ipsecerr::related_code (&items)[4], std::size_t k,
                               ipsecerr::related_code r) noexcept {
  four_items x{{items[0], items[1], items[2], items[3]}};
  x.item[k] = r;
  return x;
}

}  // namespace

TEST_CASE("invariants: each check rejects a broken table") {
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

TEST_CASE("invariants: each meaning check rejects broken data") {
  // Hints.
  constexpr error_info good[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                  component::policy_store, phase::none, 0, "Hint."},
                                 {13800, "ERROR_IPSEC_C", "ERROR_IPSEC_C", kind::marker,
                                  component::ike, phase::none, 0, "Range marker, not an error."}};
  STATIC_REQUIRE(d::hints_clean(good, 2));
  STATIC_REQUIRE(d::hints_differ_from_messages(good, 2));
  STATIC_REQUIRE(d::marker_hints_say_so(good, 2));
  constexpr error_info no_hint[] = {
      {13000, "ERROR_IPSEC_A", "Text.", kind::error, component::policy_store, phase::none, 0, ""}};
  constexpr error_info hint_is_message[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                             component::policy_store, phase::none, 0, "Text."}};
  constexpr error_info marker_unsaid[] = {{13800, "ERROR_IPSEC_C", "ERROR_IPSEC_C", kind::marker,
                                           component::ike, phase::none, 0, "Opens a range."}};
  constexpr error_info error_says_marker[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                               component::policy_store, phase::none, 0,
                                               "Range marker."}};
  constexpr error_info non_ascii[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                       component::policy_store, phase::none, 0, "Caf\xC3\xA9."}};
  static constexpr char long_hint[] =
      "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
      "1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901"
      "23456789012345678901234567890123456789012345678901234567890";  // 241 characters
  constexpr error_info too_long[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                      component::policy_store, phase::none, 0, long_hint}};
  STATIC_REQUIRE(sizeof(long_hint) - 1 == 241);
  STATIC_REQUIRE_FALSE(d::hints_clean(no_hint, 1));
  STATIC_REQUIRE_FALSE(d::hints_clean(non_ascii, 1));
  STATIC_REQUIRE_FALSE(d::hints_clean(too_long, 1));
  STATIC_REQUIRE_FALSE(d::hints_differ_from_messages(hint_is_message, 1));
  STATIC_REQUIRE_FALSE(d::marker_hints_say_so(marker_unsaid, 1));
  STATIC_REQUIRE_FALSE(d::marker_hints_say_so(error_says_marker, 1));

  // Links as written in related.def.
  constexpr d::link sorted[] = {
      {errc::qm_policy_exists, errc::qm_policy_not_found, link_reason::same_object},
      {errc::qm_policy_exists, errc::qm_policy_in_use, link_reason::same_object}};
  constexpr d::link self[] = {
      {errc::qm_policy_exists, errc::qm_policy_exists, link_reason::same_object}};
  constexpr d::link reversed[] = {
      {errc::qm_policy_not_found, errc::qm_policy_exists, link_reason::same_object}};
  constexpr d::link twice[] = {sorted[0], sorted[0]};
  constexpr d::link unsorted[] = {sorted[1], sorted[0]};
  STATIC_REQUIRE(d::links_canonical(sorted, 2));
  STATIC_REQUIRE_FALSE(d::links_canonical(self, 1));
  STATIC_REQUIRE_FALSE(d::links_canonical(reversed, 1));
  STATIC_REQUIRE_FALSE(d::links_canonical(twice, 2));
  STATIC_REQUIRE_FALSE(d::links_canonical(unsorted, 2));

  static constexpr error_info rows[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                         component::policy_store, phase::none, 0, "Hint a."},
                                        {13001, "ERROR_IPSEC_B", "Text.", kind::error,
                                         component::policy_store, phase::none, 0, "Hint b."},
                                        {13002, "ERROR_IPSEC_C", "Text.", kind::error,
                                         component::policy_store, phase::none, 0, "Hint c."}};
  STATIC_REQUIRE(d::links_resolve(sorted, 2, rows, 3));
  STATIC_REQUIRE_FALSE(d::links_resolve(sorted, 2, rows, 2));  // 13002 is not a row there

  // The materialised adjacency of `sorted` over `rows`: 13000 -> {13001, 13002}, each back.
  constexpr auto adj = d::make_adjacency(rows, sorted);
  STATIC_REQUIRE(adj.first[0] == 0);
  STATIC_REQUIRE(adj.first[1] == 2);
  STATIC_REQUIRE(adj.first[2] == 3);
  STATIC_REQUIRE(adj.first[3] == 4);
  STATIC_REQUIRE(adj.items[0].code == 13001);
  STATIC_REQUIRE(adj.items[1].code == 13002);
  STATIC_REQUIRE(adj.items[2].code == 13000);
  STATIC_REQUIRE(adj.items[3].code == 13000);
  STATIC_REQUIRE(d::related_resolve(rows, 3, adj.first, adj.items));
  STATIC_REQUIRE(d::related_not_self(rows, 3, adj.first, adj.items));
  STATIC_REQUIRE(d::related_unique(3, adj.first, adj.items));
  STATIC_REQUIRE(d::related_within_capacity(3, adj.first));
  STATIC_REQUIRE(d::related_symmetric(rows, 3, adj.first, adj.items));

  // Hand-made broken adjacencies over the same rows: adj's items with one item replaced.
  constexpr std::uint16_t first[] = {0, 2, 3, 4};
  constexpr auto same = link_reason::same_object;
  constexpr auto one_way = with_item(adj.items, 3, {13001, same});  // 13002 -> 13001 only
  constexpr auto other_reason = with_item(adj.items, 3, {13000, link_reason::counterpart});
  constexpr auto to_self = with_item(adj.items, 0, {13000, same});
  constexpr auto repeated = with_item(adj.items, 1, {13001, link_reason::counterpart});
  constexpr auto dangling = with_item(adj.items, 1, {13999, same});
  STATIC_REQUIRE_FALSE(d::related_symmetric(rows, 3, first, one_way.item));
  STATIC_REQUIRE_FALSE(d::related_symmetric(rows, 3, first, other_reason.item));
  STATIC_REQUIRE_FALSE(d::related_not_self(rows, 3, first, to_self.item));
  STATIC_REQUIRE_FALSE(d::related_unique(3, first, repeated.item));
  STATIC_REQUIRE_FALSE(d::related_resolve(rows, 3, first, dangling.item));
  constexpr std::uint16_t nine[] = {0, 9, 9, 9};
  STATIC_REQUIRE_FALSE(d::related_within_capacity(3, nine));

  // Every error linked, except a list that must stay exact.
  constexpr std::uint16_t c_alone[] = {0, 1, 2, 2};  // 13000 <-> 13001; 13002 has none
  constexpr errc none[] = {errc::qm_policy_exists};  // placeholder, used with a count of 0
  constexpr errc c_listed[] = {errc::qm_policy_in_use};
  constexpr errc a_listed[] = {errc::qm_policy_exists};
  constexpr errc unknown_listed[] = {errc::qm_policy_in_use, errc::mm_policy_exists};
  STATIC_REQUIRE(d::errors_linked_except(rows, 3, adj.first, none, 0));
  STATIC_REQUIRE_FALSE(d::errors_linked_except(rows, 3, c_alone, none, 0));
  STATIC_REQUIRE(d::errors_linked_except(rows, 3, c_alone, c_listed, 1));
  STATIC_REQUIRE_FALSE(d::errors_linked_except(rows, 3, c_alone, a_listed, 1));  // 13000 has one
  STATIC_REQUIRE_FALSE(d::errors_linked_except(rows, 3, c_alone, unknown_listed, 2));
}

TEST_CASE("invariants: the link count of the index catches a link to a code that is no row") {
  static constexpr error_info rows[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                         component::policy_store, phase::none, 0, "Hint a."},
                                        {13001, "ERROR_IPSEC_B", "Text.", kind::error,
                                         component::policy_store, phase::none, 0, "Hint b."}};
  constexpr d::link inside[] = {
      {errc::qm_policy_exists, errc::qm_policy_not_found, link_reason::same_object}};
  constexpr d::link outside[] = {
      {errc::qm_policy_exists, errc::qm_policy_not_found, link_reason::same_object},
      {errc::qm_policy_exists, errc::qm_policy_in_use, link_reason::same_object}};  // 13002
  constexpr auto good = d::make_adjacency(rows, inside);
  constexpr auto bad = d::make_adjacency(rows, outside);
  STATIC_REQUIRE(good.first[2] == 2 * 1);
  STATIC_REQUIRE(bad.first[2] != 2 * 2);
  STATIC_REQUIRE(good.items[0].info() == &rows[1]);
  STATIC_REQUIRE(good.items[1].info() == &rows[0]);
}

TEST_CASE("ascii: every byte's classes and hex value, against their definitions") {
  for (int i = 0; i < 256; ++i) {
    CAPTURE(i);
    const bool digit = i >= '0' && i <= '9';
    const bool lower = i >= 'a' && i <= 'z';
    const bool upper = i >= 'A' && i <= 'Z';
    const bool hex = digit || (i >= 'a' && i <= 'f') || (i >= 'A' && i <= 'F');
    std::uint8_t k = 0;
    k |= digit ? d::digit_char : 0;
    k |= hex ? d::hex_char : 0;
    k |= digit || lower || upper || i == '_' ? d::name_char : 0;
    k |= lower ? d::lower_char : 0;
    k |= upper ? d::upper_char : 0;
    k |= digit || lower || upper ? d::alnum_char : 0;
    k |= i >= 0x20 && i <= 0x7E ? d::printable_char : 0;
    const int v = digit ? i - '0' : hex ? (i | 0x20) - 'a' + 10 : 16;
    REQUIRE(static_cast<int>(d::char_class.of[i]) == static_cast<int>(k));
    REQUIRE(static_cast<int>(d::char_class.hex_value[i]) == v);
    REQUIRE(d::class_of(static_cast<char>(i)) == k);
  }
  STATIC_REQUIRE(d::equal_folded("Policy_Store", "policy_STORE"));
  STATIC_REQUIRE_FALSE(d::equal_folded("policy_store", "policy_stor"));
  STATIC_REQUIRE_FALSE(
      d::equal_folded("a[", "A{"));  // '[' and '{' differ by 0x20 but are no letters
}
