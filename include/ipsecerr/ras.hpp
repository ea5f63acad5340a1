// SPDX-License-Identifier: MIT
// ipsecerr's RAS codes: the Remote Access (RAS) error codes of IPsec VPN clients (789, 809 ...) as
// their own code space, with their own table, lookups, links, descriptions and phrase readers.
#ifndef IPSECERR_RAS_HPP
#define IPSECERR_RAS_HPP

#include "detail/ascii.hpp"
#include "ipsecerr.hpp"

namespace ipsecerr {
inline namespace v1 {

/// One enumerator per RAS row, valued with its RAS code: `ras_errc::vpn_timeout == 809`. A RAS
/// code is not an errc: as a Win32 code the same number is an unrelated, non-IPsec code.
enum class ras_errc : std::uint32_t {
#define IPSECERR_RAS_ROW(code, name, id, comp, message, hint) id = (code),
#include "detail/ras_errors.def"
#undef IPSECERR_RAS_ROW
};

namespace detail {

#define IPSECERR_RAS_SV(text) std::string_view(text, sizeof(text) - 1)
inline constexpr error_info ras_table[] = {
#define IPSECERR_RAS_ROW(code, name, id, comp, message, hint)               \
  error_info{code,        IPSECERR_RAS_SV(#name), IPSECERR_RAS_SV(message), \
             kind::error, component::comp,        phase::none,              \
             0,           IPSECERR_RAS_SV(hint),  code_space::ras},
#include "detail/ras_errors.def"
#undef IPSECERR_RAS_ROW
};
#undef IPSECERR_RAS_SV
inline constexpr std::size_t ras_table_size = sizeof(ras_table) / sizeof(ras_table[0]);

/// RAS codes are RASBASE (600) + n, up to the last one the Windows SDK defines (878).
inline constexpr std::uint32_t ras_base = 600;
inline constexpr std::uint32_t ras_base_end = 878;

// ---- Lookup by code: a byte index over the table's span of codes (766-870). ----
inline constexpr std::uint32_t ras_first = ras_table[0].code;
inline constexpr std::size_t ras_span = ras_table[ras_table_size - 1].code - ras_first + 1;

struct ras_code_index {
  std::uint8_t slot[ras_span];  // row + 1, or 0 for no row
};
constexpr ras_code_index make_ras_code_index() noexcept {
  ras_code_index index{};
  for (std::size_t i = 0; i < ras_table_size; ++i) {
    index.slot[ras_table[i].code - ras_first] = static_cast<std::uint8_t>(i + 1);
  }
  return index;
}
inline constexpr ras_code_index ras_by_code = make_ras_code_index();

// The row of a plain RAS code, or nullptr.
constexpr const error_info* find_ras_plain(std::uint32_t code) noexcept {
  const std::uint32_t offset = code - ras_first;
  if (offset >= ras_span) return nullptr;
  const std::uint8_t slot = ras_by_code.slot[offset];
  return slot != 0 ? &ras_table[slot - 1] : nullptr;
}

/// Strictly ascending codes within RASBASE..RASBASEEND, none of them an IPsec Win32 code: so a
/// number never has a known Win32 reading and a known RAS reading at once.
constexpr bool ras_rows_valid() noexcept {
  for (std::size_t i = 0; i < ras_table_size; ++i) {
    const std::uint32_t code = ras_table[i].code;
    if (code < ras_base || code > ras_base_end || find_win32(code) != nullptr) return false;
    if (i > 0 && ras_table[i - 1].code >= code) return false;
  }
  return true;
}
static_assert(ras_table_size > 0 && ras_table_size < 255, "ipsecerr: 1 to 254 RAS rows");
static_assert(ras_rows_valid(),
              "ipsecerr: RAS codes must ascend within 600-878 and never be IPsec Win32 codes");

// ---- Links: ras_errors.def's links, each RAS row's in both directions, and the reverse index
// from Win32 rows to the RAS rows that link to them. ----

// The enumeration of the other end of a link, by its space.
#define IPSECERR_RAS_ENUM_ras ras_errc
#define IPSECERR_RAS_ENUM_win32 errc

struct ras_link {
  ras_errc a;        // a RAS row
  code_space space;  // the other end's space
  std::uint32_t b;   // the other end's code
  link_reason reason;
};
inline constexpr ras_link ras_links[] = {
#define IPSECERR_RAS_LINK(id, space, other, reason) \
  ras_link{ras_errc::id, code_space::space,         \
           static_cast<std::uint32_t>(IPSECERR_RAS_ENUM_##space::other), link_reason::reason},
#include "detail/ras_errors.def"
#undef IPSECERR_RAS_LINK
};
#undef IPSECERR_RAS_ENUM_ras
#undef IPSECERR_RAS_ENUM_win32
inline constexpr std::size_t ras_link_count = sizeof(ras_links) / sizeof(ras_links[0]);

/// The most related entries one RAS row may have (RAS and Win32 together), and the most RAS rows
/// one Win32 row may be linked to. Each related_code costs 16 bytes (code, reason, entry pointer)
/// on 64-bit targets, the reverse index 4 more per link; all of it is about 1 KB.
inline constexpr std::size_t max_ras_related = 8;
inline constexpr std::size_t max_ras_per_win32 = 4;

/// Each link joins a row to a later RAS row or to a Win32 row, and is listed once.
constexpr bool ras_links_valid() noexcept {
  for (std::size_t i = 0; i < ras_link_count; ++i) {
    const ras_link& l = ras_links[i];
    const std::uint32_t a = static_cast<std::uint32_t>(l.a);
    if (l.space == code_space::ras ? l.b <= a : find_win32(l.b) == nullptr) return false;
    for (std::size_t k = 0; k < i; ++k) {
      if (ras_links[k].a == l.a && ras_links[k].space == l.space && ras_links[k].b == l.b) {
        return false;
      }
    }
  }
  return true;
}
static_assert(ras_link_count > 0 && 2 * ras_link_count < 65536, "ipsecerr: 16-bit link offsets");
static_assert(ras_links_valid(),
              "ipsecerr: a RAS link joins a row to a later RAS row or to a Win32 row, once");

// Sort key of a related entry: Win32 entries first, then RAS entries, each in code order.
constexpr std::uint64_t entry_key(const error_info& e) noexcept {
  return std::uint64_t{e.space == code_space::ras ? 1u : 0u} << 32 | e.code;
}

template <std::size_t Items>
struct ras_adjacency {
  std::uint16_t first[ras_table_size + 1] = {};  // row i's: items[first[i]] to items[first[i+1]]
  related_code items[Items] = {};
};

// A link to an entry of either space: its code, the reason, and the entry (which has its space).
constexpr related_code link_to(const error_info* e, link_reason reason) noexcept {
  return related_code{e->code, reason, e};
}

// The other end of link l as seen from RAS row `row`, if l touches that row.
constexpr bool other_end(const ras_link& l, std::size_t row, related_code& out) noexcept {
  const std::uint32_t code = ras_table[row].code;
  const std::uint32_t a = static_cast<std::uint32_t>(l.a);
  if (a == code) {
    out = link_to(l.space == code_space::ras ? find_ras_plain(l.b) : find_win32(l.b), l.reason);
    return true;
  }
  if (l.space == code_space::ras && l.b == code) {
    out = link_to(find_ras_plain(a), l.reason);
    return true;
  }
  return false;
}

constexpr std::size_t count_ras_items() noexcept {
  std::size_t n = 0;
  for (const ras_link& l : ras_links) n += l.space == code_space::ras ? 2 : 1;
  return n;
}

// Every RAS row's related entries, sorted by entry_key (an insertion sort per row).
constexpr ras_adjacency<count_ras_items()> make_ras_adjacency() noexcept {
  ras_adjacency<count_ras_items()> adj{};
  std::size_t n = 0;
  for (std::size_t row = 0; row < ras_table_size; ++row) {
    adj.first[row] = static_cast<std::uint16_t>(n);
    for (const ras_link& l : ras_links) {
      related_code r{0, link_reason::same_text, nullptr};
      if (!other_end(l, row, r)) continue;
      std::size_t at = n++;
      for (; at > adj.first[row] && entry_key(*adj.items[at - 1].entry) > entry_key(*r.entry);
           --at) {
        adj.items[at] = adj.items[at - 1];
      }
      adj.items[at] = r;
    }
  }
  adj.first[ras_table_size] = static_cast<std::uint16_t>(n);
  return adj;
}
inline constexpr auto ras_related_index = make_ras_adjacency();

constexpr std::size_t count_win32_links() noexcept {
  std::size_t n = 0;
  for (const ras_link& l : ras_links) n += l.space == code_space::win32 ? 1 : 0;
  return n;
}
inline constexpr std::size_t win32_link_count = count_win32_links();

// The links to Win32 rows by Win32 code: code[k] is the Win32 code, items[k] the RAS row.
struct win32_to_ras {
  std::uint32_t code[win32_link_count] = {};
  related_code items[win32_link_count] = {};
};
constexpr win32_to_ras make_win32_to_ras() noexcept {
  win32_to_ras index{};
  std::size_t n = 0;
  for (const ras_link& l : ras_links) {  // in RAS code order; a stable insertion by Win32 code
    if (l.space != code_space::win32) continue;
    std::size_t at = n++;
    for (; at > 0 && index.code[at - 1] > l.b; --at) {
      index.code[at] = index.code[at - 1];
      index.items[at] = index.items[at - 1];
    }
    index.code[at] = l.b;
    index.items[at] = link_to(find_ras_plain(static_cast<std::uint32_t>(l.a)), l.reason);
  }
  return index;
}
inline constexpr win32_to_ras ras_by_win32 = make_win32_to_ras();

// The RAS links of the Win32 row with this code: [first, last) in ras_by_win32.
struct index_range {
  std::size_t first;
  std::size_t last;
};
constexpr index_range ras_range_of(std::uint32_t win32_code) noexcept {
  std::size_t first = 0;
  while (first < win32_link_count && ras_by_win32.code[first] < win32_code) ++first;
  std::size_t last = first;
  while (last < win32_link_count && ras_by_win32.code[last] == win32_code) ++last;
  return {first, last};
}

/// No RAS row has more than max_ras_related entries; no Win32 row more than max_ras_per_win32.
constexpr bool ras_links_within_capacity() noexcept {
  for (std::size_t row = 0; row < ras_table_size; ++row) {
    const auto size =
        static_cast<std::size_t>(ras_related_index.first[row + 1]) - ras_related_index.first[row];
    if (size > max_ras_related) return false;
  }
  for (const std::uint32_t code : ras_by_win32.code) {
    const index_range r = ras_range_of(code);
    if (r.last - r.first > max_ras_per_win32) return false;
  }
  return true;
}
static_assert(ras_links_within_capacity(),
              "ipsecerr: a RAS code may have at most 8 related entries, a Win32 code 4 RAS ones");

// ---- Reading a token as a RAS code (parse() adds it as form::ras). ----

// Digits in base 10 or 16 as a 32-bit value; ok is false for no digits, another byte or overflow.
struct ras_number {
  std::uint32_t value;
  bool ok;
};
constexpr ras_number read_ras_number(std::string_view digits, std::uint32_t base) noexcept {
  if (digits.empty() || digits.size() > 20) return {0, false};
  std::uint64_t value = 0;
  for (const char c : digits) {
    const std::uint32_t d = char_class.hex_value[static_cast<unsigned char>(c)];
    if (d >= base) return {0, false};
    value = value * base + d;
    if (value > 0xFFFFFFFFu) return {0, false};
  }
  return {static_cast<std::uint32_t>(value), true};
}

// A RAS code or its HRESULT_FROM_WIN32, as a plain RAS code; 0 for anything else.
constexpr std::uint32_t ras_code_or_hresult(std::uint32_t value) noexcept {
  if ((value & 0xFFFF0000u) == 0x80070000u) value &= 0xFFFFu;
  return find_ras_plain(value) != nullptr ? value : 0;
}

// Whether `token` equals `name`, or `name` after `skip` leading characters, in any case.
constexpr bool same_name_any_case(std::string_view token, std::string_view name,
                                  std::size_t skip) noexcept {
  if (token.size() + skip != name.size()) return false;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (to_upper(token[i]) != name[skip + i]) return false;
  }
  return true;
}

}  // namespace detail

/// Every RAS entry, sorted by code: `for (const auto& e : ipsecerr::all_ras()) ...`.
[[nodiscard]] constexpr view<error_info> all_ras() noexcept {
  return {detail::ras_table, detail::ras_table + detail::ras_table_size};
}

/// The entry for a RAS code, also given as HRESULT_FROM_WIN32 (0x80070329); nullptr if it is not
/// a RAS code of IPsec VPNs: `find_ras(809)->name`. find(809) is nullptr: 809 as a Win32 code is
/// another, unrelated code.
[[nodiscard]] constexpr const error_info* find_ras(std::uint32_t code) noexcept {
  if ((code & 0xFFFF0000u) == 0x80070000u) code &= 0xFFFFu;
  return detail::find_ras_plain(code);
}

/// The entry for a ras_errc enumerator (never nullptr for a named enumerator).
[[nodiscard]] constexpr const error_info* find_ras(ras_errc code) noexcept {
  return detail::find_ras_plain(static_cast<std::uint32_t>(code));
}

/// The RAS entry for an exact raserror.h name, or nullptr: `find_ras_name("ERROR_VPN_TIMEOUT")`.
/// find_name() knows only Win32 names; no RAS name is a Win32 name.
[[nodiscard]] constexpr const error_info* find_ras_name(std::string_view name) noexcept {
  for (const error_info& e : detail::ras_table) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

/// The code of a RAS name: ras_code_of("ERROR_VPN_TIMEOUT") == 809. An unknown name is a compile
/// error in a constant expression, and throws ipsecerr::bad_name at run time.
[[nodiscard]] constexpr std::uint32_t ras_code_of(std::string_view name) {
  const error_info* e = find_ras_name(name);
  if (e == nullptr) detail::not_a_known_ipsec_error_name();
  return e->code;
}

/// The ras_errc enumerator of a RAS entry (e.space must be code_space::ras).
[[nodiscard]] constexpr ras_errc to_ras_errc(const error_info& e) noexcept {
  return static_cast<ras_errc>(e.code);
}

/// The related entries of a RAS code (also HRESULT_FROM_WIN32), Win32 ones first, each in code
/// order; empty for an unknown code. Each carries its space:
/// `for (auto r : ras_related(809)) r.info()->space, r.code, r.reason`.
[[nodiscard]] constexpr view<related_code> ras_related(std::uint32_t code) noexcept {
  const error_info* e = find_ras(code);
  if (e == nullptr) return {};
  const auto row = static_cast<std::size_t>(e - detail::ras_table);
  const related_code* items = detail::ras_related_index.items;
  return {items + detail::ras_related_index.first[row],
          items + detail::ras_related_index.first[row + 1]};
}

/// The related entries of a ras_errc enumerator.
[[nodiscard]] constexpr view<related_code> related(ras_errc code) noexcept {
  return ras_related(static_cast<std::uint32_t>(code));
}

/// The RAS entries linked to a Win32 code (the forms find() takes), in RAS code order; the other
/// direction of ras_related(): related_ras(13801) = {787, 811, 835}. related() stays Win32 only.
[[nodiscard]] constexpr view<related_code> related_ras(std::uint32_t win32_code) noexcept {
  const error_info* e = find(win32_code);
  if (e == nullptr) return {};
  const detail::index_range r = detail::ras_range_of(e->code);
  return {detail::ras_by_win32.items + r.first, detail::ras_by_win32.items + r.last};
}

/// The RAS entries linked to an errc enumerator.
[[nodiscard]] constexpr view<related_code> related_ras(errc code) noexcept {
  return related_ras(static_cast<std::uint32_t>(code));
}

/// Describes a RAS code (also HRESULT_FROM_WIN32): `std::cout << describe_ras(809)` prints
/// "ERROR_VPN_TIMEOUT (RAS 809): The network connection ...", and its long form lists the related
/// entries of both spaces. An unknown code: "unknown RAS error code 999 (0x3E7)".
[[nodiscard]] constexpr description describe_ras(std::uint32_t code) noexcept {
  return description(code, find_ras(code), code_space::ras, ras_related(code));
}

/// Describes a ras_errc enumerator.
[[nodiscard]] constexpr description describe_ras(ras_errc code) noexcept {
  return describe_ras(static_cast<std::uint32_t>(code));
}

/// Describes an entry of either space: describe(e.code) or describe_ras(e.code).
[[nodiscard]] constexpr description describe_entry(const error_info& e) noexcept {
  return e.space == code_space::ras ? describe_ras(e.code) : describe(e.code);
}

/// Prints a ras_errc enumerator as describe_ras(code) does.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, ras_errc code) {
  return os << describe_ras(code);
}

namespace detail {

/// The RAS code a whole token denotes, or 0: a RAS code in decimal or 0x hex, its
/// HRESULT_FROM_WIN32 (0x80070329, 2147943209, -2147024087), a raserror.h name in any case, or
/// that name without ERROR_ (vpn_timeout, OAKLEY_AUTH_FAIL). A shorter name suffix is never read
/// as RAS: `auth_fail` stays 13801 only.
constexpr std::uint32_t ras_token_code(std::string_view t) noexcept {
  if (t.empty()) return 0;
  const char first = t.front();
  if (first >= '0' && first <= '9') {
    if (t.size() > 2 && first == '0' && (t[1] == 'x' || t[1] == 'X')) {
      const ras_number n = read_ras_number(t.substr(2), 16);
      return n.ok ? ras_code_or_hresult(n.value) : 0;
    }
    const ras_number n = read_ras_number(t, 10);
    return n.ok ? ras_code_or_hresult(n.value) : 0;
  }
  if (first == '-') {
    const ras_number n = read_ras_number(t.substr(1), 10);
    if (!n.ok || n.value == 0 || n.value > 0x80000000u) return 0;
    const std::uint32_t v = 0u - n.value;
    return (v & 0xFFFF0000u) == 0x80070000u ? ras_code_or_hresult(v) : 0;
  }
  for (const error_info& e : ras_table) {
    if (same_name_any_case(t, e.name, 0) || same_name_any_case(t, e.name, 6)) return e.code;
  }
  return 0;
}

// ---- Phrases that name the RAS space. ----

// Whether `text` at `at` holds `word` in any case (word is lower case).
constexpr bool word_at(std::string_view text, std::size_t at, std::string_view word) noexcept {
  if (at > text.size() || text.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (to_lower(text[at + i]) != word[i]) return false;
  }
  return true;
}

// The same, as a whole word: no word byte right before or after it.
constexpr bool whole_word_at(std::string_view text, std::size_t at,
                             std::string_view word) noexcept {
  return word_at(text, at, word) && (at == 0 || !is_word_byte(text[at - 1])) &&
         (at + word.size() == text.size() || !is_word_byte(text[at + word.size()]));
}

constexpr std::size_t skip_blanks(std::string_view text, std::size_t at) noexcept {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  return at;
}

// The end of a run of 1 to 10 digits at `at` that no word byte follows, or 0.
constexpr std::size_t number_end(std::string_view text, std::size_t at) noexcept {
  std::size_t end = at;
  while (end < text.size() && end - at <= 10 && text[end] >= '0' && text[end] <= '9') ++end;
  if (end == at || end - at > 10 || (end < text.size() && is_word_byte(text[end]))) return 0;
  return end;
}

}  // namespace detail

/// A code that a phrase names together with its space (find_ras_phrase()).
struct phrase_match {
  std::uint32_t code = 0;              ///< the number in the phrase: 809
  code_space space = code_space::ras;  ///< the space the phrase gives it
  std::size_t first = 0;               ///< where the phrase begins in the text
  std::size_t number = 0;              ///< where the number begins
  std::size_t last = 0;                ///< one past the number's last digit; 0: no phrase

  /// Whether a phrase was found.
  [[nodiscard]] constexpr bool found() const noexcept { return last != 0; }
  [[nodiscard]] constexpr explicit operator bool() const noexcept { return found(); }
  /// The entry: find_ras(code) or find(code) by space; nullptr when the code is not in its table.
  [[nodiscard]] constexpr const error_info* info() const noexcept {
    return space == code_space::ras ? find_ras(code) : find(code);
  }
};

/// The first phrase at or after `from` that names a code's space, in any case:
///  - `RAS 809`, `RAS error 809`, `RAS error code 809`, `RAS error: 809`: a RAS code;
///  - RasClient's sentence (event 20227) `The error code returned on failure is 809.`: a number
///    of the RAS table reads as RAS, a Win32 IPsec code as Win32 (IKEv2 clients write 13801
///    there), any other number as RAS within 600-878 and as Win32 otherwise.
/// "RAS" is a whole word (not `RasClient`), and the number is 1 to 10 digits not followed by a
/// letter, digit or '_'. A phrase whose number is not in its table still matches (info() is then
/// nullptr). Allocation-free, O(size of text).
[[nodiscard]] constexpr phrase_match find_ras_phrase(std::string_view text,
                                                     std::size_t from = 0) noexcept {
  constexpr std::string_view sentence = "error code returned on failure is";
  for (std::size_t at = from; at < text.size(); ++at) {
    const char c = detail::to_lower(text[at]);
    std::size_t p = 0;
    bool ras = true;
    if (c == 'r' && detail::whole_word_at(text, at, "ras")) {
      p = detail::skip_blanks(text, at + 3);
      if (detail::whole_word_at(text, p, "error")) {
        p = detail::skip_blanks(text, p + 5);
        if (detail::whole_word_at(text, p, "code")) p = detail::skip_blanks(text, p + 4);
      }
      if (p < text.size() && (text[p] == ':' || text[p] == '#'))
        p = detail::skip_blanks(text, p + 1);
      if (p == at + 3) continue;  // "RAS" must be followed by a blank, ':' or '#'
    } else if (c == 'e' && detail::whole_word_at(text, at, "error") &&
               detail::word_at(text, at, sentence)) {
      p = detail::skip_blanks(text, at + sentence.size());
      if (p == at + sentence.size()) continue;
      ras = false;
    } else {
      continue;
    }
    const std::size_t end = detail::number_end(text, p);
    if (end == 0) continue;
    const detail::ras_number n = detail::read_ras_number(text.substr(p, end - p), 10);
    if (!n.ok) continue;
    phrase_match m;
    m.code = n.value;
    m.first = at;
    m.number = p;
    m.last = end;
    if (!ras) {
      const bool in_ras = find_ras(n.value) != nullptr;
      const bool in_win32 = !in_ras && find(n.value) != nullptr;
      ras = in_ras || (!in_win32 && n.value >= detail::ras_base && n.value <= detail::ras_base_end);
    }
    m.space = ras ? code_space::ras : code_space::win32;
    return m;
  }
  return {};
}

/// A phrase that is the whole text (surrounding whitespace and one final '.' allowed):
/// read_ras_phrase("RAS error 809") names RAS code 809; nothing found for other texts.
[[nodiscard]] constexpr phrase_match read_ras_phrase(std::string_view text) noexcept {
  std::size_t first = 0;
  std::size_t last = text.size();
  while (first < last && detail::is_space(text[first])) ++first;
  while (last > first && detail::is_space(text[last - 1])) --last;
  if (last > first && text[last - 1] == '.') --last;
  const phrase_match m = find_ras_phrase(text.substr(0, last), first);
  const bool whole = m.found() && m.last == last &&
                     (m.first == first || (detail::word_at(text, first, "the ") &&
                                           detail::skip_blanks(text, first + 4) == m.first));
  return whole ? m : phrase_match{};
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_RAS_HPP
