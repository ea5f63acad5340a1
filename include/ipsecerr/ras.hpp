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

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#include "detail/ras_links.hpp"

namespace ipsecerr {
inline namespace v1 {

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

}  // namespace v1
}  // namespace ipsecerr

#include "detail/ras_phrase.hpp"

namespace ipsecerr {
inline namespace v1 {

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
  return detail::next_ras_phrase(text, from);
}

/// The first RAS code at or after `from` that the text names as one, by the rule of
/// `ipsecerr --annotate` (form::ras) and of the tool's lookup: a phrase of find_ras_phrase() that
/// gives the RAS space (`RAS error 809`; RasClient's sentence with a number of the RAS table), or
/// `error 809` / `Error 789:` (the word error in any case, blanks, and a three-digit number of the
/// RAS table) on a line about a VPN connection: the line holds, within 90 bytes before the word
/// error or 400 bytes after the number, one of the whole words VPN, L2TP, IPsec, IKE, IKEv2,
/// RasClient (any case) or the phrase "dialed a connection" (`VPN error 809`, `Error 789: The
/// L2TP connection attempt failed ...`). Never a bare number, never `error 766` on a line about
/// something else. Only codes of the RAS table: info() is never nullptr when found(); `first` is
/// the phrase's first word. Allocation-free.
[[nodiscard]] constexpr phrase_match find_ras_code(std::string_view text,
                                                   std::size_t from = 0) noexcept {
  const detail::ras_hit r = detail::next_ras_code(text, from);
  if (r.entry == nullptr) return {};
  phrase_match m;
  m.code = r.entry->code;
  m.first = r.first;
  m.number = r.number;
  m.last = r.end;
  return m;
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
