// SPDX-License-Identifier: MIT
// ipsecerr internals: reading RAS codes from text: a whole token (for parse()), the phrases that
// name the space (`RAS error 809`, RasClient's sentence) and `error 809` on a line about a VPN
// connection (find_ras_code(), the annotator). Included by ras.hpp only.
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

// ---- RAS codes where the line says it is one (find_ras_code(), the annotator). ----

// A RAS code found in a text: the entry, where its phrase and its number begin and where it ends
// (the place for the name).
struct ras_hit {
  const error_info* entry = nullptr;
  std::size_t first = 0;
  std::size_t number = 0;
  std::size_t end = 0;
};

// Whether the line of text[at] holds, between `from` and `to`, a word that says it is about a
// VPN connection: VPN, L2TP, IPsec, IKE, IKEv2, RasClient (any case, whole words), or the
// RasClient phrase "dialed a connection". The line ends the search both ways.
constexpr bool vpn_context(std::string_view text, std::size_t at, std::size_t from,
                           std::size_t to) noexcept {
  std::size_t b = at;
  while (b > from && text[b - 1] != '\n') --b;
  std::size_t e = at;
  while (e < to && text[e] != '\n') ++e;
  for (std::size_t k = b; k < e; ++k) {
    if (k > b && is_alnum_byte(text[k - 1])) continue;
    for (const std::string_view w :
         {"vpn", "l2tp", "ipsec", "ike", "ikev2", "rasclient", "dialed a connection"}) {
      if (k + w.size() <= e && whole_word_at(text.substr(0, e), k, w)) return true;
    }
  }
  return false;
}

// How far around `error 809` ras_at() looks for the words that say the line is about a VPN.
inline constexpr std::size_t ras_context_before = 90;
inline constexpr std::size_t ras_context_after = 400;

// The RAS code named at the word text[s, w): `RAS 809`, `RAS error 809`, `RAS error code: 809`
// and RasClient's sentence `The error code returned on failure is 809.` (ras_phrase_at(),
// where only a RAS reading counts: 13801 there is an IPsec Win32 code, annotated as a token);
// or `error 809` / `Error 789:` when the line says it is about a VPN connection (vpn_context()
// within `before` bytes before the phrase and `after` bytes after it). The code must be in the
// RAS table. The text must hold the bytes that decide: `after` + 64 bytes after s, or the line end.
constexpr ras_hit ras_at(std::string_view text, std::size_t s, std::size_t w, std::size_t before,
                         std::size_t after) noexcept {
  if (!(w - s == 3 && word_at(text, s, "ras")) && !(w - s == 5 && word_at(text, s, "error"))) {
    return {};
  }
  const std::size_t view_end = text.size() - s > 64 ? s + 64 : text.size();
  const phrase_match m = ras_phrase_at(text.substr(0, view_end), s);
  if (m.found()) {
    if (m.space != code_space::ras) return {};
    const error_info* e = find_ras(m.code);
    return e == nullptr ? ras_hit{} : ras_hit{e, s, m.number, m.last};
  }
  if (w - s != 5) return {};
  const std::size_t p = skip_blanks(text.substr(0, view_end), w);
  if (p == w) return {};
  const std::size_t end = number_end(text.substr(0, view_end), p);
  if (end == 0 || end - p != 3) return {};
  const error_info* e = find_ras(static_cast<std::uint32_t>(
      (text[p] - '0') * 100 + (text[p + 1] - '0') * 10 + (text[p + 2] - '0')));
  if (e == nullptr) return {};
  const std::size_t from = s > before ? s - before : 0;
  const std::size_t to = text.size() - end > after ? end + after : text.size();
  return vpn_context(text, s, from, to) ? ras_hit{e, s, p, end} : ras_hit{};
}

// find_ras_code()'s scan: the first code that ras_at() finds at a word (a run of ASCII letters and
// digits, is_alnum_byte(), as the annotator's words are) that starts at or after `from` (a word
// that starts before it is skipped).
constexpr ras_hit next_ras_code(std::string_view text, std::size_t from) noexcept {
  std::size_t i = from;
  if (i > 0) {
    while (i < text.size() && is_alnum_byte(text[i]) && is_alnum_byte(text[i - 1])) ++i;
  }
  while (i < text.size()) {
    std::size_t w = i;
    while (w < text.size() && is_alnum_byte(text[w])) ++w;
    if (w == i) {
      ++i;
      continue;
    }
    const ras_hit r = ras_at(text, i, w, ras_context_before, ras_context_after);
    if (r.entry != nullptr) return r;
    i = w;
  }
  return {};
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_RAS_PHRASE_HPP
