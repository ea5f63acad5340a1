// SPDX-License-Identifier: MIT
// ipsecerr internals: what keeps the previous version's names compiling for one more version,
// each read with a deprecation warning (error_info::category).
#ifndef IPSECERR_DETAIL_DEPRECATED_HPP
#define IPSECERR_DETAIL_DEPRECATED_HPP

namespace ipsecerr {
inline namespace v1 {
namespace detail {
/// What error_info::category holds: a component whose every read warns that the name is
/// deprecated. The warning sits on the conversion, not on a member, so that copying an
/// error_info (which copies this too) never warns, with any compiler.
class deprecated_component {
 public:
  constexpr deprecated_component(component c) noexcept : value_(c) {}  // NOLINT: implicit
  [[deprecated("use error_info::component")]] constexpr operator component() const noexcept {
    return value_;
  }

 private:
  component value_;
};
}  // namespace detail

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_DEPRECATED_HPP
