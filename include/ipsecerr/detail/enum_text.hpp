// SPDX-License-Identifier: MIT
// ipsecerr's text of each public enumerator, a stable snake_case id for programs and a label for
// people: to_id(), to_string(), from_id<E>(), enumerators<E>(); ipsecerr.hpp includes it.
#ifndef IPSECERR_DETAIL_ENUM_TEXT_HPP
#define IPSECERR_DETAIL_ENUM_TEXT_HPP

#include <cstddef>
#include <string_view>

#include "../view.hpp"
#include "ascii.hpp"

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
  static constexpr c values[] = {c::authip, c::winsock,        c::policy_store, c::ike,
                                 c::driver, c::dos_protection, c::vpn_client,   c::rras};
  static constexpr std::string_view ids[] = {"authip", "winsock",        "policy_store", "ike",
                                             "driver", "dos_protection", "vpn_client",   "rras"};
  static constexpr std::string_view labels[] = {"AuthIP",
                                                "WinSock name-based policy",
                                                "IPsec policy store",
                                                "IKE/AuthIP negotiation",
                                                "IPsec driver",
                                                "IPsec DoS Protection",
                                                "VPN client (RAS)",
                                                "Routing and Remote Access server"};
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
  static constexpr r values[] = {r::same_text,   r::counterpart,  r::same_object,
                                 r::same_family, r::cause_effect, r::vpn_client_code};
  static constexpr std::string_view ids[] = {"same_text",   "counterpart",  "same_object",
                                             "same_family", "cause_effect", "vpn_client_code"};
  static constexpr std::string_view labels[] = {"same text",       "counterpart",
                                                "same object",     "same family",
                                                "cause or effect", "IKE code and VPN client code"};
};

// The number of elements of an array.
template <class T, std::size_t N>
constexpr std::size_t count_of(const T (&)[N]) noexcept {
  return N;
}

// Whether every values[i] is i and both texts are there for each: what to_id() relies on.
template <class Enum>
constexpr bool enum_text_complete() noexcept {
  using t = enum_text<Enum>;
  constexpr std::size_t n = count_of(t::values);
  bool ok = count_of(t::ids) == n && count_of(t::labels) == n;
  for (std::size_t i = 0; i < n; ++i) ok = ok && static_cast<std::size_t>(t::values[i]) == i;
  return ok;
}

}  // namespace detail

/// The label for people: to_string(component::ike) == "IKE/AuthIP negotiation",
/// to_string(kind::marker) == "range marker", to_string(phase::main_mode) == "main mode",
/// to_string(link_reason::cause_effect) == "cause or effect", to_string(code_space::ras) == "RAS".
/// "?" for a value that is no enumerator.
template <class Enum, std::size_t N = sizeof(detail::enum_text<Enum>::values) / sizeof(Enum)>
[[nodiscard]] constexpr std::string_view to_string(Enum e) noexcept {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? detail::enum_text<Enum>::labels[i] : std::string_view("?");
}

/// The id for programs (JSON values, command-line operands): the enumerator's own name in
/// snake_case, e.g. to_id(component::policy_store) == "policy_store", to_id(kind::marker) ==
/// "marker", to_id(phase::main_mode) == "main_mode". Ids are stable: a released id never
/// changes. "?" for a value that is no enumerator.
template <class Enum, std::size_t N = sizeof(detail::enum_text<Enum>::values) / sizeof(Enum)>
[[nodiscard]] constexpr std::string_view to_id(Enum e) noexcept {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? detail::enum_text<Enum>::ids[i] : std::string_view("?");
}

/// Every enumerator of Enum in order of value: `for (component c : enumerators<component>())`.
template <class Enum, std::size_t N = sizeof(detail::enum_text<Enum>::values) / sizeof(Enum)>
[[nodiscard]] constexpr view<Enum> enumerators() noexcept {
  static_assert(detail::enum_text_complete<Enum>(), "ipsecerr: enum_text is incomplete");
  return {detail::enum_text<Enum>::values, detail::enum_text<Enum>::values + N};
}

/// The enumerator whose to_id() is `id`, ASCII case ignored, or nullptr:
/// `*from_id<component>("driver") == component::driver`, `from_id<phase>("phase1") == nullptr`.
template <class Enum, std::size_t N = sizeof(detail::enum_text<Enum>::values) / sizeof(Enum)>
[[nodiscard]] constexpr const Enum* from_id(std::string_view id) noexcept {
  for (const Enum& e : enumerators<Enum>()) {
    if (detail::equal_folded(to_id(e), id)) return &e;
  }
  return nullptr;
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_ENUM_TEXT_HPP
