// SPDX-License-Identifier: MIT
// ipsecerr internals: rank_search()'s word rules: a query split into words, and how each word
// stands among the words of a text (whole word, word prefix, inside a word, a phrase). Included by
// search.hpp.
#ifndef IPSECERR_DETAIL_SEARCH_WORDS_HPP
#define IPSECERR_DETAIL_SEARCH_WORDS_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ascii.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// The query's words: runs of ASCII letters and digits, in lower case.
struct query_words {
  static constexpr std::size_t max_words = 32;
  static constexpr std::size_t max_chars = 256;
  char chars[max_chars] = {};
  std::size_t start[max_words] = {};
  std::size_t size[max_words] = {};
  std::size_t offset[max_words] = {};  // where each word is in the query as given
  std::size_t n = 0;
  std::size_t first_offset = 0;  // the first word in the query as given
  bool truncated = false;

  [[nodiscard]] constexpr std::string_view word(std::size_t k) const noexcept {
    return {chars + start[k], size[k]};
  }
};

constexpr void split_query(std::string_view q, query_words& w) noexcept {
  std::size_t used = 0;
  for (std::size_t i = 0; i < q.size();) {
    if ((class_of(q[i]) & alnum_char) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < q.size() && (class_of(q[j]) & alnum_char) != 0) ++j;
    if (w.n == query_words::max_words || j - i > query_words::max_chars - used) {
      w.truncated = true;
      return;
    }
    if (w.n == 0) w.first_offset = i;
    w.start[w.n] = used;
    w.size[w.n] = j - i;
    w.offset[w.n] = i;
    for (std::size_t k = i; k < j; ++k) w.chars[used++] = to_lower(q[k]);
    ++w.n;
    i = j;
  }
}

// How a query word was found in an entry.
inline constexpr std::uint8_t found_whole = 1;      // a whole word of the name or message
inline constexpr std::uint8_t found_prefix = 2;     // a word prefix of the name or message
inline constexpr std::uint8_t found_substring = 4;  // inside the name or message
inline constexpr std::uint8_t found_keyword = 8;    // a whole word or word prefix of a keyword

// The forms in which a word of a longer query counts as a code: decimal and 0x hex numbers, not
// hex without 0x ("3646" in a sentence is a number, not 0x3646) and not names. form::ras is a RAS
// code as a number here: a query word has no '_', so it is never a RAS name.
constexpr bool is_number_form(form f) noexcept {
  return f == form::decimal || f == form::hex || f == form::hresult || f == form::hresult_decimal ||
         f == form::ntstatus_win32 || f == form::ntstatus || f == form::hresult_from_nt ||
         f == form::ras;
}

// Words of three characters or fewer match whole words only.
inline constexpr std::size_t short_word_max = 3;

// The end of the word (letters and digits) that starts at i.
constexpr std::size_t word_end(std::string_view text, std::size_t i) noexcept {
  while (i < text.size() && (class_of(text[i]) & alnum_char) != 0) ++i;
  return i;
}

// Whether text[a, b) is the query word w, ignoring case (w is lower case).
constexpr bool is_word(std::string_view text, std::size_t a, std::size_t b,
                       std::string_view w) noexcept {
  if (b - a != w.size()) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (to_lower(text[a + i]) != w[i]) return false;
  }
  return true;
}

// Whether the query's words 1.. follow the text word that ends at b, as whole words.
constexpr bool phrase_follows(std::string_view text, std::size_t b, const query_words& q) noexcept {
  for (std::size_t k = 1; k < q.n; ++k) {
    while (b < text.size() && (class_of(text[b]) & alnum_char) == 0) ++b;
    const std::size_t e = word_end(text, b);
    if (b == e || !is_word(text, b, e, q.word(k))) return false;
    b = e;
  }
  return true;
}

// A letter or digit in lower case: for these, to_lower() is setting bit 0x20 (digits have it).
constexpr char alnum_lower(char c) noexcept { return static_cast<char>(c | 0x20); }

// Whether the query word w (lower case) is inside t[first, last), a run of letters and digits.
constexpr bool inside_word(const char* t, std::size_t first, std::size_t last,
                           std::string_view w) noexcept {
  const char w0 = w[0];
  const std::size_t n = w.size();
  for (std::size_t at = first; at + n <= last; ++at) {
    if (alnum_lower(t[at]) != w0) continue;
    std::size_t k = 1;
    while (k < n && alnum_lower(t[at + k]) == w[k]) ++k;
    if (k == n) return true;
  }
  return false;
}

// Marks, for each query word, how it stands among the words of text: the whole, prefix and
// substring bits given (substring 0: not looked for). A query word is letters and digits only, so
// it can only be inside one word of the text. Returns whether the whole query is a phrase of text.
constexpr bool scan_words(std::string_view text, const query_words& q, std::uint8_t* found,
                          std::uint8_t whole, std::uint8_t prefix,
                          std::uint8_t substring) noexcept {
  // Written for few steps per character: a constant evaluation over the whole table must stay
  // well inside the compilers' default limits.
  bool phrase = false;
  const char* const t = text.data();
  const std::size_t n = text.size();
  const std::uint8_t* const cls = char_class.of;
  const std::uint8_t any = static_cast<std::uint8_t>(whole | prefix | substring);
  std::size_t i = 0;
  while (i < n) {
    while (i < n && (cls[static_cast<unsigned char>(t[i])] & alnum_char) == 0) ++i;
    if (i == n) break;
    std::size_t e = i + 1;
    while (e < n && (cls[static_cast<unsigned char>(t[e])] & alnum_char) != 0) ++e;
    const std::size_t size = e - i;
    const char first = alnum_lower(t[i]);
    for (std::size_t k = 0; k < q.n; ++k) {
      if (q.size[k] > size) continue;
      const std::string_view w = q.word(k);
      if (w[0] == first && is_word(text, i, i + w.size(), w)) {
        if (w.size() == size) {
          found[k] |= whole;
          if (k == 0 && !phrase) phrase = phrase_follows(text, e, q);
          continue;
        }
        if (w.size() > short_word_max) {
          found[k] |= prefix;
          continue;
        }
      }
      if (substring != 0 && w.size() > short_word_max && (found[k] & any) == 0 &&
          inside_word(t, i + 1, e, w)) {
        found[k] |= substring;
      }
    }
    i = e;
  }
  return phrase;
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_SEARCH_WORDS_HPP
