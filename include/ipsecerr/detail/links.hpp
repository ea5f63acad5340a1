// SPDX-License-Identifier: MIT
// ipsecerr internals: the related-code links of related.def, materialised into both directions
// per row at compile time, and the invariants related() relies on (canonical, resolved, capped).
#ifndef IPSECERR_DETAIL_LINKS_HPP
#define IPSECERR_DETAIL_LINKS_HPP

#include <cstddef>
#include <cstdint>

#include "code_index.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

/// One undirected link between two rows, as written in related.def.
struct link {
  errc a;
  errc b;
  link_reason reason;
};

inline constexpr link links[] = {
#define IPSECERR_LINK(a, b, reason) link{errc::a, errc::b, link_reason::reason},
#include "related.def"
#undef IPSECERR_LINK
};
inline constexpr std::size_t link_count = sizeof(links) / sizeof(links[0]);

/// The most related codes one code may have.
inline constexpr std::size_t max_related = 8;

constexpr std::uint32_t code_value(errc c) noexcept { return static_cast<std::uint32_t>(c); }

/// The index of the row with this code in rows sorted by code, or n if there is none.
/// For the table itself, the code index answers with one read instead of a search.
constexpr std::size_t row_of(const error_info* rows, std::size_t n, std::uint32_t code) noexcept {
  if (rows == table && n == table_size) {
    const error_info* e = find_win32(code);
    return e != nullptr ? static_cast<std::size_t>(e - table) : n;
  }
  std::size_t lo = 0;
  std::size_t hi = n;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (rows[mid].code < code) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < n && rows[lo].code == code ? lo : n;
}

/// Each link joins two different codes, the lower first, and the links are strictly ascending
/// by (a, b): so there are no self links and no link is written twice, in either direction.
constexpr bool links_canonical(const link* l, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t a = code_value(l[i].a);
    const std::uint32_t b = code_value(l[i].b);
    if (a >= b) return false;
    if (i > 0) {
      const std::uint32_t pa = code_value(l[i - 1].a);
      if (pa > a || (pa == a && code_value(l[i - 1].b) >= b)) return false;
    }
  }
  return true;
}

/// Both directions of the links, grouped by row: row i's related codes are
/// items[first[i]] up to items[first[i + 1]].
template <std::size_t Rows, std::size_t Items>
struct adjacency {
  std::uint16_t first[Rows + 1] = {};
  related_code items[Items];
};

/// A counting sort of the links by row; with canonical links each row's codes come out ascending.
/// Links with an end that is not a row are left out (links_resolve rejects them).
template <std::size_t Rows, std::size_t Links>
constexpr adjacency<Rows, 2 * Links> make_adjacency(const error_info (&rows)[Rows],
                                                    const link (&l)[Links]) noexcept {
  adjacency<Rows, 2 * Links> adj{};
  std::size_t ra[Links] = {};
  std::size_t rb[Links] = {};
  for (std::size_t i = 0; i < Links; ++i) {
    ra[i] = row_of(rows, Rows, code_value(l[i].a));
    rb[i] = row_of(rows, Rows, code_value(l[i].b));
    if (ra[i] == Rows || rb[i] == Rows) continue;
    ++adj.first[ra[i] + 1];
    ++adj.first[rb[i] + 1];
  }
  for (std::size_t r = 0; r < Rows; ++r) {
    adj.first[r + 1] = static_cast<std::uint16_t>(adj.first[r + 1] + adj.first[r]);
  }
  std::uint16_t next[Rows] = {};
  for (std::size_t r = 0; r < Rows; ++r) next[r] = adj.first[r];
  for (std::size_t i = 0; i < Links; ++i) {
    if (ra[i] == Rows || rb[i] == Rows) continue;
    adj.items[next[ra[i]]++] = related_code{code_value(l[i].b), l[i].reason, &rows[rb[i]]};
    adj.items[next[rb[i]]++] = related_code{code_value(l[i].a), l[i].reason, &rows[ra[i]]};
  }
  return adj;
}

/// No row has more than max_related related codes.
constexpr bool related_within_capacity(std::size_t n, const std::uint16_t* first) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (first[i + 1] < first[i]) return false;
    if (static_cast<std::size_t>(first[i + 1] - first[i]) > max_related) return false;
  }
  return true;
}

/// Every row's related codes: both directions of each link, row i's being items[first[i]] up to
/// items[first[i + 1]], and the invariants that related() relies on. A class template that only
/// related() instantiates: a translation unit that never asks for related codes (or prints a long
/// form) neither builds the index nor checks it; one that does fails to build on a broken link.
// Rows and Count are the table's and related.def's sizes; as parameters they make each check
// depend on the template, so that no compiler evaluates it before related() is instantiated.
template <std::size_t Rows = table_size, std::size_t Count = link_count>
struct related_links {
  static_assert(Count > 0 && 2 * Count < 65536, "ipsecerr: the links need 16-bit offsets");
  static_assert(links_canonical(links, Count),
                "ipsecerr: related.def must list each link once, lower code first, sorted");

  static constexpr adjacency<Rows, 2 * Count> index = make_adjacency(table, links);

  // make_adjacency() leaves out only the links with an end that is not a row, and puts every
  // other link in both rows' lists. So this count holds exactly when every link resolves, and
  // then, with canonical links, the lists are symmetric, ascending, without self links or repeats
  // (tests/data_checks_test.cpp checks those properties on the index itself, too).
  static_assert(index.first[Rows] == 2 * Count,
                "ipsecerr: every link must join two rows of the table");
  static_assert(related_within_capacity(Rows, index.first),
                "ipsecerr: a code may have at most 8 related codes");
};

// related_links<>, named through T: a call in a template that uses it for related() waits for the
// template's instantiation (clang instantiates a constexpr callee as soon as the call is seen).
template <class T>
struct links_for {
  using type = related_links<>;
};

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_LINKS_HPP
