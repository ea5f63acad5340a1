// SPDX-License-Identifier: MIT
// ipsecerr's view: the read-only range over static data that all(), in_component(), related()
// and enumerators() return.
#ifndef IPSECERR_VIEW_HPP
#define IPSECERR_VIEW_HPP

#include <cstddef>

namespace ipsecerr {
inline namespace v1 {

/// A contiguous, read-only range over static data: begin(), end(), size(), operator[].
template <class T>
class view {
 public:
  using value_type = T;
  using const_iterator = const T*;
  using iterator = const T*;

  constexpr view() noexcept = default;
  constexpr view(const T* first, const T* last) noexcept : first_(first), last_(last) {}

  [[nodiscard]] constexpr const T* begin() const noexcept { return first_; }
  [[nodiscard]] constexpr const T* end() const noexcept { return last_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    return static_cast<std::size_t>(last_ - first_);
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return first_ == last_; }
  /// Element i; i must be less than size().
  [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return first_[i]; }
  [[nodiscard]] constexpr const T& front() const noexcept { return *first_; }
  [[nodiscard]] constexpr const T& back() const noexcept { return *(last_ - 1); }

 private:
  const T* first_ = nullptr;
  const T* last_ = nullptr;
};

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_VIEW_HPP
