// SPDX-License-Identifier: MIT
// fmt::formatter for ipsecerr::description, error_info, errc and ras_errc: {} is the one-line
// form, and the letters n m d x h l pick a part, with fill, alignment and width as for strings.
#ifndef IPSECERR_FMT_HPP
#define IPSECERR_FMT_HPP

#include <fmt/format.h>

#include "detail/format_spec.hpp"
#include "ipsecerr.hpp"
#include "ras.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// Not constexpr on purpose: reached while fmt checks a format string at compile time, it makes a
// bad ipsecerr spec a compile error that names it; at run time it throws fmt::format_error.
[[noreturn]] inline void invalid_format_spec_letters_are_n_m_d_x_h_l(const char* reason) {
  FMT_THROW(fmt::format_error(reason));
}

struct fmt_spec_error {
  template <class Reason>
  constexpr void operator()(Reason reason) const {
    invalid_format_spec_letters_are_n_m_d_x_h_l(reason);
  }
};

struct fmt_formatter_base {
  format_spec spec;

  template <class ParseContext>
  constexpr auto parse(ParseContext& ctx) -> decltype(ctx.begin()) {
    return parse_format_spec(ctx.begin(), ctx.end(), spec, fmt_spec_error{});
  }
};

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

/// Formats a description: `fmt::format("{:>60n}", ipsecerr::describe(13894))`.
template <>
struct fmt::formatter<ipsecerr::description> : ipsecerr::detail::fmt_formatter_base {
  template <class FormatContext>
  auto format(const ipsecerr::description& d, FormatContext& ctx) const -> decltype(ctx.out()) {
    return ipsecerr::detail::write_formatted(ctx.out(), d, spec);
  }
};

/// Formats an entry of either space as its description: `fmt::format("{:h}", *find(13894))`.
template <>
struct fmt::formatter<ipsecerr::error_info> : ipsecerr::detail::fmt_formatter_base {
  template <class FormatContext>
  auto format(const ipsecerr::error_info& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    return ipsecerr::detail::write_formatted(ctx.out(), ipsecerr::describe_entry(e), spec);
  }
};

/// Formats a ras_errc enumerator as describe_ras(code): `fmt::format("{}", ras_errc::vpn_timeout)`
/// is "ERROR_VPN_TIMEOUT (RAS 809): ...".
template <>
struct fmt::formatter<ipsecerr::ras_errc> : ipsecerr::detail::fmt_formatter_base {
  template <class FormatContext>
  auto format(ipsecerr::ras_errc code, FormatContext& ctx) const -> decltype(ctx.out()) {
    return ipsecerr::detail::write_formatted(ctx.out(), ipsecerr::describe_ras(code), spec);
  }
};

/// Formats an errc enumerator as its description: `fmt::format("{:n}", errc::ike_qm_expired)`.
template <>
struct fmt::formatter<ipsecerr::errc> : ipsecerr::detail::fmt_formatter_base {
  template <class FormatContext>
  auto format(ipsecerr::errc code, FormatContext& ctx) const -> decltype(ctx.out()) {
    return ipsecerr::detail::write_formatted(ctx.out(), ipsecerr::describe(code), spec);
  }
};

#endif  // IPSECERR_FMT_HPP
