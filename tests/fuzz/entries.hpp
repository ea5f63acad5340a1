// SPDX-License-Identifier: MIT
// What the text fuzz targets walk: every entry of the Win32 table, then of the RAS table (the order
// of message hits and of search results within a rank), and an entry's place in that order.
#ifndef IPSECERR_FUZZ_ENTRIES_HPP
#define IPSECERR_FUZZ_ENTRIES_HPP

#include <cstddef>
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/ras.hpp>
#include <vector>

#include "fuzz_check.hpp"

namespace ipsecerr_fuzz {

inline const std::vector<const ipsecerr::error_info*>& entries() {
  static const std::vector<const ipsecerr::error_info*> all = [] {
    std::vector<const ipsecerr::error_info*> out;
    for (const auto& e : ipsecerr::all()) out.push_back(&e);
    for (const auto& e : ipsecerr::all_ras()) out.push_back(&e);
    return out;
  }();
  return all;
}

inline std::size_t index_of(const ipsecerr::error_info& e) {
  const bool ras = e.space == ipsecerr::code_space::ras;
  const auto first = ras ? ipsecerr::all_ras().begin() : ipsecerr::all().begin();
  const std::size_t i = (ras ? ipsecerr::all().size() : 0) + static_cast<std::size_t>(&e - first);
  IPSECERR_FUZZ_CHECK(entries().at(i) == &e);
  return i;
}

}  // namespace ipsecerr_fuzz

#endif  // IPSECERR_FUZZ_ENTRIES_HPP
