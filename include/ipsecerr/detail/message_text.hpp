// SPDX-License-Identifier: MIT
// ipsecerr internals: how a message text is compared with a text (words, case, spaces, quotes,
// the RAS texts' words and example lists) and what a whole field is. Included by message.hpp only.
#ifndef IPSECERR_DETAIL_MESSAGE_TEXT_HPP
#define IPSECERR_DETAIL_MESSAGE_TEXT_HPP

#include <cstddef>
#include <string_view>

#include "ascii.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// The number of words (runs of ASCII letters and digits) in s.
constexpr std::size_t count_words(std::string_view s) noexcept {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool alnum = msg_alnum(c);
    n += alnum && !in_word ? 1 : 0;
    in_word = alnum;
  }
  return n;
}

// Words that make a four-word message specific to IPsec.
inline constexpr std::string_view ipsec_terms[] = {"ike",     "ipsec",  "sa",  "sas",
                                                   "payload", "authip", "spi", "mm"};

constexpr bool has_ipsec_term(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    if (!msg_alnum(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && msg_alnum(s[j])) ++j;
    for (const std::string_view term : ipsec_terms) {
      if (equal_folded(s.substr(i, j - i), term)) return true;
    }
    i = j;
  }
  return false;
}

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Whether text[at] starts a typographic quote (U+2018/2019/201C/201D, U+00AB/00BB): its size.
constexpr std::size_t typographic_quote_at(std::string_view text, std::size_t at) noexcept {
  if (at + 3 <= text.size() && text[at] == '\xE2' && text[at + 1] == '\x80') {
    const char c = text[at + 2];
    if (c == '\x98' || c == '\x99' || c == '\x9C' || c == '\x9D') return 3;
  }
  if (at + 2 <= text.size() && text[at] == '\xC2' &&
      (text[at + 1] == '\xAB' || text[at + 1] == '\xBB')) {
    return 2;
  }
  return 0;
}
// The size of a typographic quote that ends just before `end`, or 0.
constexpr std::size_t typographic_quote_before(std::string_view text, std::size_t end) noexcept {
  if (end >= 3 && typographic_quote_at(text, end - 3) == 3) return 3;
  if (end >= 2 && typographic_quote_at(text, end - 2) == 2) return 2;
  return 0;
}
constexpr bool ascii_quote(char c) noexcept { return c == '"' || c == '\'' || c == '`'; }

// Compares message m with the text from p: ASCII case ignored, a run of spaces or tabs for each
// space, ' also as a typographic apostrophe; the message's last characters that are not letters
// or digits (a final period) may be missing. Returns where the match ends in the text, or npos;
// the match must end at a word boundary and span at most message_span_max bytes.
constexpr std::size_t match_at(std::string_view text, std::size_t p, std::string_view m) noexcept {
  const char* const t = text.data();
  const std::size_t n = text.size();
  const std::size_t limit = n - p < message_span_max ? n : p + message_span_max;
  std::size_t i = 0;
  std::size_t j = p;
  while (i < m.size()) {
    const char mc = m[i];
    if (mc == ' ') {
      if (j == limit || !msg_hspace(t[j])) return npos;
      while (j < limit && msg_hspace(t[j])) ++j;
      if (j == limit && limit != n) return npos;  // a run too long to follow
      while (i < m.size() && m[i] == ' ') ++i;
      continue;
    }
    if (j == limit) break;
    if (mc == '\'' && t[j] != '\'') {
      const std::size_t q = typographic_quote_at(text, j);
      if (q != 3 || (t[j + 2] != '\x99' && t[j + 2] != '\x98')) break;
      ++i;
      j += 3;
      continue;
    }
    if (to_lower(t[j]) != to_lower(mc)) break;
    ++i;
    ++j;
  }
  for (std::size_t k = i; k < m.size(); ++k) {
    if (msg_alnum(m[k])) return npos;
  }
  if (j < n && j > p && msg_alnum(t[j]) && msg_alnum(t[j - 1])) return npos;
  return j;
}

// The size of a byte or character that may stand between two words of a RAS message: ASCII
// punctuation, a space or a tab (not a line break), or a typographic quote; 0 for anything else.
constexpr std::size_t ras_separator_at(std::string_view text, std::size_t at) noexcept {
  const char c = text[at];
  if (c == '\t' || ((class_of(c) & printable_char) != 0 && !msg_alnum(c))) return 1;
  return typographic_quote_at(text, at);
}

// The end of the word of m that starts at i, and of the separator run that follows it.
constexpr std::size_t word_end_in(std::string_view m, std::size_t i) noexcept {
  while (i < m.size() && msg_alnum(m[i])) ++i;
  return i;
}
constexpr std::size_t separator_end_in(std::string_view m, std::size_t i) noexcept {
  while (i < m.size() && !msg_alnum(m[i])) ++i;
  return i;
}

// Where the word "etc" starts in m after i, or npos: the end of an example list "(e.g ... etc)".
constexpr std::size_t etc_after(std::string_view m, std::size_t i) noexcept {
  for (i = separator_end_in(m, i); i < m.size(); i = separator_end_in(m, word_end_in(m, i))) {
    if (equal_folded(m.substr(i, word_end_in(m, i) - i), "etc")) return i;
  }
  return npos;
}

// Compares a RAS message m with the text from p word by word: the SDK's text is not always what
// Windows prints (reference README), so only the words (runs of ASCII letters and digits) count,
// in order, ASCII case ignored, with any run of separators (ras_separator_at()) where m has
// punctuation or spaces; an example list from "e.g" to "etc" matches any words between those two
// (builds print "(e.g, firewalls, NAT, routers, etc)" and "(e.g., firewalls, NAT, Router etc.)");
// m's punctuation after its last word is matched as far as the text has it. Returns where the
// match ends, or npos; it must span at most message_span_max bytes.
constexpr std::size_t match_words_at(std::string_view text, std::size_t p,
                                     std::string_view m) noexcept {
  const std::size_t n = text.size();
  const std::size_t limit = n - p < message_span_max ? n : p + message_span_max;
  std::size_t i = 0;  // the message word to match
  std::size_t j = p;  // the text word to match
  bool in_list = false;
  bool after_e = false;
  while (i < m.size()) {
    const std::size_t ie = word_end_in(m, i);
    std::size_t je = j;
    while (je < limit && msg_alnum(text[je])) ++je;
    if (ie == i || je == j || (je == limit && limit != n)) return npos;
    const std::string_view word = m.substr(i, ie - i);
    const bool same = equal_folded(text.substr(j, je - j), word);
    if (!same && !in_list) return npos;
    std::size_t next = separator_end_in(m, ie);
    if (same) {
      in_list = false;
      if (after_e && equal_folded(word, "g")) {
        const std::size_t etc = etc_after(m, ie);
        if (etc != npos) {
          next = etc;
          in_list = true;
        }
      }
      after_e = equal_folded(word, "e");
      if (next == m.size()) {  // m's final punctuation, as far as the text has it
        for (std::size_t k = ie; k < m.size() && je < limit && text[je] == m[k]; ++k) ++je;
        return je;
      }
      i = next;
    }
    j = je;
    while (j < limit && ras_separator_at(text, j) != 0) j += ras_separator_at(text, j);
    if (j == je || (j == limit && limit != n)) return npos;
  }
  return npos;
}

// The comparison for an entry's message: word by word for RAS entries, match_at() for Win32.
constexpr std::size_t match_message_at(std::string_view text, std::size_t p,
                                       const error_info& e) noexcept {
  return e.space == code_space::ras ? match_words_at(text, p, e.message)
                                    : match_at(text, p, e.message);
}

// Whether [p, end) is a whole field of the text: after going back over spaces, it starts at the
// text's start, after a line break, tab, ':', '>', '|' or a quote; after going on over spaces and
// periods, it ends at the text's end, a line break, tab, '<', '|' or a quote. A field opened by a
// quote must be closed by one.
constexpr bool is_field(std::string_view text, std::size_t p, std::size_t end) noexcept {
  const char* const t = text.data();
  std::size_t b = p;
  const std::size_t stop_back = p > field_context_max ? p - field_context_max : 0;
  while (b > stop_back && t[b - 1] == ' ') --b;
  bool opened_by_quote = false;
  if (b != 0) {
    const char c = t[b - 1];
    if (ascii_quote(c) || typographic_quote_before(text, b) != 0) {
      opened_by_quote = true;
    } else if (c != '\n' && c != '\r' && c != '\t' && c != ':' && c != '>' && c != '|') {
      return false;
    }
  }
  std::size_t e = end;
  const std::size_t stop =
      text.size() - end > field_context_max ? end + field_context_max : text.size();
  while (e < stop && (t[e] == ' ' || t[e] == '.')) ++e;
  if (e == text.size()) return !opened_by_quote;
  const char c = t[e];
  if (ascii_quote(c) || typographic_quote_at(text, e) != 0) return true;
  if (opened_by_quote) return false;
  return c == '\n' || c == '\r' || c == '\t' || c == '<' || c == '|';
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_MESSAGE_TEXT_HPP
