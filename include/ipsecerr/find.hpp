// SPDX-License-Identifier: MIT
// ipsecerr::find_in(): every code written inside any text (a log line, a pasted token with its
// punctuation, source code), with its position and form; constexpr, without allocation.
#ifndef IPSECERR_FIND_HPP
#define IPSECERR_FIND_HPP

#include "detail/annotate_context.hpp"
#include "detail/held.hpp"
#include "form.hpp"
#include "parse.hpp"

namespace ipsecerr {
inline namespace v1 {

namespace detail {

// The longest number part of a code token: "0x" and 8 hex digits, or 10 decimal digits; the
// fewest digits of a known code: 4 decimal (1469), 3 hex (0x5BD).
inline constexpr std::size_t number_max = 10;
inline constexpr std::size_t decimal_min = 4;
inline constexpr std::size_t hex_min = 3;
static_assert(table[0].code >= 1000 && table[0].code >= 0x100,
              "ipsecerr: code tokens shorter than the smallest code are skipped");

// The longest literal suffix: "_usize".
inline constexpr std::size_t literal_suffix_max = 6;

// Whether s is a language literal suffix after an integer: C and C++ (u, l, ll and their
// combinations in either order and case, z, uz), MSVC (i8 to i64, ui8 to ui64, I64) and Rust
// (i16 to i128, u16 to u128, isize, usize, each with an optional leading '_').
constexpr bool is_literal_suffix(std::string_view s) noexcept {
  if (s.empty() || s.size() > literal_suffix_max) return false;
  std::size_t i = 0;
  if (s[0] == '_') ++i;
  const std::string_view t = s.substr(i);
  if (t.size() >= 2 && (t[0] == 'i' || t[0] == 'u' || t[0] == 'I')) {
    const std::string_view bits = t.substr(t[0] == 'u' && t.size() > 2 && t[1] == 'i' ? 2 : 1);
    if (bits == "8" || bits == "16" || bits == "32" || bits == "64" || bits == "128" ||
        bits == "size") {
      return i == 0 || t[0] != 'I';
    }
  }
  if (i != 0) return false;
  // C and C++: at most one u or U, and l, ll, L or LL (not lL), in either order; or z with u.
  bool u = false;
  bool l = false;
  bool z = false;
  while (i < s.size()) {
    const char c = s[i];
    if ((c == 'u' || c == 'U') && !u) {
      u = true;
      ++i;
    } else if ((c == 'l' || c == 'L') && !l && !z) {
      l = true;
      i += i + 1 < s.size() && s[i + 1] == c ? 2 : 1;
    } else if ((c == 'z' || c == 'Z') && !l && !z) {
      z = true;
      ++i;
    } else {
      return false;
    }
  }
  return true;
}
// The longest word that can hold a code: a number and a literal suffix.
inline constexpr std::size_t code_word_max = number_max + literal_suffix_max;

// What a word is read as: the entry it names (nullptr: none), its form, and the token's bounds
// relative to the word (a minus sign before it is included; a literal suffix is included).
struct word_code {
  const error_info* entry = nullptr;
  ipsecerr::form form = ipsecerr::form::decimal;
  bool minus = false;  // the token starts with the '-' just before the word
};

// The entry of a token's reading: exactly one reading is known and in `forms`, else none.
constexpr word_code only_known(const readings& r, form_set forms, bool minus) noexcept {
  word_code hit;
  int hits = 0;
  for (const reading& x : r) {
    if (forms.contains(x.form) && x.known()) {
      hit.entry = x.info();
      hit.form = x.form;
      ++hits;
    }
  }
  if (hits != 1) return {};
  hit.minus = minus;
  return hit;
}

// The token rules, shared by find_in() and the annotator (code_of_word, below). `word` is a maximal
// run of word bytes (A-Z a-z 0-9 _) starting with a digit or a letter; b1 and b2 are the two bytes
// before it (b1 just before; a space at the start of the text), a1 and a2 the two after it (a space
// past the end). A word starting with a digit is a number (0x or 0X and 3 to 8 hex digits, or 4 to
// 10 decimal digits), then optionally a literal suffix (0x3646L, 13894u, 13806UL, 13894i64). It is
// no code inside a dotted number (1.13894, 13894.5), after '%' (%1 is a placeholder and %%13824
// an event log parameter id), or, for hex, after a minus sign; a '-' not preceded by a word byte
// is a minus sign, which makes a decimal a signed HRESULT or nothing. A word starting with a
// letter is read as a name when `forms` holds a name form. The token is read by parse() and names
// a code when exactly one of its readings is known and in `forms`.
constexpr word_code read_word(std::string_view word, char b1, char b2, char a1, char a2,
                              form_set forms) noexcept;

constexpr word_code code_of_word(std::string_view word, char b1, char b2, char a1, char a2,
                                 form_set forms) noexcept {
  // The common case first, small enough to inline into a scanner: a decimal word, no minus sign,
  // whose value find() does not know (most numbers in a text) is no code, whatever follows it.
  if (!word.empty() && is_digit_byte(word[0]) && !forms.contains(form::bare_hex) &&
      !(word.size() >= 2 && (word[1] == 'x' || word[1] == 'X')) &&
      !(b1 == '-' && !is_word_byte(b2))) {
    std::uint64_t value = 0;
    std::size_t i = 0;
    for (; i < word.size() && is_digit_byte(word[i]); ++i) {
      if (i == number_max) return {};
      value = value * 10 + static_cast<unsigned>(word[i] - '0');
    }
    if (value > 0xFFFFFFFFu || find(static_cast<std::uint32_t>(value)) == nullptr) return {};
  }
  return read_word(word, b1, b2, a1, a2, forms);
}

// code_of_word() past its common case.
constexpr word_code read_word(std::string_view word, char b1, char b2, char a1, char a2,
                              form_set forms) noexcept {
  if (word.empty() || is_word_byte(b1) || b1 == '%') return {};
  if ((b1 == '.' && is_digit_byte(b2)) || (a1 == '.' && is_digit_byte(a2))) return {};
  const char first = word[0];
  if (!is_digit_byte(first)) {
    if ((forms & form_set::names()).empty() || word.size() > name_max) return {};
    return only_known(parse(word), forms, false);
  }
  const bool hex = word.size() >= 2 && first == '0' && (word[1] == 'x' || word[1] == 'X');
  std::size_t n = hex ? 2 : 0;
  while (n < word.size() && (hex ? is_hex_byte(word[n]) : is_digit_byte(word[n]))) ++n;
  const bool bare = !hex && forms.contains(form::bare_hex) && n < word.size() &&
                    is_hex_byte(word[n]);  // 36A0: hex without 0x, with a letter
  if (bare) {
    while (n < word.size() && is_hex_byte(word[n])) ++n;
  }
  const std::size_t digits = hex ? n - 2 : n;
  if (digits < (hex || bare ? hex_min : decimal_min) || digits > (hex || bare ? 8 : number_max)) {
    return {};
  }
  if (n < word.size() && !is_literal_suffix(word.substr(n))) return {};
  const bool minus = b1 == '-' && !is_word_byte(b2);
  if (minus && (hex || bare)) return {};
  char token[number_max + 1] = {};
  std::size_t length = 0;
  if (minus) token[length++] = '-';
  for (std::size_t i = 0; i < n; ++i) token[length++] = word[i];
  return only_known(parse(std::string_view(token, length)), forms, minus);
}

}  // namespace detail

/// One code found in a text: where its token is, how it is written, and its entry.
struct found_code {
  std::size_t offset = 0;  ///< the token's first byte in the text (the '-' of -2147011002)
  std::size_t length = 0;  ///< the token's bytes, a literal suffix included (0x3646L: 7)
  ipsecerr::form form = ipsecerr::form::decimal;  ///< how the token is written
  const error_info* entry = nullptr;              ///< the code's entry (never nullptr)
};

/// The codes found in a text, in text order, held by value (no allocation): size(), empty(),
/// [], range-for, and truncated() when the text held more than `capacity` codes.
class found_codes : public detail::held<found_code, 32> {
 public:
  /// Whether the text held more codes than capacity (those after the first capacity are lost).
  [[nodiscard]] constexpr bool truncated() const noexcept { return truncated_; }

  /// How many numbers find_in() passed over because their line says they are something else (a
  /// process id, port, index or size: `charon[13894]:`, `pid=13894`), and the first of them (its
  /// entry: the code it would have been); entry is nullptr when there is none.
  [[nodiscard]] constexpr std::size_t passed_over() const noexcept { return passed_; }
  [[nodiscard]] constexpr found_code first_passed_over() const noexcept { return first_passed_; }

  /// Counts a number passed over, and keeps it if it is the first.
  constexpr void pass_over(const found_code& c) noexcept {
    if (passed_++ == 0) first_passed_ = c;
  }

  /// Appends a code (or marks the result truncated when full).
  constexpr void push_back(const found_code& c) noexcept {
    if (size_ < capacity) {
      items_[size_++] = c;
    } else {
      truncated_ = true;
    }
  }

 private:
  bool truncated_ = false;
  std::size_t passed_ = 0;
  found_code first_passed_ = {};
};

/// The forms find_in() looks for unless told otherwise: every number form whose shape says
/// "code" (not bare_hex: 3646 is more often a number than 0x3646) and whole names in any case
/// (not name suffixes: EXPIRED or NOT_FOUND in a sentence is an English word). Not message texts
/// and not form::ras, which annotate_default() has: find_in() reads code tokens only.
[[nodiscard]] constexpr form_set find_default_forms() noexcept {
  return (form_set::annotate_default() - form_set::messages() - form::ras) | form::name_exact |
         form::name_case_insensitive;
}

/// Every code written inside `text`, in text order, by the token rules that the annotator uses
/// (detail::code_of_word): words are maximal runs of ASCII letters, digits and '_'; every other
/// byte separates them (punctuation, quotes ASCII or typographic such as “ ” ‘ ’ « », spaces,
/// control and non-ASCII bytes), so `13885,`, `"0x80073646"`, `(13894)`, `hr=0x80073646;`,
/// `ErrorCode:13806`, `13894.`, `IKE-13801.log`, `0x3646L`, `13894u`, `13806UL` and whole log
/// lines all give their code. Only readings in `forms` count; a token counts when exactly one of
/// its readings is known. A number that its line says is something else is none
/// (detail::context_says_no_code): a process id, port, index or size such as `pid=13894`,
/// `Source Port: 13801`, `<Data Name="ProcessID">13894</Data>`, `charon[13894]:`,
/// `192.0.2.10:13801`, `udp/13806`, `(13885 bytes)`. At most found_codes::capacity codes are kept
/// (truncated() says more).
[[nodiscard]] constexpr found_codes find_in(std::string_view text,
                                            form_set forms = find_default_forms()) noexcept {
  found_codes out;
  const std::size_t n = text.size();
  const auto at = [&](std::size_t i) { return i < n ? text[i] : ' '; };
  std::size_t i = 0;
  while (i < n) {
    if (!detail::is_word_byte(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < n && detail::is_word_byte(text[i])) ++i;
    const std::size_t size = i - start;
    if (size > detail::code_word_max && detail::is_digit_byte(text[start])) continue;
    const char b1 = start >= 1 ? text[start - 1] : ' ';
    const char b2 = start >= 2 ? text[start - 2] : ' ';
    const detail::word_code c =
        detail::code_of_word(text.substr(start, size), b1, b2, at(i), at(i + 1), forms);
    if (c.entry == nullptr) continue;
    const std::size_t from = c.minus ? start - 1 : start;
    if (detail::text_says_no_code(text, from, i, detail::hex_token(text.substr(start, size)))) {
      out.pass_over(found_code{from, i - from, c.form, c.entry});
      continue;
    }
    out.push_back(found_code{from, i - from, c.form, c.entry});
  }
  return out;
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_FIND_HPP
