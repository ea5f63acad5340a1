// SPDX-License-Identifier: MIT
// ipsecerr internals: reading RAS codes from text: a whole token (for parse()) and the phrases that
// name the space (`RAS error 809`, RasClient's sentence). Included by ras.hpp only.
#ifndef IPSECERR_DETAIL_RAS_PHRASE_HPP
#define IPSECERR_DETAIL_RAS_PHRASE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ascii.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// Digits in base 10 or 16 as a 32-bit value, as read_number() reads them, but no more than 20
// bytes in all (leading zeros included): ok is false for no digits, another byte, overflow or a
// longer run.
constexpr number read_ras_number(std::string_view digits, std::uint32_t base) noexcept {
  return digits.size() > 20 ? number{} : read_number(digits, base);
}

// A RAS code or its HRESULT_FROM_WIN32, as a plain RAS code; 0 for anything else.
constexpr std::uint32_t ras_code_or_hresult(std::uint32_t value) noexcept {
  if ((value & 0xFFFF0000u) == 0x80070000u) value &= 0xFFFFu;
  return find_ras_plain(value) != nullptr ? value : 0;
}

// Whether `token` equals `name`, or `name` after `skip` leading characters, in any case.
constexpr bool same_name_any_case(std::string_view token, std::string_view name,
                                  std::size_t skip) noexcept {
  return skip <= name.size() && equal_folded(token, name.substr(skip));
}

/// The RAS code a whole token denotes, or 0: a RAS code in decimal or 0x hex, its
/// HRESULT_FROM_WIN32 (0x80070329, 2147943209, -2147024087), a raserror.h name in any case, or
/// that name without ERROR_ (vpn_timeout, OAKLEY_AUTH_FAIL). A shorter name suffix is never read
/// as RAS: `auth_fail` stays 13801 only.
constexpr std::uint32_t ras_token_code(std::string_view t) noexcept {
  if (t.empty()) return 0;
  const char first = t.front();
  if (first >= '0' && first <= '9') {
    if (t.size() > 2 && first == '0' && (t[1] == 'x' || t[1] == 'X')) {
      const number n = read_ras_number(t.substr(2), 16);
      return n.ok ? ras_code_or_hresult(n.value) : 0;
    }
    const number n = read_ras_number(t, 10);
    return n.ok ? ras_code_or_hresult(n.value) : 0;
  }
  if (first == '-') {
    const number n = read_ras_number(t.substr(1), 10);
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
  return at <= text.size() && equal_folded(text.substr(at, word.size()), word);
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

// The phrase that begins at text[at], if one does (found() is false otherwise).
constexpr phrase_match ras_phrase_at(std::string_view text, std::size_t at) noexcept {
  constexpr std::string_view sentence = "error code returned on failure is";
  if (at >= text.size()) return {};
  const char c = detail::to_lower(text[at]);
  std::size_t p = 0;
  bool ras = true;
  if (c == 'r' && detail::whole_word_at(text, at, "ras")) {
    p = detail::skip_blanks(text, at + 3);
    if (detail::whole_word_at(text, p, "error")) {
      p = detail::skip_blanks(text, p + 5);
      if (detail::whole_word_at(text, p, "code")) p = detail::skip_blanks(text, p + 4);
    }
    if (p < text.size() && (text[p] == ':' || text[p] == '#')) p = detail::skip_blanks(text, p + 1);
    if (p == at + 3) return {};  // "RAS" must be followed by a blank, ':' or '#'
  } else if (c == 'e' && detail::whole_word_at(text, at, "error") &&
             detail::word_at(text, at, sentence)) {
    p = detail::skip_blanks(text, at + sentence.size());
    if (p == at + sentence.size()) return {};
    ras = false;
  } else {
    return {};
  }
  const std::size_t end = detail::number_end(text, p);
  if (end == 0) return {};
  const detail::number n = detail::read_ras_number(text.substr(p, end - p), 10);
  if (!n.ok) return {};
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

// find_ras_phrase()'s scan: the first phrase at or after `from`.
constexpr phrase_match next_ras_phrase(std::string_view text, std::size_t from) noexcept {
  for (std::size_t at = from; at < text.size(); ++at) {
    const phrase_match m = ras_phrase_at(text, at);
    if (m.found()) return m;
  }
  return {};
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_RAS_PHRASE_HPP
