// SPDX-License-Identifier: MIT
// ipsecerr internals: the ASCII character classes and case folding that every header uses, one
// table lookup per character, usable in constant expressions.
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
inline constexpr std::uint8_t digit_char = 1;   // 0-9
inline constexpr std::uint8_t hex_char = 2;     // 0-9 a-f A-F
inline constexpr std::uint8_t name_char = 4;    // A-Z a-z 0-9 _
inline constexpr std::uint8_t lower_char = 8;   // a-z
inline constexpr std::uint8_t upper_char = 16;  // A-Z
inline constexpr std::uint8_t alnum_char = 32;  // A-Z a-z 0-9

struct char_classes {
  std::uint8_t of[256];
  std::uint8_t hex_value[256];  // 0-15 for a hex digit, 16 for anything else
};
constexpr char_classes make_char_classes() noexcept {
  char_classes c{};
  for (int i = 0; i < 256; ++i) {
    std::uint8_t k = 0;
    std::uint8_t v = 16;
    if (i >= '0' && i <= '9') k |= digit_char | hex_char | name_char | alnum_char;
    if ((i >= 'a' && i <= 'f') || (i >= 'A' && i <= 'F')) k |= hex_char;
    if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z')) k |= name_char | alnum_char;
    if (i == '_') k |= name_char;
    if (i >= 'a' && i <= 'z') k |= lower_char;
    if (i >= 'A' && i <= 'Z') k |= upper_char;
    if (i >= '0' && i <= '9') v = static_cast<std::uint8_t>(i - '0');
    if (i >= 'a' && i <= 'f') v = static_cast<std::uint8_t>(i - 'a' + 10);
    if (i >= 'A' && i <= 'F') v = static_cast<std::uint8_t>(i - 'A' + 10);
    c.of[i] = k;
    c.hex_value[i] = v;
  }
  return c;
}
inline constexpr char_classes char_class = make_char_classes();

// The classes of c, a bitwise or of the *_char constants above.
constexpr std::uint8_t class_of(char c) noexcept {
  return char_class.of[static_cast<unsigned char>(c)];
}

// c in lower case if it is an ASCII capital letter, else c itself.
constexpr char to_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// c in upper case if it is an ASCII small letter, else c itself.
constexpr char to_upper(char c) noexcept {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Whether a and b are equal when ASCII letters are folded to lower case.
constexpr bool equal_folded(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_ASCII_HPP
