// SPDX-License-Identifier: MIT
// ipsecerr: every Windows IPsec/IKE Win32 error code with Windows' own English text, its name and
// its meaning, as one constexpr table with noexcept, allocation-free lookups.
#ifndef IPSECERR_IPSECERR_HPP
#define IPSECERR_IPSECERR_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <iosfwd>
#include <string_view>

/// The library version as major * 10000 + minor * 100 + patch.
#define IPSECERR_VERSION 100

#if defined(__cpp_consteval) && __cpp_consteval >= 201811L
#  define IPSECERR_CONSTEVAL consteval
#  define IPSECERR_HAS_CONSTEVAL 1
#else
#  define IPSECERR_CONSTEVAL constexpr
#  define IPSECERR_HAS_CONSTEVAL 0
#endif

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#  define IPSECERR_HAS_EXCEPTIONS 1
#else
#  define IPSECERR_HAS_EXCEPTIONS 0
#endif

namespace ipsecerr {
inline namespace v1 {

/// What a code is: a failure, a warning (the call succeeded in part) or a range marker.
enum class kind : std::uint8_t { error, warning, marker };

/// The Windows component that reports a code (the `category` of an entry).
enum class component : std::uint8_t {
  authip,          ///< AuthIP, outside the IPsec block (1469)
  winsock,         ///< WinSock's name-based IPsec policy (11033)
  policy_store,    ///< the IPsec policy agent's stored policies, filters and auth lists
  ike,             ///< IKE/AuthIP negotiation (IKEEXT)
  driver,          ///< the IPsec driver acting on packets
  dos_protection,  ///< IPsec DoS Protection
};

/// The negotiation phase a code belongs to, where one applies.
enum class phase : std::uint8_t { none, main_mode, quick_mode, extended_mode, any };

/// One row of the table.
struct error_info {
  std::uint32_t code;            ///< the Win32 error code, e.g. 13894
  std::string_view name;         ///< winerror.h's symbolic name, e.g. "ERROR_IPSEC_IKE_QM_EXPIRED"
  std::string_view message;      ///< Windows' own English text, byte for byte
  ipsecerr::kind kind;           ///< error, warning or range marker
  ipsecerr::component category;  ///< the component that reports it
  ipsecerr::phase phase;         ///< the negotiation phase it belongs to
  std::uint32_t ntstatus;        ///< the driver's NTSTATUS twin (0xC036....), or 0 if none
  std::string_view hint;         ///< ipsecerr's own words (not Microsoft's): meaning, what to check
};

/// One enumerator per table row, valued with its Win32 code: `errc::ike_invalid_mm_for_qm ==
/// 13894`.
enum class errc : std::uint32_t {
#define IPSECERR_ROW(code, name, id, k, cat, ph, nt, message, hint) id = code,
#include "detail/errors.def"
#undef IPSECERR_ROW
};

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

/// A short piece of text held by value (a number printed as decimal or hex): no dangling views.
class code_text {
 public:
  static constexpr std::size_t capacity = 12;

  [[nodiscard]] constexpr const char* data() const noexcept { return chars_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars_, size_}; }
  /// Converts while the code_text lives; not from a temporary, which would leave the view dangling.
  constexpr operator std::string_view() const& noexcept { return view(); }
  constexpr operator std::string_view() const&& = delete;

  friend constexpr bool operator==(const code_text& a, const code_text& b) noexcept {
    return a.view() == b.view();
  }
  friend constexpr bool operator==(const code_text& a, std::string_view b) noexcept {
    return a.view() == b;
  }
  friend constexpr bool operator==(std::string_view a, const code_text& b) noexcept {
    return a == b.view();
  }
  friend constexpr bool operator!=(const code_text& a, const code_text& b) noexcept {
    return !(a == b);
  }
  friend constexpr bool operator!=(const code_text& a, std::string_view b) noexcept {
    return !(a == b);
  }
  friend constexpr bool operator!=(std::string_view a, const code_text& b) noexcept {
    return !(a == b);
  }

  /// Appends one character; characters past the capacity are dropped (never needed for numbers).
  constexpr void push_back(char c) noexcept {
    if (size_ < capacity) chars_[size_++] = c;
  }

 private:
  char chars_[capacity] = {};
  std::size_t size_ = 0;
};

/// `value` as unsigned decimal: to_decimal(13894) == "13894".
[[nodiscard]] constexpr code_text to_decimal(std::uint32_t value) noexcept {
  char digits[10] = {};
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  code_text out;
  while (n > 0) out.push_back(digits[--n]);
  return out;
}

/// `value` in hex as Microsoft's documentation prints it: to_hex(1469) == "0x5BD".
[[nodiscard]] constexpr code_text to_hex(std::uint32_t value) noexcept {
  code_text out;
  out.push_back('0');
  out.push_back('x');
  bool started = false;
  for (int shift = 28; shift >= 0; shift -= 4) {
    const auto nibble = (value >> shift) & 0xFu;
    if (nibble == 0 && !started && shift != 0) continue;
    started = true;
    out.push_back("0123456789ABCDEF"[nibble]);
  }
  return out;
}

/// HRESULT_FROM_WIN32(code): 0x80070000 | (code & 0xFFFF); zero and negative values unchanged.
[[nodiscard]] constexpr std::uint32_t to_hresult(std::uint32_t code) noexcept {
  return static_cast<std::int32_t>(code) <= 0 ? code : ((code & 0xFFFFu) | 0x80070000u);
}

/// The Win32 code inside HRESULT_FROM_WIN32 (0x8007....) or NTSTATUS_FROM_WIN32 (0xC007....)
/// values; any other value unchanged: unwrap(0x80073646) == 13894.
[[nodiscard]] constexpr std::uint32_t unwrap(std::uint32_t value) noexcept {
  return (value & 0xBFFF0000u) == 0x80070000u ? (value & 0xFFFFu) : value;
}

namespace detail {

#define IPSECERR_SV(text) std::string_view(text, sizeof(text) - 1)
inline constexpr error_info table[] = {
#define IPSECERR_ROW(code, name, id, k, cat, ph, nt, message, hint)             \
  error_info{code,           IPSECERR_SV(#name), IPSECERR_SV(message), kind::k, \
             component::cat, phase::ph,          std::uint32_t{nt},    IPSECERR_SV(hint)},
#include "detail/errors.def"
#undef IPSECERR_ROW
};
#undef IPSECERR_SV

inline constexpr std::size_t table_size = sizeof(table) / sizeof(table[0]);

// The rows' errc enumerator names, as text, in table order (checked against the names below).
inline constexpr std::string_view ids[] = {
#define IPSECERR_ROW(code, name, id, k, cat, ph, nt, message, hint) #id,
#include "detail/errors.def"
#undef IPSECERR_ROW
};

// ---- Invariants: each a function of any rows, so that tests can show that they can fail. ----

constexpr bool is_upper_snake(std::string_view s) noexcept {
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok || (c == '_' && s[i + 1] == '_')) return false;
  }
  return true;
}

constexpr bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.substr(0, prefix.size()) == prefix;
}

/// ERROR_, WARNING_ or WSA_ followed by upper snake case.
constexpr bool is_well_formed_name(std::string_view name) noexcept {
  for (std::string_view prefix : {"ERROR_", "WARNING_", "WSA_"}) {
    if (starts_with(name, prefix)) return is_upper_snake(name.substr(prefix.size()));
  }
  return false;
}

/// The errc enumerator a name must have: lower case, without ERROR_IPSEC_, WARNING_IPSEC_, ERROR_.
constexpr bool is_id_of(std::string_view id, std::string_view name) noexcept {
  for (std::string_view prefix : {"ERROR_IPSEC_", "WARNING_IPSEC_", "ERROR_"}) {
    if (starts_with(name, prefix)) {
      name.remove_prefix(prefix.size());
      break;
    }
  }
  if (id.size() != name.size()) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char up = (id[i] >= 'a' && id[i] <= 'z') ? static_cast<char>(id[i] - 'a' + 'A') : id[i];
    if (up != name[i] || (id[i] >= 'A' && id[i] <= 'Z')) return false;
  }
  return true;
}

/// Printable ASCII, not empty, no space at either end.
constexpr bool is_clean_text(std::string_view s) noexcept {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  for (char c : s) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

constexpr bool codes_ascending(const error_info* rows, std::size_t n) noexcept {
  for (std::size_t i = 1; i < n; ++i) {
    if (rows[i - 1].code >= rows[i].code) return false;
  }
  return true;
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
    if ((e.kind == kind::warning) != starts_with(e.name, "WARNING_")) return false;
    if ((e.kind == kind::marker) != (e.message == e.name)) return false;
  }
  return true;
}

/// Each component's rows are contiguous in code order, so in_category() is a sub-range.
constexpr bool categories_contiguous(const error_info* rows, std::size_t n) noexcept {
  std::uint32_t seen = 0;  // one bit per category whose run has started
  for (std::size_t i = 0; i < n; ++i) {
    const auto bit = std::uint32_t{1} << static_cast<unsigned>(rows[i].category);
    if (i > 0 && rows[i - 1].category != rows[i].category && (seen & bit) != 0) return false;
    seen |= bit;
  }
  return true;
}

static_assert(table_size > 0 && table_size < 255, "ipsecerr: the table must have 1 to 254 rows");
static_assert(codes_ascending(table, table_size),
              "ipsecerr: table codes must be strictly ascending (so unique)");
static_assert(names_well_formed(table, table_size),
              "ipsecerr: every name must be ERROR_, WARNING_ or WSA_ followed by UPPER_SNAKE_CASE");
static_assert(messages_clean(table, table_size),
              "ipsecerr: every message must be non-empty printable ASCII without outer spaces");
static_assert(ids_match_names(ids, table, table_size),
              "ipsecerr: every errc id must be its name in lower case without the prefix");
static_assert(
    kinds_consistent(table, table_size),
    "ipsecerr: warnings are exactly the WARNING_ rows; markers' messages are their names");
static_assert(categories_contiguous(table, table_size),
              "ipsecerr: each category's rows must be contiguous in code order");

// ---- Lookup by code: a flat byte index over the dense IPsec block, plus the few outliers. ----

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

// ---- Lookup by name: an open-addressing hash over the names, built at compile time. ----

constexpr std::uint64_t load8(const char* p) noexcept {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  return v;
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

inline constexpr unsigned name_bits = 9;  // 512 slots for about 155 names
inline constexpr std::size_t name_slots = std::size_t{1} << name_bits;
static_assert(table_size * 3 <= name_slots, "ipsecerr: the name hash is too full; add a bit");

// Two 8-byte loads (the bytes that differ most: the end of the name and its middle) and the
// length, mixed by one multiplication. Requires name_min <= s.size().
constexpr std::size_t name_hash(std::string_view s) noexcept {
  const std::uint64_t tail = load8(s.data() + s.size() - 8);
  const std::uint64_t middle = load8(s.data() + s.size() / 2 - 4);
  const std::uint64_t mixed = (tail ^ (middle >> 3) ^ s.size()) * 0x9E3779B97F4A7C15ull;
  return static_cast<std::size_t>(mixed >> (64 - name_bits));
}

struct name_index {
  std::uint8_t slot[name_slots];  // row + 1, or 0 for empty
  std::size_t max_probe;          // the longest distance from a name's hash to its slot
};

constexpr name_index make_name_index() noexcept {
  name_index index{};
  for (std::size_t i = 0; i < table_size; ++i) {
    std::size_t at = name_hash(table[i].name);
    std::size_t distance = 0;
    while (index.slot[at] != 0) {
      at = (at + 1) & (name_slots - 1);
      ++distance;
    }
    index.slot[at] = static_cast<std::uint8_t>(i + 1);
    if (distance > index.max_probe) index.max_probe = distance;
  }
  return index;
}
inline constexpr name_index by_name = make_name_index();
static_assert(by_name.max_probe <= 3, "ipsecerr: the name hash clusters; change its mixing");

constexpr bool names_unique() noexcept {
  for (std::size_t i = 0; i < table_size; ++i) {
    std::size_t at = name_hash(table[i].name);
    for (std::size_t k = 0; k <= by_name.max_probe; ++k) {
      const std::uint8_t slot = by_name.slot[(at + k) & (name_slots - 1)];
      if (slot == 0) break;
      if (slot - 1u != i && table[slot - 1].name == table[i].name) return false;
    }
  }
  return true;
}
static_assert(names_unique(), "ipsecerr: two rows have the same name");

// The C++17 compile-time error for code_of(misspelt): a call to this non-constexpr function.
[[noreturn]] inline void not_a_known_ipsec_error_name();

}  // namespace detail

/// The error that code_of() throws at run time for a name that is not in the table.
class bad_name : public std::exception {
 public:
  [[nodiscard]] const char* what() const noexcept override {
    return "ipsecerr: not a known IPsec error name";
  }
};

namespace detail {
[[noreturn]] inline void not_a_known_ipsec_error_name() {
#if IPSECERR_HAS_EXCEPTIONS
  throw bad_name{};
#else
  std::terminate();
#endif
}
}  // namespace detail

/// Every entry, sorted by code: `for (const auto& e : ipsecerr::all()) ...`.
[[nodiscard]] constexpr view<error_info> all() noexcept {
  return {detail::table, detail::table + detail::table_size};
}

/// The entry for a Win32 code, also given as HRESULT_FROM_WIN32 (0x80073646) or
/// NTSTATUS_FROM_WIN32 (0xC0073646); nullptr if unknown: `find(13894)->name`.
[[nodiscard]] constexpr const error_info* find(std::uint32_t code) noexcept {
  return detail::find_win32(unwrap(code));
}

/// The entry for an errc enumerator (never nullptr for a named enumerator).
[[nodiscard]] constexpr const error_info* find(errc code) noexcept {
  return find(static_cast<std::uint32_t>(code));
}

/// The entry for an exact symbolic name, or nullptr: `find_name("ERROR_IPSEC_IKE_QM_EXPIRED")`.
[[nodiscard]] constexpr const error_info* find_name(std::string_view name) noexcept {
  if (name.size() < detail::name_min || name.size() > detail::name_max) return nullptr;
  std::size_t at = detail::name_hash(name);
  for (std::size_t k = 0; k <= detail::by_name.max_probe; ++k) {
    const std::uint8_t slot = detail::by_name.slot[at];
    if (slot == 0) return nullptr;
    if (detail::table[slot - 1].name == name) return &detail::table[slot - 1];
    at = (at + 1) & (detail::name_slots - 1);
  }
  return nullptr;
}

/// Whether find(code) knows the code.
[[nodiscard]] constexpr bool is_known(std::uint32_t code) noexcept { return find(code) != nullptr; }

/// The code of a symbolic name: code_of("ERROR_IPSEC_IKE_QM_EXPIRED") == 13895. An unknown name
/// is a compile error in a constant expression, and throws ipsecerr::bad_name at run time.
[[nodiscard]] constexpr std::uint32_t code_of(std::string_view name) {
  const error_info* e = find_name(name);
  if (e == nullptr) detail::not_a_known_ipsec_error_name();
  return e->code;
}

/// The errc enumerator of a code known to the table.
[[nodiscard]] constexpr errc to_errc(const error_info& e) noexcept {
  return static_cast<errc>(e.code);
}

/// The rows of one category, in code order: `for (auto& e : in_category(component::driver))`.
[[nodiscard]] constexpr view<error_info> in_category(component c) noexcept {
  const error_info* first = detail::table;
  const error_info* last = detail::table + detail::table_size;
  while (first != last && first->category != c) ++first;
  const error_info* end = first;
  while (end != last && end->category == c) ++end;
  return {first, end};
}

/// A short label: "error", "warning", "range marker".
[[nodiscard]] constexpr std::string_view to_string(kind k) noexcept {
  switch (k) {
    case kind::error: return "error";
    case kind::warning: return "warning";
    case kind::marker: return "range marker";
  }
  return "?";
}

/// A short label for a category: "IKE/AuthIP negotiation", "IPsec driver", ...
[[nodiscard]] constexpr std::string_view to_string(component c) noexcept {
  switch (c) {
    case component::authip: return "AuthIP";
    case component::winsock: return "WinSock name-based policy";
    case component::policy_store: return "IPsec policy store";
    case component::ike: return "IKE/AuthIP negotiation";
    case component::driver: return "IPsec driver";
    case component::dos_protection: return "IPsec DoS Protection";
  }
  return "?";
}

/// A short label for a phase: "main mode", "quick mode", "extended mode", "any", "none".
[[nodiscard]] constexpr std::string_view to_string(phase p) noexcept {
  switch (p) {
    case phase::none: return "none";
    case phase::main_mode: return "main mode";
    case phase::quick_mode: return "quick mode";
    case phase::extended_mode: return "extended mode";
    case phase::any: return "any";
  }
  return "?";
}

/// What describe() returns: the entry, if any, and always the value that was asked for.
class description {
 public:
  constexpr explicit description(std::uint32_t requested) noexcept
      : requested_(requested), info_(find(requested)) {}

  /// Whether the code is in the table.
  [[nodiscard]] constexpr bool known() const noexcept { return info_ != nullptr; }
  /// The Win32 code (13894 for 0x80073646), or the value asked for when unknown.
  [[nodiscard]] constexpr std::uint32_t code() const noexcept {
    return info_ != nullptr ? info_->code : requested_;
  }
  /// The value exactly as it was passed to describe().
  [[nodiscard]] constexpr std::uint32_t requested() const noexcept { return requested_; }
  /// The symbolic name, or empty when unknown.
  [[nodiscard]] constexpr std::string_view name() const noexcept {
    return info_ != nullptr ? info_->name : std::string_view{};
  }
  /// Windows' message, or empty when unknown.
  [[nodiscard]] constexpr std::string_view message() const noexcept {
    return info_ != nullptr ? info_->message : std::string_view{};
  }
  /// code() in hex: "0x3646".
  [[nodiscard]] constexpr code_text hex() const noexcept { return to_hex(code()); }
  /// The entry, or nullptr when unknown.
  [[nodiscard]] constexpr const error_info* info() const noexcept { return info_; }

  /// Calls out(std::string_view) with the pieces of the one-line form, in order:
  /// "NAME (13894, 0x3646): message" or "unknown IPsec error code 12345 (0x3039)".
  template <class Out>
  constexpr void write_line(Out&& out) const {
    const code_text dec = to_decimal(code());
    const code_text hx = hex();
    if (info_ != nullptr) {
      out(info_->name);
      out(std::string_view(" ("));
      out(dec.view());
      out(std::string_view(", "));
      out(hx.view());
      out(std::string_view("): "));
      out(info_->message);
    } else {
      out(std::string_view("unknown IPsec error code "));
      out(dec.view());
      out(std::string_view(" ("));
      out(hx.view());
      out(std::string_view(")"));
    }
  }

  /// The length of the one-line form.
  [[nodiscard]] constexpr std::size_t line_size() const noexcept {
    std::size_t n = 0;
    write_line([&n](std::string_view piece) { n += piece.size(); });
    return n;
  }

 private:
  std::uint32_t requested_;
  const error_info* info_;
};

/// Describes a code (also HRESULT / NTSTATUS wrapped): `std::cout << describe(13894)`.
[[nodiscard]] constexpr description describe(std::uint32_t code) noexcept {
  return description(code);
}

/// Describes an errc enumerator.
[[nodiscard]] constexpr description describe(errc code) noexcept {
  return description(static_cast<std::uint32_t>(code));
}

namespace detail {
// Writes pieces to a stream with its width, fill and adjustment applied to the whole text.
template <class Stream, class Writer>
Stream& write_padded(Stream& os, std::size_t size, const Writer& write) {
  const auto width = os.width();
  const std::size_t pad = width > 0 && static_cast<std::size_t>(width) > size
                              ? static_cast<std::size_t>(width) - size
                              : 0;
  const bool left = (os.flags() & Stream::adjustfield) == Stream::left;
  const auto fill = os.fill();
  os.width(0);
  if (!left) {
    for (std::size_t i = 0; i < pad; ++i) os.put(fill);
  }
  write([&os](std::string_view piece) {
    os.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  });
  if (left) {
    for (std::size_t i = 0; i < pad; ++i) os.put(fill);
  }
  return os;
}
}  // namespace detail

/// Prints the one-line form; std::setw / std::left pad the whole line.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                             const description& d) {
  return detail::write_padded(os, d.line_size(), [&d](auto&& out) { d.write_line(out); });
}

/// Prints an entry as describe(e.code) does: the same one line, padded the same way.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                             const error_info& e) {
  return os << describe(e.code);
}

/// Prints an errc enumerator as describe(code) does.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, errc code) {
  return os << describe(code);
}

/// Prints a code_text ("0x3646").
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                             const code_text& t) {
  return detail::write_padded(os, t.size(), [&t](auto&& out) { out(t.view()); });
}

namespace literals {
/// The code of a symbolic name, checked at compile time: "ERROR_IPSEC_IKE_QM_EXPIRED"_ipsec.
/// With consteval (C++20) a misspelt name is always a compile error.
IPSECERR_CONSTEVAL std::uint32_t operator""_ipsec(const char* name, std::size_t size) {
  return code_of(std::string_view(name, size));
}
}  // namespace literals

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_IPSECERR_HPP
