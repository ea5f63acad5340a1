// SPDX-License-Identifier: MIT
// ipsecerr internals: the index behind find_name(), an open-addressing hash of the names built at
// compile time, and the invariants it relies on (unique names, short probes, capacity).
#ifndef IPSECERR_DETAIL_NAME_INDEX_HPP
#define IPSECERR_DETAIL_NAME_INDEX_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config.hpp"
#include "rows.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// Eight bytes as a little-endian number; written out so that g++ and clang++ make it one load.
IPSECERR_ALWAYS_INLINE constexpr std::uint64_t load8(const char* p) noexcept {
  using u = std::uint64_t;
  using b = unsigned char;
  return u{b(p[0])} | u{b(p[1])} << 8 | u{b(p[2])} << 16 | u{b(p[3])} << 24 | u{b(p[4])} << 32 |
         u{b(p[5])} << 40 | u{b(p[6])} << 48 | u{b(p[7])} << 56;
}

constexpr std::size_t min_name_size() noexcept {
  std::size_t n = table[0].name.size();
  for (const error_info& e : table) n = e.name.size() < n ? e.name.size() : n;
  return n;
}
constexpr std::size_t max_name_size() noexcept {
  std::size_t n = 0;
  for (const error_info& e : table) n = e.name.size() > n ? e.name.size() : n;
  return n;
}
inline constexpr std::size_t name_min = min_name_size();
inline constexpr std::size_t name_max = max_name_size();
static_assert(name_min >= 16, "ipsecerr: the name hash reads 16 bytes of every name");

inline constexpr unsigned name_bits = 10;  // 1024 slots for about 155 names
inline constexpr std::size_t name_slots = std::size_t{1} << name_bits;
static_assert(table_size * 3 <= name_slots, "ipsecerr: the name hash is too full; add a bit");

// Three 8-byte loads (after the common "ERROR_IP", the middle and the end of the name) and the
// length, mixed by one multiplication. The multiplier is one that gives every name of the table
// its own slot (a perfect hash: max_probe == 0); any other table still works, with probes.
// Requires name_min <= s.size().
IPSECERR_ALWAYS_INLINE constexpr std::size_t name_hash(std::string_view s) noexcept {
  const std::uint64_t head = load8(s.data() + 8);
  const std::uint64_t middle = load8(s.data() + s.size() / 2 - 4);
  const std::uint64_t tail = load8(s.data() + s.size() - 8);
  const std::uint64_t mixed = ((head + (middle >> 3)) ^ tail ^ s.size()) * 0x851E1FB29F2DCEFBull;
  return static_cast<std::size_t>(mixed >> (64 - name_bits));
}

// Whether a and b, both n >= 8 bytes long, are equal: eight bytes at a time, without a call.
IPSECERR_ALWAYS_INLINE constexpr bool same_bytes(const char* a, const char* b,
                                                 std::size_t n) noexcept {
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    if (load8(a + i) != load8(b + i)) return false;
  }
  return load8(a + n - 8) == load8(b + n - 8);
}

struct name_index {
  std::uint8_t slot[name_slots];  // row + 1, or 0 for empty
  std::size_t max_probe;          // the longest distance from a name's hash to its slot
};

// The index, and whether the names are unique: two equal names hash alike, so the second one's
// probe passes the first one's slot, where it is compared (without hashing every name again).
struct name_index_build {
  name_index index;
  bool unique;
};

constexpr name_index_build make_name_index() noexcept {
  name_index_build build{{}, true};
  name_index& index = build.index;
  for (std::size_t i = 0; i < table_size; ++i) {
    const std::string_view name = table[i].name;
    std::size_t at = name_hash(name);
    std::size_t distance = 0;
    while (index.slot[at] != 0) {
      const std::string_view other = table[index.slot[at] - 1].name;
      if (other.size() == name.size() && same_bytes(other.data(), name.data(), name.size())) {
        build.unique = false;
      }
      at = (at + 1) & (name_slots - 1);
      ++distance;
    }
    index.slot[at] = static_cast<std::uint8_t>(i + 1);
    if (distance > index.max_probe) index.max_probe = distance;
  }
  return build;
}
inline constexpr name_index_build name_build = make_name_index();
inline constexpr name_index by_name = name_build.index;
static_assert(by_name.max_probe <= 3, "ipsecerr: the name hash clusters; change its mixing");
static_assert(name_build.unique, "ipsecerr: two rows have the same name");

// What find_name() does: hash, then compare the name at each probed slot.
IPSECERR_ALWAYS_INLINE constexpr const error_info* find_in_name_index(
    std::string_view name) noexcept {
  if (name.size() < name_min || name.size() > name_max) return nullptr;
  std::size_t at = name_hash(name);
  for (std::size_t k = 0; k <= by_name.max_probe; ++k) {
    const std::uint8_t slot = by_name.slot[at];
    if (slot == 0) return nullptr;
    const error_info& e = table[slot - 1];
    if (e.name.size() == name.size() && same_bytes(e.name.data(), name.data(), name.size())) {
      return &e;
    }
    at = (at + 1) & (name_slots - 1);
  }
  return nullptr;
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_NAME_INDEX_HPP
