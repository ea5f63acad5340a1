// SPDX-License-Identifier: MIT
// ipsecerr internals: held<T, N>, the fixed-capacity, by-value result that parse(), find_in() and
// the text matchers return (no allocation; every item is a live, initialised T).
#ifndef IPSECERR_DETAIL_HELD_HPP
#define IPSECERR_DETAIL_HELD_HPP

#include <cstddef>

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// A read-only sequence of up to N items held by value: the results of parse(), find_in() and the
// text matchers.
template <class T, std::size_t N>
class held {
 public:
  /// The most items one result holds.
  static constexpr std::size_t capacity = N;
  using value_type = T;
  using const_iterator = const T*;
  using iterator = const T*;

  [[nodiscard]] constexpr const T* begin() const noexcept { return items_; }
  [[nodiscard]] constexpr const T* end() const noexcept { return items_ + size_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  /// Item i; i must be less than size().
  [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return items_[i]; }

 protected:
  T items_[N] = {};
  std::size_t size_ = 0;
};

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_HELD_HPP
