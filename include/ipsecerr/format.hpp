// SPDX-License-Identifier: MIT
// std::formatter for ipsecerr::description, error_info and errc where the standard library has
// <format>; the same spec grammar and letters as ipsecerr/fmt.hpp.
#ifndef IPSECERR_FORMAT_HPP
#define IPSECERR_FORMAT_HPP

#include "ipsecerr.hpp"
#include "ras.hpp"

#if defined(__has_include)
#  if __has_include(<version>)
#    include <version>
#  endif
#endif

/// 1 where this header defines std::formatter for ipsecerr's types, else 0: where the library
/// defines __cpp_lib_format, and with libc++ 16 or later in C++20 when its <format> is enabled
/// (-fexperimental-library), which works but does not define __cpp_lib_format.
#if defined(__cpp_lib_format) && __cpp_lib_format >= 201907L
#  define IPSECERR_HAS_STD_FORMAT 1
#elif defined(_LIBCPP_VERSION) && _LIBCPP_VERSION >= 160000 && __cplusplus >= 202002L && \
    !defined(_LIBCPP_HAS_NO_INCOMPLETE_FORMAT)
#  define IPSECERR_HAS_STD_FORMAT 1
#else
#  define IPSECERR_HAS_STD_FORMAT 0
#endif

#if IPSECERR_HAS_STD_FORMAT
#  include <format>

#  include "detail/format_spec.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// Not constexpr on purpose: reached while std::format checks its format string at compile time,
// it makes a bad ipsecerr spec a compile error; at run time it throws std::format_error.
[[noreturn]] inline void invalid_std_format_spec_letters_are_n_m_d_x_h_l(const char* reason) {
#  if IPSECERR_HAS_EXCEPTIONS
  throw std::format_error(reason);
#  else
  static_cast<void>(reason);
  std::terminate();
#  endif
}

struct std_spec_error {
  template <class Reason>
  constexpr void operator()(Reason reason) const {
    invalid_std_format_spec_letters_are_n_m_d_x_h_l(reason);
  }
};

struct std_formatter_base {
  format_spec spec;

  template <class ParseContext>
  constexpr typename ParseContext::iterator parse(ParseContext& ctx) {
    return parse_format_spec(ctx.begin(), ctx.end(), spec, std_spec_error{});
  }
};

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

namespace std {

/// Formats a description: `std::format("{:>60n}", ipsecerr::describe(13894))`.
template <>
struct formatter<ipsecerr::description, char> : ipsecerr::detail::std_formatter_base {
  template <class FormatContext>
  typename FormatContext::iterator format(const ipsecerr::description& d,
                                          FormatContext& ctx) const {
    return ipsecerr::detail::write_formatted(ctx.out(), d, spec);
  }
};

/// Formats an entry of either space as its description.
template <>
struct formatter<ipsecerr::error_info, char> : ipsecerr::detail::std_formatter_base {
  template <class FormatContext>
  typename FormatContext::iterator format(const ipsecerr::error_info& e, FormatContext& ctx) const {
    return ipsecerr::detail::write_formatted(ctx.out(), ipsecerr::describe_entry(e), spec);
  }
};

/// Formats a ras_errc enumerator as describe_ras(code).
template <>
struct formatter<ipsecerr::ras_errc, char> : ipsecerr::detail::std_formatter_base {
  template <class FormatContext>
  typename FormatContext::iterator format(ipsecerr::ras_errc code, FormatContext& ctx) const {
    return ipsecerr::detail::write_formatted(ctx.out(), ipsecerr::describe_ras(code), spec);
  }
};

/// Formats an errc enumerator as its description.
template <>
struct formatter<ipsecerr::errc, char> : ipsecerr::detail::std_formatter_base {
  template <class FormatContext>
  typename FormatContext::iterator format(ipsecerr::errc code, FormatContext& ctx) const {
    return ipsecerr::detail::write_formatted(ctx.out(), ipsecerr::describe(code), spec);
  }
};

}  // namespace std

#endif  // IPSECERR_HAS_STD_FORMAT
#endif  // IPSECERR_FORMAT_HPP
