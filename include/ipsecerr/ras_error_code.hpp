// SPDX-License-Identifier: MIT
// ipsecerr's RAS codes and std::error_code: the "ras" error category and make_error_code(ras_errc).
// A RAS code equals only itself: never a system_category() value, where the number is another code.
#ifndef IPSECERR_RAS_ERROR_CODE_HPP
#define IPSECERR_RAS_ERROR_CODE_HPP

#include <string>
#include <system_error>

#include "ras.hpp"

namespace std {
/// ras_errc converts to std::error_code through make_error_code().
template <>
struct is_error_code_enum<ipsecerr::ras_errc> : true_type {};
}  // namespace std

#include "error_code.hpp"  // after the specialization, whose operators would instantiate it

namespace ipsecerr {
inline namespace v1 {

namespace detail {

class ras_category_impl final : public std::error_category {
 public:
  [[nodiscard]] const char* name() const noexcept override { return "ras"; }

  // The entry's text (the SDK's RasError.h text), or "unknown RAS error code 999 (0x3E7)".
  // std::error_category's equivalent() is kept: equal only to the same category and value.
  [[nodiscard]] std::string message(int value) const override {
    return message_of(describe_ras(static_cast<std::uint32_t>(value)));
  }
};

}  // namespace detail

/// The "ras" error category of RAS codes; message() gives the entry's text on every OS.
[[nodiscard]] inline const std::error_category& ras_category() noexcept {
  static const detail::ras_category_impl instance;
  return instance;
}

/// A ras_errc as a std::error_code in ras_category() (found by ADL:
/// `std::error_code ec = ras_errc::vpn_timeout;`).
[[nodiscard]] inline std::error_code make_error_code(ras_errc code) noexcept {
  return {static_cast<int>(code), ras_category()};
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_RAS_ERROR_CODE_HPP
