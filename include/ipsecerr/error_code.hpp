// SPDX-License-Identifier: MIT
// ipsecerr and std::error_code: the "ipsec" error category, make_error_code(errc), and comparisons
// of any std::error_code with errc (on Windows also GetLastError() values in system_category()).
#ifndef IPSECERR_ERROR_CODE_HPP
#define IPSECERR_ERROR_CODE_HPP

#include <string>
#include <system_error>
#include <type_traits>

#include "ipsecerr.hpp"

namespace std {
/// errc converts to std::error_code through make_error_code().
template <>
struct is_error_code_enum<ipsecerr::errc> : true_type {};
}  // namespace std

namespace ipsecerr {
inline namespace v1 {

namespace detail {

// Whether a value, also HRESULT_FROM_WIN32 or NTSTATUS_FROM_WIN32 wrapped, is the Win32 code.
constexpr bool same_code(int value, int code) noexcept {
  return unwrap(static_cast<std::uint32_t>(value)) == unwrap(static_cast<std::uint32_t>(code));
}

// The message of a category: the entry's text, or the one-line form of an unknown code.
inline std::string message_of(const description& d) {
  if (d.known()) return std::string(d.message());
  std::string text;
  d.write_line([&text](std::string_view piece) { text.append(piece.data(), piece.size()); });
  return text;
}

class ipsec_category final : public std::error_category {
 public:
  [[nodiscard]] const char* name() const noexcept override { return "ipsec"; }

  // Windows' text on every OS, or describe()'s "unknown IPsec error code ..." line.
  [[nodiscard]] std::string message(int value) const override {
    return message_of(description(static_cast<std::uint32_t>(value)));
  }

  // Our own codes by value (wrapped forms too); on Windows also system_category() values, which
  // are GetLastError() codes there (and HRESULTs where a library stores those). Elsewhere
  // system_category() holds errno values, which are never IPsec codes.
  [[nodiscard]] bool equivalent(const std::error_code& code,
                                int condition) const noexcept override {
    if (code.category() == *this) return same_code(code.value(), condition);
#if defined(_WIN32)
    if (code.category() == std::system_category()) return same_code(code.value(), condition);
#endif
    return false;
  }
};

}  // namespace detail

/// The "ipsec" error category; message() gives Windows' text on every OS.
[[nodiscard]] inline const std::error_category& category() noexcept {
  static const detail::ipsec_category instance;
  return instance;
}

/// An errc as a std::error_code in category() (found by ADL: `std::error_code ec = errc::...`).
[[nodiscard]] inline std::error_code make_error_code(errc code) noexcept {
  return {static_cast<int>(code), category()};
}

namespace detail {
// errc itself and nothing else: then the operators below never ask whether another enum (such as
// ras_errc) converts to std::error_code, which would fix std::is_error_code_enum<that enum> as
// false before its own header specialises it.
template <class E>
using if_errc = std::enable_if_t<std::is_same_v<E, errc>, bool>;
}  // namespace detail

/// Whether `code` denotes `e`: equal in category(), or on Windows a system_category() value.
template <class E, detail::if_errc<E> = true>
[[nodiscard]] bool operator==(const std::error_code& code, E e) noexcept {
  return category().equivalent(code, static_cast<int>(e));
}

/// Whether `code` denotes `e` (the same test with the operands swapped).
template <class E, detail::if_errc<E> = true>
[[nodiscard]] bool operator==(E e, const std::error_code& code) noexcept {
  return code == e;
}

/// Whether `code` does not denote `e`.
template <class E, detail::if_errc<E> = true>
[[nodiscard]] bool operator!=(const std::error_code& code, E e) noexcept {
  return !(code == e);
}

/// Whether `code` does not denote `e` (the operands swapped).
template <class E, detail::if_errc<E> = true>
[[nodiscard]] bool operator!=(E e, const std::error_code& code) noexcept {
  return !(code == e);
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_ERROR_CODE_HPP
