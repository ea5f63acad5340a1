// SPDX-License-Identifier: MIT
// ipsecerr internals: the text of each public enumerator, its JSON id (snake_case, stable) and
// its label for people; included by ipsecerr.hpp after the enums, read by to_id() and to_string().
#ifndef IPSECERR_DETAIL_ENUM_TEXT_HPP
#define IPSECERR_DETAIL_ENUM_TEXT_HPP

#include <cstddef>
#include <string_view>

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// One specialisation per public enum (parse.hpp's form may add its own): values[i], whose value
// is i, has the id ids[i] and the label labels[i]. An id never changes once released: JSON
// output and command lines carry it.
template <class Enum>
struct enum_text;

template <>
struct enum_text<code_space> {
  static constexpr code_space values[] = {code_space::win32, code_space::ras};
  static constexpr std::string_view ids[] = {"win32", "ras"};
  static constexpr std::string_view labels[] = {"Win32", "RAS"};
};

template <>
struct enum_text<kind> {
  static constexpr kind values[] = {kind::error, kind::warning, kind::marker};
  static constexpr std::string_view ids[] = {"error", "warning", "marker"};
  static constexpr std::string_view labels[] = {"error", "warning", "range marker"};
};

template <>
struct enum_text<component> {
  using c = component;
  static constexpr c values[] = {c::authip, c::winsock, c::policy_store,
                                 c::ike,    c::driver,  c::dos_protection};
  static constexpr std::string_view ids[] = {"authip", "winsock", "policy_store",
                                             "ike",    "driver",  "dos_protection"};
  static constexpr std::string_view labels[] = {
      "AuthIP",       "WinSock name-based policy", "IPsec policy store", "IKE/AuthIP negotiation",
      "IPsec driver", "IPsec DoS Protection"};
};

template <>
struct enum_text<phase> {
  using p = phase;
  static constexpr p values[] = {p::none, p::main_mode, p::quick_mode, p::extended_mode, p::any};
  static constexpr std::string_view ids[] = {"none", "main_mode", "quick_mode", "extended_mode",
                                             "any"};
  static constexpr std::string_view labels[] = {"none", "main mode", "quick mode", "extended mode",
                                                "any"};
};

template <>
struct enum_text<link_reason> {
  using r = link_reason;
  static constexpr r values[] = {r::same_text, r::counterpart, r::same_object, r::same_family,
                                 r::cause_effect};
  static constexpr std::string_view ids[] = {"same_text", "counterpart", "same_object",
                                             "same_family", "cause_effect"};
  static constexpr std::string_view labels[] = {"same text", "counterpart", "same object",
                                                "same family", "cause or effect"};
};

// Whether every values[i] is i and both texts are there for each: what to_id() relies on.
template <class Enum>
constexpr bool enum_text_complete() noexcept {
  using t = enum_text<Enum>;
  constexpr std::size_t n = sizeof(t::values) / sizeof(Enum);
  bool ok =
      sizeof(t::ids) / sizeof(t::ids[0]) == n && sizeof(t::labels) / sizeof(t::labels[0]) == n;
  for (std::size_t i = 0; i < n; ++i) ok = ok && static_cast<std::size_t>(t::values[i]) == i;
  return ok;
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_ENUM_TEXT_HPP
