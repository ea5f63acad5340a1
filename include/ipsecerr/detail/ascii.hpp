// SPDX-License-Identifier: MIT
// ipsecerr internals: the ASCII helpers that every header uses, usable in constant expressions:
// character classes (one table lookup per character), case folding, plain byte comparisons, and
// digits read as a number.
#ifndef IPSECERR_DETAIL_ASCII_HPP
#define IPSECERR_DETAIL_ASCII_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// ' ', and '\t' '\n' '\v' '\f' '\r' (9 to 13).
constexpr bool is_space(char c) noexcept {
  return c == ' ' || static_cast<unsigned char>(c - '\t') <= '\r' - '\t';
}

// Character classes, one table lookup per character.
inline constexpr std::uint8_t digit_char = 1;       // 0-9
inline constexpr std::uint8_t hex_char = 2;         // 0-9 a-f A-F
inline constexpr std::uint8_t name_char = 4;        // A-Z a-z 0-9 _
inline constexpr std::uint8_t lower_char = 8;       // a-z
inline constexpr std::uint8_t upper_char = 16;      // A-Z
inline constexpr std::uint8_t alnum_char = 32;      // A-Z a-z 0-9
inline constexpr std::uint8_t printable_char = 64;  // printable ASCII, 0x20-0x7E

struct char_classes {
  std::uint8_t of[256];
  std::uint8_t hex_value[256];  // 0-15 for a hex digit, 16 for anything else
};
// Range by range: a few hundred stores, where a test per class per byte costs the constant
// evaluator of every translation unit about ten times as much.
constexpr char_classes make_char_classes() noexcept {
  char_classes c{};
  for (std::uint8_t& v : c.hex_value) v = 16;
  for (int i = 0x20; i <= 0x7E; ++i) c.of[i] = printable_char;
  for (int i = '0'; i <= '9'; ++i) {
    c.of[i] |= digit_char | hex_char | name_char | alnum_char;
    c.hex_value[i] = static_cast<std::uint8_t>(i - '0');
  }
  for (int i = 'a'; i <= 'z'; ++i) {
    c.of[i] |= lower_char | name_char | alnum_char;
    c.of[i - 'a' + 'A'] |= upper_char | name_char | alnum_char;
  }
  for (int i = 0; i < 6; ++i) {
    c.of['a' + i] |= hex_char;
    c.of['A' + i] |= hex_char;
    c.hex_value['a' + i] = c.hex_value['A' + i] = static_cast<std::uint8_t>(10 + i);
  }
  c.of[int{'_'}] |= name_char;
  return c;
}
inline constexpr char_classes char_class = make_char_classes();

// The classes of c, a bitwise or of the *_char constants above.
constexpr std::uint8_t class_of(char c) noexcept {
  return char_class.of[static_cast<unsigned char>(c)];
}

// Whether c is a word byte (A-Z a-z 0-9 _), a decimal digit, a hex digit.
constexpr bool is_word_byte(char c) noexcept { return (class_of(c) & name_char) != 0; }
constexpr bool is_digit_byte(char c) noexcept { return (class_of(c) & digit_char) != 0; }
// Whether c is an ASCII letter or digit (a word byte of messages and of the RAS rule).
constexpr bool is_alnum_byte(char c) noexcept { return (class_of(c) & alnum_char) != 0; }
constexpr bool is_hex_byte(char c) noexcept { return (class_of(c) & hex_char) != 0; }

// c in lower case if it is an ASCII capital letter, else c itself.
constexpr char to_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// c in upper case if it is an ASCII small letter, else c itself.
constexpr char to_upper(char c) noexcept {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Whether s begins with prefix; a loop, which constant evaluation runs faster than a compare().
constexpr bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (s.data()[i] != prefix.data()[i]) return false;
  }
  return true;
}

// Whether a and b hold the same bytes.
constexpr bool same_text(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && starts_with(a, b);
}

// Whether a and b are equal when ASCII letters are folded to lower case.
constexpr bool equal_folded(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

// A number read from digits in some base: ok is false for no digits, a non-digit or overflow.
struct number {
  std::uint32_t value = 0;
  bool ok = false;
};

constexpr number read_number(std::string_view digits, std::uint32_t base) noexcept {
  number n;
  // At most 10 decimal or 8 hex digits after leading zeros fit in 64 bits without a check.
  std::size_t first = 0;
  while (first + 1 < digits.size() && digits[first] == '0') ++first;
  if (digits.empty() || digits.size() - first > (base == 10 ? 10u : 8u)) return n;
  std::uint64_t value = 0;
  for (std::size_t i = first; i < digits.size(); ++i) {
    const std::uint32_t d = char_class.hex_value[static_cast<unsigned char>(digits[i])];
    if (d >= base) return n;
    value = value * base + d;
  }
  if (value > 0xFFFFFFFFu) return n;
  n.value = static_cast<std::uint32_t>(value);
  n.ok = true;
  return n;
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_ASCII_HPP
