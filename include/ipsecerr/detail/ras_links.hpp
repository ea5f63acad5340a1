// SPDX-License-Identifier: MIT
// ipsecerr internals: the RAS rows' links (ras_errors.def), each RAS row's in both directions and
// the reverse index from Win32 rows to RAS rows, with their caps. Included by ras.hpp only.
#ifndef IPSECERR_DETAIL_RAS_LINKS_HPP
#define IPSECERR_DETAIL_RAS_LINKS_HPP

#include <cstddef>
#include <cstdint>

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// The enumeration of the other end of a link, by its space.
#define IPSECERR_RAS_ENUM_ras ras_errc
#define IPSECERR_RAS_ENUM_win32 errc

struct ras_link {
  ras_errc a;        // a RAS row
  code_space space;  // the other end's space
  std::uint32_t b;   // the other end's code
  link_reason reason;
};
inline constexpr ras_link ras_links[] = {
#define IPSECERR_RAS_LINK(id, space, other, reason) \
  ras_link{ras_errc::id, code_space::space,         \
           static_cast<std::uint32_t>(IPSECERR_RAS_ENUM_##space::other), link_reason::reason},
#include "ras_errors.def"
#undef IPSECERR_RAS_LINK
};
#undef IPSECERR_RAS_ENUM_ras
#undef IPSECERR_RAS_ENUM_win32
inline constexpr std::size_t ras_link_count = sizeof(ras_links) / sizeof(ras_links[0]);

/// The most related entries one RAS row may have (RAS and Win32 together), and the most RAS rows
/// one Win32 row may be linked to. Each related_code costs 16 bytes (code, reason, entry pointer)
/// on 64-bit targets, the reverse index 4 more per link; all of it is about 1 KB.
inline constexpr std::size_t max_ras_related = 8;
inline constexpr std::size_t max_ras_per_win32 = 4;

/// Each link joins a row to a later RAS row or to a Win32 row, and is listed once.
constexpr bool ras_links_valid() noexcept {
  for (std::size_t i = 0; i < ras_link_count; ++i) {
    const ras_link& l = ras_links[i];
    const std::uint32_t a = static_cast<std::uint32_t>(l.a);
    if (l.space == code_space::ras ? l.b <= a : find_win32(l.b) == nullptr) return false;
    for (std::size_t k = 0; k < i; ++k) {
      if (ras_links[k].a == l.a && ras_links[k].space == l.space && ras_links[k].b == l.b) {
        return false;
      }
    }
  }
  return true;
}
static_assert(ras_link_count > 0 && 2 * ras_link_count < 65536, "ipsecerr: 16-bit link offsets");
static_assert(ras_links_valid(),
              "ipsecerr: a RAS link joins a row to a later RAS row or to a Win32 row, once");

// Sort key of a related entry: Win32 entries first, then RAS entries, each in code order.
constexpr std::uint64_t entry_key(const error_info& e) noexcept {
  return std::uint64_t{e.space == code_space::ras ? 1u : 0u} << 32 | e.code;
}

template <std::size_t Items>
struct ras_adjacency {
  std::uint16_t first[ras_table_size + 1] = {};  // row i's: items[first[i]] to items[first[i+1]]
  related_code items[Items] = {};
};

// A link to an entry of either space: its code, the reason, and the entry (which has its space).
constexpr related_code link_to(const error_info* e, link_reason reason) noexcept {
  return related_code{e->code, reason, e};
}

// The other end of link l as seen from RAS row `row`, if l touches that row.
constexpr bool other_end(const ras_link& l, std::size_t row, related_code& out) noexcept {
  const std::uint32_t code = ras_table[row].code;
  const std::uint32_t a = static_cast<std::uint32_t>(l.a);
  if (a == code) {
    out = link_to(l.space == code_space::ras ? find_ras_plain(l.b) : find_win32(l.b), l.reason);
    return true;
  }
  if (l.space == code_space::ras && l.b == code) {
    out = link_to(find_ras_plain(a), l.reason);
    return true;
  }
  return false;
}

constexpr std::size_t count_ras_items() noexcept {
  std::size_t n = 0;
  for (const ras_link& l : ras_links) n += l.space == code_space::ras ? 2 : 1;
  return n;
}

// Every RAS row's related entries, sorted by entry_key (an insertion sort per row).
constexpr ras_adjacency<count_ras_items()> make_ras_adjacency() noexcept {
  ras_adjacency<count_ras_items()> adj{};
  std::size_t n = 0;
  for (std::size_t row = 0; row < ras_table_size; ++row) {
    adj.first[row] = static_cast<std::uint16_t>(n);
    for (const ras_link& l : ras_links) {
      related_code r{0, link_reason::same_text, nullptr};
      if (!other_end(l, row, r)) continue;
      std::size_t at = n++;
      for (; at > adj.first[row] && entry_key(*adj.items[at - 1].entry) > entry_key(*r.entry);
           --at) {
        adj.items[at] = adj.items[at - 1];
      }
      adj.items[at] = r;
    }
  }
  adj.first[ras_table_size] = static_cast<std::uint16_t>(n);
  return adj;
}
inline constexpr auto ras_related_index = make_ras_adjacency();

constexpr std::size_t count_win32_links() noexcept {
  std::size_t n = 0;
  for (const ras_link& l : ras_links) n += l.space == code_space::win32 ? 1 : 0;
  return n;
}
inline constexpr std::size_t win32_link_count = count_win32_links();

// The links to Win32 rows by Win32 code: code[k] is the Win32 code, items[k] the RAS row.
struct win32_to_ras {
  std::uint32_t code[win32_link_count] = {};
  related_code items[win32_link_count] = {};
};
constexpr win32_to_ras make_win32_to_ras() noexcept {
  win32_to_ras index{};
  std::size_t n = 0;
  for (const ras_link& l : ras_links) {  // in RAS code order; a stable insertion by Win32 code
    if (l.space != code_space::win32) continue;
    std::size_t at = n++;
    for (; at > 0 && index.code[at - 1] > l.b; --at) {
      index.code[at] = index.code[at - 1];
      index.items[at] = index.items[at - 1];
    }
    index.code[at] = l.b;
    index.items[at] = link_to(find_ras_plain(static_cast<std::uint32_t>(l.a)), l.reason);
  }
  return index;
}
inline constexpr win32_to_ras ras_by_win32 = make_win32_to_ras();

// The RAS links of the Win32 row with this code: [first, last) in ras_by_win32.
struct index_range {
  std::size_t first;
  std::size_t last;
};
constexpr index_range ras_range_of(std::uint32_t win32_code) noexcept {
  std::size_t first = 0;
  while (first < win32_link_count && ras_by_win32.code[first] < win32_code) ++first;
  std::size_t last = first;
  while (last < win32_link_count && ras_by_win32.code[last] == win32_code) ++last;
  return {first, last};
}

/// No RAS row has more than max_ras_related entries; no Win32 row more than max_ras_per_win32.
constexpr bool ras_links_within_capacity() noexcept {
  for (std::size_t row = 0; row < ras_table_size; ++row) {
    const auto size =
        static_cast<std::size_t>(ras_related_index.first[row + 1]) - ras_related_index.first[row];
    if (size > max_ras_related) return false;
  }
  for (const std::uint32_t code : ras_by_win32.code) {
    const index_range r = ras_range_of(code);
    if (r.last - r.first > max_ras_per_win32) return false;
  }
  return true;
}
static_assert(ras_links_within_capacity(),
              "ipsecerr: a RAS code may have at most 8 related entries, a Win32 code 4 RAS ones");

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_RAS_LINKS_HPP
