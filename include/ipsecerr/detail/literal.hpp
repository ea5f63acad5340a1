// SPDX-License-Identifier: MIT
// ipsecerr internals: what the C++20 "NAME"_ipsec literal operator template needs, a class that
// holds the literal's characters and the name's code as a constant.
#ifndef IPSECERR_DETAIL_LITERAL_HPP
#define IPSECERR_DETAIL_LITERAL_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config.hpp"

namespace ipsecerr {
inline namespace v1 {

namespace detail {
#if IPSECERR_LITERAL_TEMPLATE
/// A string literal's characters as a template argument, its NUL included.
template <std::size_t N>
struct literal_chars {
  char chars[N] = {};
  constexpr literal_chars(const char (&s)[N]) noexcept {  // NOLINT: converts from the literal
    for (std::size_t i = 0; i < N; ++i) chars[i] = s[i];
  }
};
/// The code of the name, as a constant: a misspelt name makes this initialiser no constant.
template <literal_chars Name>
inline constexpr std::uint32_t literal_code = code_of(std::string_view(Name.chars,
                                                                       sizeof(Name.chars) - 1));
#endif
}  // namespace detail

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_LITERAL_HPP
