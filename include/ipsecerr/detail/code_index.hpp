// SPDX-License-Identifier: MIT
// ipsecerr internals: the index behind find(code), a byte per code of the dense IPsec block plus
// a scan of the few codes below it, and the invariants it relies on (ascending codes, capacity).
#ifndef IPSECERR_DETAIL_CODE_INDEX_HPP
#define IPSECERR_DETAIL_CODE_INDEX_HPP

#include <cstddef>
#include <cstdint>

#include "rows.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

/// Strictly ascending codes: all() is sorted, no code has two rows, row_of() may bisect.
constexpr bool codes_ascending(const error_info* rows, std::size_t n) noexcept {
  for (std::size_t i = 1; i < n; ++i) {
    if (rows[i - 1].code >= rows[i].code) return false;
  }
  return true;
}
static_assert(codes_ascending(table, table_size),
              "ipsecerr: table codes must be strictly ascending (so unique)");

/// Rows below this code are outliers found by a short scan; the rest are indexed directly.
inline constexpr std::uint32_t block_first = 13000;

constexpr std::size_t count_outliers() noexcept {
  std::size_t n = 0;
  while (n < table_size && table[n].code < block_first) ++n;
  return n;
}
inline constexpr std::size_t outliers = count_outliers();
inline constexpr std::uint32_t block_last = table[table_size - 1].code;
inline constexpr std::size_t block_size = block_last - block_first + 1;
static_assert(outliers <= 4, "ipsecerr: more outliers than a scan should handle; widen the block");
static_assert(block_size <= 1024, "ipsecerr: the code block outgrew its index budget");

struct code_index {
  std::uint8_t slot[block_size];  // row + 1, or 0 for no row
};

constexpr code_index make_code_index() noexcept {
  code_index index{};
  for (std::size_t i = outliers; i < table_size; ++i) {
    index.slot[table[i].code - block_first] = static_cast<std::uint8_t>(i + 1);
  }
  return index;
}
inline constexpr code_index by_code = make_code_index();

constexpr const error_info* find_win32(std::uint32_t code) noexcept {
  const std::uint32_t offset = code - block_first;
  if (offset < block_size) {
    const std::uint8_t slot = by_code.slot[offset];
    return slot != 0 ? &table[slot - 1] : nullptr;
  }
  for (std::size_t i = 0; i < outliers; ++i) {
    if (table[i].code == code) return &table[i];
  }
  return nullptr;
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_CODE_INDEX_HPP
