// SPDX-License-Identifier: MIT
// ipsecerr internals: the table, one error_info per row of errors.def in code order, and the
// invariants of the rows that the lookups rely on (row count, component runs).
#ifndef IPSECERR_DETAIL_ROWS_HPP
#define IPSECERR_DETAIL_ROWS_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// The text of a literal; the row macros expand each row of errors.def into one entry.
#define IPSECERR_SV(text) std::string_view(text, sizeof(text) - 1)
inline constexpr error_info table[] = {
#define IPSECERR_ROW(code, name, id, k, cat, ph, nt, message, hint)                          \
  error_info{                                                                                \
      code,      IPSECERR_SV(#name), IPSECERR_SV(message), kind::k,          component::cat, \
      phase::ph, std::uint32_t{nt},  IPSECERR_SV(hint),    code_space::win32},
#include "errors.def"
#undef IPSECERR_ROW
};

inline constexpr std::size_t table_size = sizeof(table) / sizeof(table[0]);

#undef IPSECERR_SV

// Row numbers are stored as row + 1 in the indexes' bytes.
static_assert(table_size > 0 && table_size < 255, "ipsecerr: the table must have 1 to 254 rows");

/// Each component's rows are contiguous in code order, so in_component() is a sub-range.
constexpr bool components_contiguous(const error_info* rows, std::size_t n) noexcept {
  std::uint32_t seen = 0;  // one bit per component whose run has started
  for (std::size_t i = 0; i < n; ++i) {
    const auto bit = std::uint32_t{1} << static_cast<unsigned>(rows[i].component);
    if (i > 0 && rows[i - 1].component != rows[i].component && (seen & bit) != 0) return false;
    seen |= bit;
  }
  return true;
}
static_assert(components_contiguous(table, table_size),
              "ipsecerr: each component's rows must be contiguous in code order");

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_ROWS_HPP
