// SPDX-License-Identifier: MIT
// ipsecerr internals: the checks on the table's editorial text and links (names, printable text,
// hints, errc ids, link coverage); tests/data_checks_test.cpp asserts them, so no user pays.
#ifndef IPSECERR_DETAIL_CHECKS_HPP
#define IPSECERR_DETAIL_CHECKS_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "../ipsecerr.hpp"
#include "ascii.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// The rows' errc enumerator names, as text, in table order (checked against the names).
#define IPSECERR_ROW(code, name, id, k, cat, ph, nt, message, hint) std::string_view(#id),
inline constexpr std::string_view ids[] = {
#include "errors.def"
};
#undef IPSECERR_ROW

// ---- Text: each check a function of any text or rows, so that tests can show it can fail. ----
// One implementation for every compiler, a class lookup per character (detail/ascii.hpp).

/// Whether the n characters at p are printable ASCII (0x20-0x7E).
constexpr bool all_printable(const char* p, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if ((class_of(p[i]) & printable_char) == 0) return false;
  }
  return true;
}

/// Upper snake case: A-Z, 0-9 and single underscores between words.
constexpr bool is_upper_snake(std::string_view s) noexcept {
  constexpr std::uint8_t word = upper_char | digit_char;
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool ok = (class_of(s[i]) & word) != 0 || (s[i] == '_' && s[i - 1] != '_');
    if (!ok) return false;
  }
  return true;
}

/// ERROR_, WARNING_ or WSA_ followed by upper snake case.
constexpr bool is_well_formed_name(std::string_view name) noexcept {
  const char* p = name.data();
  const std::size_t n = name.size();
  std::size_t prefix = 0;
  if (n > 6 && p[0] == 'E' && p[1] == 'R' && p[2] == 'R' && p[3] == 'O' && p[4] == 'R' &&
      p[5] == '_') {
    prefix = 6;
  } else if (n > 8 && p[0] == 'W' && p[1] == 'A' && p[2] == 'R' && p[3] == 'N' && p[4] == 'I' &&
             p[5] == 'N' && p[6] == 'G' && p[7] == '_') {
    prefix = 8;
  } else if (n > 4 && p[0] == 'W' && p[1] == 'S' && p[2] == 'A' && p[3] == '_') {
    prefix = 4;
  } else {
    return false;
  }
  return is_upper_snake(std::string_view(p + prefix, n - prefix));
}

/// The errc enumerator a name must have: lower case, without ERROR_IPSEC_, WARNING_IPSEC_, ERROR_.
constexpr bool is_id_of(std::string_view id, std::string_view name) noexcept {
  const char* p = name.data();
  std::size_t n = name.size();
  std::size_t prefix = 0;
  if (n >= 6 && p[0] == 'E' && p[1] == 'R' && p[2] == 'R' && p[3] == 'O' && p[4] == 'R' &&
      p[5] == '_') {
    prefix = (n >= 12 && p[6] == 'I' && p[7] == 'P' && p[8] == 'S' && p[9] == 'E' && p[10] == 'C' &&
              p[11] == '_')
                 ? 12
                 : 6;
  } else if (n >= 14 && p[0] == 'W' && p[1] == 'A' && p[2] == 'R' && p[3] == 'N' && p[4] == 'I' &&
             p[5] == 'N' && p[6] == 'G' && p[7] == '_' && p[8] == 'I' && p[9] == 'P' &&
             p[10] == 'S' && p[11] == 'E' && p[12] == 'C' && p[13] == '_') {
    prefix = 14;
  }
  p += prefix;
  n -= prefix;
  if (id.size() != n) return false;
  // Each id character is the name's, with 'A'-'Z' as 'a'-'z' (so an upper case id never matches).
  const char* q = id.data();
  unsigned differ = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char u = p[i];
    differ |=
        static_cast<unsigned>(q[i] ^ (static_cast<unsigned>(u - 'A') < 26u ? u + ('a' - 'A') : u));
  }
  return differ == 0;
}

/// Printable ASCII, not empty, no space at either end.
constexpr bool is_clean_text(std::string_view s) noexcept {
  const char* p = s.data();
  const std::size_t n = s.size();
  return n != 0 && p[0] != ' ' && p[n - 1] != ' ' && all_printable(p, n);
}

constexpr bool names_well_formed(const error_info* rows, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_well_formed_name(rows[i].name)) return false;
  }
  return true;
}

constexpr bool messages_clean(const error_info* rows, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_clean_text(rows[i].message)) return false;
  }
  return true;
}

constexpr bool ids_match_names(const std::string_view* id, const error_info* rows,
                               std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_id_of(id[i], rows[i].name)) return false;
  }
  return true;
}

/// Warnings are named WARNING_ and nothing else is; a marker's message is its own name.
constexpr bool kinds_consistent(const error_info* rows, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    const error_info& e = rows[i];
    if ((e.kind == kind::warning) != starts_with(e.name, {"WARNING_", 8})) return false;
    if ((e.kind == kind::marker) != same_text(e.message, e.name)) return false;
  }
  return true;
}

/// The longest hint allowed: one or two sentences.
inline constexpr std::size_t max_hint_size = 240;

/// Every row has a hint: printable ASCII, no outer spaces, at most max_hint_size characters.
constexpr bool hints_clean(const error_info* rows, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (rows[i].hint.size() > max_hint_size || !is_clean_text(rows[i].hint)) return false;
  }
  return true;
}

/// No hint is its row's message: hints are ipsecerr's own words.
constexpr bool hints_differ_from_messages(const error_info* rows, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (rows[i].hint == rows[i].message) return false;
  }
  return true;
}

/// Exactly the markers' hints begin "Range marker", so a marker always says what it is.
constexpr bool marker_hints_say_so(const error_info* rows, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if ((rows[i].kind == kind::marker) != starts_with(rows[i].hint, {"Range marker", 12}))
      return false;
  }
  return true;
}

// ---- Links: what related() shows, checked on any adjacency (links.hpp builds the table's). ----

/// Both ends of every link are rows.
constexpr bool links_resolve(const link* l, std::size_t n, const error_info* rows,
                             std::size_t nrows) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (row_of(rows, nrows, code_value(l[i].a)) == nrows) return false;
    if (row_of(rows, nrows, code_value(l[i].b)) == nrows) return false;
  }
  return true;
}

/// Every related code is a row.
constexpr bool related_resolve(const error_info* rows, std::size_t n, const std::uint16_t* first,
                               const related_code* items) noexcept {
  for (std::size_t k = first[0]; k < first[n]; ++k) {
    if (row_of(rows, n, items[k].code) == n) return false;
  }
  return true;
}

/// No row is related to itself.
constexpr bool related_not_self(const error_info* rows, std::size_t n, const std::uint16_t* first,
                                const related_code* items) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = first[i]; k < first[i + 1]; ++k) {
      if (items[k].code == rows[i].code) return false;
    }
  }
  return true;
}

/// Each row's related codes are strictly ascending, so none appears twice.
constexpr bool related_unique(std::size_t n, const std::uint16_t* first,
                              const related_code* items) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = first[i] + 1u; k < first[i + 1]; ++k) {
      if (items[k - 1].code >= items[k].code) return false;
    }
  }
  return true;
}

/// If row i lists code c with a reason, then c's row lists row i's code with the same reason.
constexpr bool related_symmetric(const error_info* rows, std::size_t n, const std::uint16_t* first,
                                 const related_code* items) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = first[i]; k < first[i + 1]; ++k) {
      const std::size_t j = row_of(rows, n, items[k].code);
      if (j == n) return false;
      bool found = false;
      for (std::size_t m = first[j]; m < first[j + 1]; ++m) {
        found = found || (items[m].code == rows[i].code && items[m].reason == items[k].reason);
      }
      if (!found) return false;
    }
  }
  return true;
}

/// Every error row has a related code, except the listed ones, which must be errors without any
/// (so the list cannot go stale). Warnings and markers need none.
constexpr bool errors_linked_except(const error_info* rows, std::size_t n,
                                    const std::uint16_t* first, const errc* unlinked,
                                    std::size_t n_unlinked) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    bool listed = false;
    for (std::size_t u = 0; u < n_unlinked; ++u)
      listed = listed || code_value(unlinked[u]) == rows[i].code;
    const bool has_links = first[i + 1] != first[i];
    if (listed && (has_links || rows[i].kind != kind::error)) return false;
    if (!listed && !has_links && rows[i].kind == kind::error) return false;
  }
  for (std::size_t u = 0; u < n_unlinked; ++u) {
    if (row_of(rows, n, code_value(unlinked[u])) == n) return false;
  }
  return true;
}

// The errors without a related code, because no link to them can be defended:
//   11033  reported by WinSock for name-based policy, outside IKE's negotiation codes
//   13876  "Load failed" says too little to tie it to any other code
//   13878  a benign placeholder status while IKEEXT reinitializes, not a failure
//   13898  a NAP success-path status for IKEv2 tunnels, not a failure
//   13902  Windows documents nothing about its IKEv1/AuthIP co-existence check to tie it to
//   13904  MOBIKE support is a gateway capability; no other code describes it
//   13931  a configuration state of DoS Protection (not set up), not a drop like its neighbours
inline constexpr errc unlinked_errors[] = {
    errc::wsa_ipsec_name_policy_error, errc::ike_load_failed,
    errc::ike_benign_reinit,           errc::ike_kill_dummy_nap_tunnel,
    errc::ike_coexistence_suppress,    errc::ike_peer_doesnt_support_mobike,
    errc::dosp_not_installed};

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_CHECKS_HPP
