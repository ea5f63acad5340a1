// SPDX-License-Identifier: MIT
// ipsecerr::keywords(): the words admins use for a code where Windows names it otherwise
// (ipsecerr's own words, each backed by a public source in detail/keywords.def), for search.
#ifndef IPSECERR_KEYWORDS_HPP
#define IPSECERR_KEYWORDS_HPP

#include "detail/ascii.hpp"
#include "ipsecerr.hpp"

namespace ipsecerr {
inline namespace v1 {

namespace detail {

struct keyword_row {
  code_space space;
  std::uint32_t code;
  std::string_view words;
};

inline constexpr keyword_row keyword_rows[] = {
#define IPSECERR_KEYWORDS(space, code, words) {code_space::space, code, words},
#include "detail/keywords.def"
#undef IPSECERR_KEYWORDS
};

// Win32 rows, then RAS rows, each sorted by code; a Win32 row's code is in the table (a RAS row's
// is checked by ras_keywords_known() in search.hpp, which includes ras.hpp); printable, no empty
// keyword, no outer spaces.
constexpr bool keywords_well_formed() noexcept {
  std::uint64_t previous = 0;
  for (const keyword_row& k : keyword_rows) {
    const std::uint64_t key = std::uint64_t{k.space == code_space::ras ? 1u : 0u} << 32 | k.code;
    if (key <= previous || (k.space == code_space::win32 && find_win32(k.code) == nullptr)) {
      return false;
    }
    previous = key;
    const std::string_view w = k.words;
    if (w.empty() || w.front() == ' ' || w.back() == ' ' || w.back() == ',') return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (w[i] < 0x20 || w[i] > 0x7E) return false;
      if (w[i] == ',' && (i + 1 == w.size() || w[i + 1] != ' ' || i == 0 || w[i - 1] == ' ')) {
        return false;
      }
    }
  }
  return true;
}
static_assert(keywords_well_formed(),
              "ipsecerr: keywords.def rows must be sorted, known codes, \"a, b\" printable text");

inline constexpr std::size_t keyword_row_count = sizeof(keyword_rows) / sizeof(keyword_rows[0]);
static_assert(keyword_row_count < 255, "ipsecerr: the keyword index keeps rows in a byte");

// Each table row's keyword row + 1, or 0 for none.
struct keyword_index {
  std::uint8_t of[table_size];
};
constexpr keyword_index make_keyword_index() noexcept {
  keyword_index index{};
  for (std::size_t k = 0; k < keyword_row_count; ++k) {
    if (keyword_rows[k].space != code_space::win32) continue;
    const error_info* e = find_win32(keyword_rows[k].code);
    if (e != nullptr) index.of[e - table] = static_cast<std::uint8_t>(k + 1);
  }
  return index;
}
inline constexpr keyword_index keywords_by_row = make_keyword_index();

}  // namespace detail

/// The keywords of an entry of either table (Win32 or RAS), separated by ", ", or "" if it has
/// none: `keywords(*find(13868)) == "policy mismatch, no proposal chosen, no matching proposal"`,
/// `keywords(*find_ras(809))` (ras.hpp) == "IKEv2 fragmentation, IP fragments, NAT-T".
[[nodiscard]] constexpr std::string_view keywords(const error_info& e) noexcept {
  if (e.space != code_space::win32) {
    for (const detail::keyword_row& k : detail::keyword_rows) {
      if (k.space == e.space && k.code == e.code) return k.words;
    }
    return {};
  }
  const error_info* row = detail::find_win32(e.code);
  if (row == nullptr) return {};
  const std::size_t k = detail::keywords_by_row.of[row - detail::table];
  if (k == 0) return {};
  return detail::keyword_rows[k - 1].words;
}

/// The keywords of a Win32 code (also HRESULT / NTSTATUS wrapped), or "" if it has none. For a RAS
/// code, keywords(*find_ras(code)).
[[nodiscard]] constexpr std::string_view keywords(std::uint32_t code) noexcept {
  const error_info* e = find(code);
  if (e == nullptr) return {};
  return keywords(*e);
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_KEYWORDS_HPP
