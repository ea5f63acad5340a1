// SPDX-License-Identifier: MIT
// ipsecerr::parse(): every reading of one token (a code in any of its printed forms, or a name),
// constexpr, without allocation.
#ifndef IPSECERR_PARSE_HPP
#define IPSECERR_PARSE_HPP

#include "detail/ascii.hpp"
#include "detail/held.hpp"
#include "form.hpp"
#include "ipsecerr.hpp"
#include "ras.hpp"

namespace ipsecerr {
inline namespace v1 {

/// One reading of a token: the Win32 code it denotes and the form it was read in.
struct reading {
  std::uint32_t code = 0;                         ///< the Win32 code: 13894 for 0x80073646
  ipsecerr::form form = ipsecerr::form::decimal;  ///< how the token was read

  /// The entry of the code (find(code), or find_ras(code) for form::ras), or nullptr when it is
  /// not in the table.
  [[nodiscard]] constexpr const error_info* info() const noexcept {
    return form == ipsecerr::form::ras ? find_ras(code) : find(code);
  }
  /// Whether the code is in the table.
  [[nodiscard]] constexpr bool known() const noexcept { return info() != nullptr; }
};

namespace detail {

struct parser;

// The last underscore-separated segment of a name: "EXPIRED" for ERROR_IPSEC_IKE_QM_EXPIRED.
constexpr std::string_view last_segment(std::string_view name) noexcept {
  std::size_t at = name.size();
  while (at > 0 && name.data()[at - 1] != '_') --at;
  return {name.data() + at, name.size() - at};
}

// Every suffix of a name ends with the name's last segment, so a suffix is looked for only among
// the rows whose last segment is the suffix's: a hash of segments (size, first, middle and last
// character, mixed by one multiplication) into 256 buckets, each a chain of rows in code order.
inline constexpr unsigned segment_bits = 8;
inline constexpr std::size_t segment_buckets = std::size_t{1} << segment_bits;

constexpr std::size_t segment_hash(std::string_view s) noexcept {
  using u = std::uint32_t;
  using b = unsigned char;
  const char* p = s.data();
  const std::size_t n = s.size();
  const u key = u(n) << 24 | u{b(p[0])} << 16 | u{b(p[n / 2])} << 8 | u{b(p[n - 1])};
  return static_cast<std::size_t>((key * 0x9E3779B1u) >> (32 - segment_bits));
}

struct segment_index {
  std::uint8_t head[segment_buckets];  // the first row + 1 of the bucket's chain, or 0
  std::uint8_t next[table_size];       // the next row + 1 in the same chain, or 0
};

constexpr segment_index make_segment_index() noexcept {
  segment_index index{};
  for (std::size_t i = table_size; i-- > 0;) {  // pushed in front, so chains ascend
    const std::size_t bucket = segment_hash(last_segment(table[i].name));
    index.next[i] = index.head[bucket];
    index.head[bucket] = static_cast<std::uint8_t>(i + 1);
  }
  return index;
}
inline constexpr segment_index by_segment = make_segment_index();

// The most names that one suffix matches. Every name that ends with "_A_B" also ends with "_B",
// so the largest group is that of a last segment; its rows share a chain.
constexpr std::size_t largest_suffix_group() noexcept {
  std::size_t largest = 0;
  for (const error_info& e : table) {
    const std::string_view seg = last_segment(e.name);
    std::size_t n = 0;
    for (std::size_t r = by_segment.head[segment_hash(seg)]; r != 0; r = by_segment.next[r - 1]) {
      n += same_text(last_segment(table[r - 1].name), seg) ? 1 : 0;
    }
    largest = n > largest ? n : largest;
  }
  return largest;
}
inline constexpr std::size_t suffix_group_max = largest_suffix_group();

// A token has at most two numeric readings (decimal and bare hex), or one bare hex reading and its
// name readings.
inline constexpr std::size_t readings_capacity = suffix_group_max + 2;

}  // namespace detail

/// Every reading of one token, held by value (no allocation): size(), empty(), [], range-for.
class readings : public detail::held<reading, detail::readings_capacity> {
  friend struct detail::parser;
};

namespace detail {

static_assert(suffix_group_max + 1 <= readings::capacity,
              "ipsecerr: the largest group of names sharing a suffix must fit in readings");
static_assert(readings::capacity <= 16, "ipsecerr: readings grew large; check the suffix groups");

// The rows that have an NTSTATUS twin, in table order.
struct twin_index {
  std::uint8_t row[table_size];
  std::size_t size;
};
constexpr twin_index make_twin_index() noexcept {
  twin_index index{};
  for (std::size_t i = 0; i < table_size; ++i) {
    if (table[i].ntstatus != 0) index.row[index.size++] = static_cast<std::uint8_t>(i);
  }
  return index;
}
inline constexpr twin_index twins = make_twin_index();

// The row whose NTSTATUS twin is `value`, or nullptr.
constexpr const error_info* find_ntstatus(std::uint32_t value) noexcept {
  if ((value >> 28) != 0xCu) return nullptr;
  for (std::size_t i = 0; i < twins.size; ++i) {
    if (table[twins.row[i]].ntstatus == value) return &table[twins.row[i]];
  }
  return nullptr;
}

constexpr bool is_win32(std::uint32_t value) noexcept { return value <= 0xFFFFu; }
constexpr bool is_hresult_from_win32(std::uint32_t value) noexcept {
  return (value & 0xFFFF0000u) == 0x80070000u;
}
constexpr bool is_ntstatus_from_win32(std::uint32_t value) noexcept {
  return (value & 0xFFFF0000u) == 0xC0070000u;
}

struct parser {
  readings& out;
  bool known = false;  // whether a reading so far is in the table

  // A Win32 code (at most 0xFFFF), so find(code) is find_win32(code).
  constexpr void add(std::uint32_t code, form f) noexcept {
    known = known || find_win32(code) != nullptr;
    put(code, f);
  }
  // A code known to be in the table.
  constexpr void add_known(std::uint32_t code, form f) noexcept {
    known = true;
    put(code, f);
  }
  constexpr void put(std::uint32_t code, form f) noexcept {
    if (out.size_ < readings::capacity) out.items_[out.size_++] = reading{code, f};
  }

  // 1 to 5 decimal digits, the usual way to write a Win32 code: the decimal reading and the bare
  // hex reading (of at most 0xFFFF). Returns false (and reads nothing) for any other token.
  constexpr bool short_digits(std::string_view t) noexcept {
    if (t.size() > 5) return false;
    std::uint32_t dec = 0;
    std::uint32_t hex = 0;
    for (const char c : t) {
      const auto d = static_cast<std::uint32_t>(static_cast<unsigned char>(c)) - '0';
      if (d > 9) return false;
      dec = dec * 10 + d;
      hex = hex * 16 + d;
    }
    if (is_win32(dec)) add(dec, form::decimal);
    if (is_win32(hex)) add(hex, form::bare_hex);
    return true;
  }

  // 0x... : one reading at most, as the value's shape says.
  constexpr void hex(std::string_view digits) noexcept {
    const number n = read_number(digits, 16);
    if (!n.ok) return;
    const std::uint32_t v = n.value;
    if (is_win32(v)) {
      add(v, form::hex);
    } else if (is_hresult_from_win32(v)) {
      add(v & 0xFFFFu, form::hresult);
    } else if (is_ntstatus_from_win32(v)) {
      add(v & 0xFFFFu, form::ntstatus_win32);
    } else if (const error_info* twin = find_ntstatus(v)) {
      add_known(twin->code, form::ntstatus);
    } else if (const error_info* nt = find_ntstatus(v & ~0x10000000u); nt && v != nt->ntstatus) {
      add_known(nt->code, form::hresult_from_nt);
    }
  }

  // Digits only: decimal (a Win32 code or an HRESULT), and the same digits as hex.
  constexpr void digits(std::string_view token) noexcept {
    const number n = read_number(token, 10);
    if (n.ok && is_win32(n.value)) add(n.value, form::decimal);
    if (n.ok && is_hresult_from_win32(n.value)) add(n.value & 0xFFFFu, form::hresult_decimal);
    bare_hex(token);
  }

  constexpr void bare_hex(std::string_view token) noexcept {
    const number h = read_number(token, 16);
    if (h.ok && is_win32(h.value)) add(h.value, form::bare_hex);
  }

  // -2147011002: HRESULT_FROM_WIN32 printed as a signed 32-bit number.
  constexpr void negative(std::string_view digits) noexcept {
    const number n = read_number(digits, 10);
    if (!n.ok || n.value == 0 || n.value > 0x80000000u) return;
    const std::uint32_t v = 0u - n.value;
    if (is_hresult_from_win32(v)) add(v & 0xFFFFu, form::hresult_signed);
  }

  // A name in any case (`key` is the token upper-cased on the stack), else a suffix: the rows
  // whose last segment is the key's. The exact name was tried first, in token().
  constexpr void name(std::string_view key, bool had_lower) noexcept {
    if (had_lower) {
      if (const error_info* e = find_name(key)) {
        add_known(e->code, form::name_case_insensitive);
        return;
      }
    }
    if (key.front() == '_' || key.back() == '_') return;
    const std::size_t k = key.size();
    for (std::size_t r = by_segment.head[segment_hash(last_segment(key))]; r != 0;
         r = by_segment.next[r - 1]) {
      const error_info& e = table[r - 1];
      const std::string_view n = e.name;
      if (n.size() > k && n[n.size() - k - 1] == '_' && n.substr(n.size() - k) == key) {
        add_known(e.code, form::name_suffix);
      }
    }
  }

  constexpr void token(std::string_view t) noexcept {
    const char first = t.front();
    if (first >= '0' && first <= '9') {
      if (short_digits(t)) return;
      std::size_t i = 1;
      while (i < t.size() && (class_of(t[i]) & digit_char) != 0) ++i;
      if (i == t.size()) return digits(t);  // no name is all digits: no upper case copy
    }
    if (first == '%') return;  // %%13894 is an event log parameter id, not a code: see form
    if (first == '-') return negative(t.substr(1));
    if (first == '0' && t.size() >= 2 && (t[1] == 'x' || t[1] == 'X')) return hex(t.substr(2));
    if (first >= 'A' && first <= 'Z') {
      if (const error_info* e = find_name(t)) {  // exact names: straight to find_name
        add_known(e->code, form::name_exact);
        return;
      }
    }
    // One pass: the classes that every character has and that any has, and the upper case copy
    // (only if the token is no longer than the longest name, so could be a name or a suffix).
    const bool fits = t.size() <= name_max;
    char upper[name_max] = {};
    std::uint8_t all = digit_char | hex_char | name_char;
    std::uint8_t any = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      const std::uint8_t k = class_of(t[i]);
      all &= k;
      any |= k;
      if (fits) upper[i] = (k & lower_char) != 0 ? static_cast<char>(t[i] - 'a' + 'A') : t[i];
    }
    if ((all & name_char) == 0) return;  // also NUL, inner spaces, non-ASCII bytes
    if ((all & digit_char) != 0) return digits(t);
    if ((all & hex_char) != 0) bare_hex(t);
    if (fits) name(std::string_view(upper, t.size()), (any & lower_char) != 0);
  }

  // The ambiguity rule: unknown readings stay only beside a known one.
  constexpr void keep_unknown_only_beside_known() noexcept {
    if (!known) out.size_ = 0;
  }
};

}  // namespace detail

/// Every reading of a token, e.g. parse("3646") = {decimal 3646 (unknown), hex 0x3646 = 13894}.
/// Reads decimal, 0x hex, hex without 0x, HRESULT (hex, decimal, signed), NTSTATUS_FROM_WIN32, the
/// NTSTATUS codes that Windows maps to the codes and their HRESULT_FROM_NT, and names (exact,
/// any case, suffix); not %%13894, an event log parameter message id (form::event_insert is never
/// returned). Surrounding
/// whitespace is ignored; last comes a RAS code (form::ras, ras.hpp). Readings not in the table are
/// kept only when the token also has a reading in the table; so an empty result means the token
/// names no IPsec code.
[[nodiscard]] constexpr readings parse(std::string_view token) noexcept {
  const char* first = token.data();
  const char* last = first + token.size();
  while (first != last && detail::is_space(*first)) ++first;
  while (last != first && detail::is_space(last[-1])) --last;
  readings out;
  if (first == last) return out;
  detail::parser p{out};
  const std::string_view token_text(first, static_cast<std::size_t>(last - first));
  p.token(token_text);
  // A RAS code (ras.hpp), after the Win32 readings: decimal, 0x hex, HRESULT or a RAS name.
  static_assert(readings::capacity >= 3, "ipsecerr: decimal, bare hex and RAS readings must fit");
  // A token that names a Win32 row is no RAS name (the tables share no name, ras.hpp asserts it),
  // so exact names skip the RAS table.
  bool win32_name = false;
  for (const reading& x : out) {
    win32_name = win32_name || x.form == form::name_exact || x.form == form::name_case_insensitive;
  }
  if (!win32_name) {
    if (const std::uint32_t ras = detail::ras_token_code(token_text)) p.add_known(ras, form::ras);
  }
  p.keep_unknown_only_beside_known();
  return out;
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_PARSE_HPP
