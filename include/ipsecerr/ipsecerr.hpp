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

#include "detail/ascii.hpp"

/// The library version as major * 10000 + minor * 100 + patch.
#define IPSECERR_VERSION 100

#if defined(__cpp_consteval) && __cpp_consteval >= 201811L
#  define IPSECERR_CONSTEVAL consteval
#  define IPSECERR_HAS_CONSTEVAL 1
#else
#  define IPSECERR_CONSTEVAL constexpr
#  define IPSECERR_HAS_CONSTEVAL 0
#endif

// For the few tiny helpers of the lookups that must never be a call (g++ otherwise leaves load8
// out of line inside larger callers such as parse()).
#if defined(__GNUC__) || defined(__clang__)
#  define IPSECERR_ALWAYS_INLINE __attribute__((always_inline))
#elif defined(_MSC_VER)
#  define IPSECERR_ALWAYS_INLINE __forceinline
#else
#  define IPSECERR_ALWAYS_INLINE
#endif

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#  define IPSECERR_HAS_EXCEPTIONS 1
#else
#  define IPSECERR_HAS_EXCEPTIONS 0
#endif

namespace ipsecerr {
inline namespace v1 {

/// The numbering a code belongs to: a Win32 error code (winerror.h), or a Remote Access (RAS)
/// error code of the VPN client (raserror.h), whose numbers clash with unrelated Win32 codes.
enum class code_space : std::uint8_t { win32, ras };

/// What a code is: a failure, a warning (the call succeeded in part) or a range marker.
enum class kind : std::uint8_t { error, warning, marker };

/// The part of Windows that reports a code (error_info::component). "Category" names only the
/// std::error_category of <ipsecerr/error_code.hpp>.
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

/// Why two codes are related: every link between two codes has exactly one reason.
enum class link_reason : std::uint8_t {
  same_text,     ///< Windows gives both codes the identical message
  counterpart,   ///< the same condition for the other phase (main / quick mode) or object kind
  same_object,   ///< another outcome for the same kind of object (exists, not found, in use)
  same_family,   ///< a closely related condition of the same component
  cause_effect,  ///< one commonly causes or follows the other
};

namespace detail {
/// What error_info::category holds: a component whose every read warns that the name is
/// deprecated. The warning sits on the conversion, not on a member, so that copying an
/// error_info (which copies this too) never warns, with any compiler.
class deprecated_component {
 public:
  constexpr deprecated_component(component c) noexcept : value_(c) {}  // NOLINT: implicit
  [[deprecated("use error_info::component")]] constexpr operator component() const noexcept {
    return value_;
  }

 private:
  component value_;
};
}  // namespace detail

/// One row of the table.
///
/// `category` is the old name of `component`, kept for one version so that code reading
/// `e.category` still compiles, with a deprecation warning. It is not the same object: it is a
/// copy of `component`, made by its default member initialiser (aggregate initialisation of
/// the first nine members, as every row is written, gives it too), which warns wherever it
/// converts to a component. Read `component`; writing `category` changes nothing else.
struct error_info {
  std::uint32_t code;             ///< the code in its space, e.g. 13894
  std::string_view name;          ///< winerror.h's symbolic name, e.g. "ERROR_IPSEC_IKE_QM_EXPIRED"
  std::string_view message;       ///< Windows' own English text, byte for byte
  ipsecerr::kind kind;            ///< error, warning or range marker
  ipsecerr::component component;  ///< the part of Windows that reports it
  ipsecerr::phase phase;          ///< the negotiation phase it belongs to
  std::uint32_t ntstatus;         ///< the driver's NTSTATUS twin (0xC036....), or 0 if none
  std::string_view hint;  ///< ipsecerr's own words (not Microsoft's): meaning, what to check
  code_space space = code_space::win32;  ///< the numbering of `code`: win32, or ras
  /// Deprecated: the old name of `component` (a copy of it); removed in the next version.
  detail::deprecated_component category = component;
};

struct error_info;

/// One entry of related(): a related code, why it is related, and its entry.
struct related_code {
  std::uint32_t code;                 ///< the related code in its space, e.g. 13885
  link_reason reason;                 ///< why it is related
  const error_info* entry = nullptr;  ///< the related entry, of any code space (see info())

  /// The related entry: `r.info()->name`. Never nullptr for what related() returns; for a
  /// related_code made by hand without an entry, the Win32 entry of `code`, or nullptr.
  [[nodiscard]] constexpr const error_info* info() const noexcept;
};

/// One enumerator per table row, valued with its Win32 code: `errc::ike_invalid_mm_for_qm ==
/// 13894`.
enum class errc : std::uint32_t {
#define IPSECERR_ROW(code, name, id, k, cat, ph, nt, message, hint) id = (code),
#include "detail/errors.def"
#undef IPSECERR_ROW
};

}  // namespace v1
}  // namespace ipsecerr

#include "detail/enum_text.hpp"

namespace ipsecerr {
inline namespace v1 {

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
#define IPSECERR_ROW(code, name, id, k, cat, ph, nt, message, hint)                          \
  error_info{                                                                                \
      code,      IPSECERR_SV(#name), IPSECERR_SV(message), kind::k,          component::cat, \
      phase::ph, std::uint32_t{nt},  IPSECERR_SV(hint),    code_space::win32},
#include "detail/errors.def"
#undef IPSECERR_ROW
};

inline constexpr std::size_t table_size = sizeof(table) / sizeof(table[0]);

// The rows' errc enumerator names, as text, in table order (checked against the names below).
inline constexpr std::string_view ids[] = {
#define IPSECERR_ROW(code, name, id, k, cat, ph, nt, message, hint) IPSECERR_SV(#id),
#include "detail/errors.def"
#undef IPSECERR_ROW
};
#undef IPSECERR_SV

// ---- Invariants: each a function of any rows, so that tests can show that they can fail. ----
// They run in every translation unit, so they are written for the compilers' constant evaluators,
// which pay a high fixed cost for each statement, call, local variable and character read: several
// characters per expression, no calls per character (such as string_view's operator[] or ==) and
// no constexpr strlen of a literal. g++ also evaluates __builtin_strspn and __builtin_strcspn
// natively, so there the character-set checks over the table's 40 KB of text cost next to nothing
// (clang 14 has no such builtin; only counts are used: g++ 12 misplaces the pointers that
// __builtin_strchr and __builtin_strstr return for a pointer into a string).
#if defined(__GNUC__) && !defined(__clang__)
#  define IPSECERR_CONSTEXPR_STRSPN 1
#else
#  define IPSECERR_CONSTEXPR_STRSPN 0
#endif

inline constexpr char printable_chars[] =
    " !\"#$%&'()*+,-./"
    "0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
inline constexpr char upper_snake_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
static_assert(sizeof(printable_chars) == 0x7F - 0x20 + 1 &&
                  sizeof(upper_snake_chars) == 26 + 10 + 2,
              "ipsecerr: a character set lost a character");

/// Whether the n characters at p are printable ASCII (0x20-0x7E).
constexpr bool all_printable(const char* p, std::size_t n) noexcept {
#if IPSECERR_CONSTEXPR_STRSPN
  // The characters must lie in a NUL-terminated array, as a literal's do; at run time, the loop.
  if (__builtin_is_constant_evaluated()) return __builtin_strspn(p, printable_chars) >= n;
#endif
  // (c - 0x20u) / 0x5Fu is 0 exactly for 0x20-0x7E (c converts to unsigned, so any c below 0x20,
  // negative or not, wraps high). Sixteen characters per statement.
  unsigned bad = 0;
  const char* q = p;
  for (const char* const last16 = p + (n - n % 16); q != last16; q += 16) {
    bad |= (static_cast<unsigned>(q[0]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[1]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[2]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[3]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[4]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[5]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[6]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[7]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[8]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[9]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[10]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[11]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[12]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[13]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[14]) - 0x20u) / 0x5Fu |
           (static_cast<unsigned>(q[15]) - 0x20u) / 0x5Fu;
  }
  for (const char* const last = p + n; q != last; ++q)
    bad |= (static_cast<unsigned>(*q) - 0x20u) / 0x5Fu;
  return bad == 0;
}

/// Upper snake case: A-Z, 0-9 and single underscores between words.
constexpr bool is_upper_snake(std::string_view s) noexcept {
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n == 0 || p[0] == '_' || p[n - 1] == '_') return false;
#if IPSECERR_CONSTEXPR_STRSPN
  if (__builtin_is_constant_evaluated()) {
    if (__builtin_strspn(p, upper_snake_chars) < n) return false;
    // After each underscore comes a word: no "__".
    for (std::size_t at = __builtin_strcspn(p, "_"); at < n;
         at += 1 + __builtin_strcspn(p + at + 1, "_")) {
      if (p[at + 1] == '_') return false;
    }
    return true;
  }
#endif
  // One statement per character: c - 'A' < 26u for a letter, c - '0' < 10u for a digit, and an
  // underscore only after a letter or digit (prev is 1 after one).
  unsigned ok = 1;
  unsigned prev = 1;
  for (const char* q = p; q != p + n; ++q) {
    const char c = *q;
    const unsigned word =
        (static_cast<unsigned>(c - 'A') < 26u) | (static_cast<unsigned>(c - '0') < 10u);
    ok &= word | (c == '_' ? prev : 0u);
    prev = word;
  }
  return ok != 0;
}

constexpr bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (s.data()[i] != prefix.data()[i]) return false;
  }
  return true;
}

constexpr bool same_text(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && starts_with(a, b);
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
    if ((e.kind == kind::warning) != starts_with(e.name, {"WARNING_", 8})) return false;
    if ((e.kind == kind::marker) != same_text(e.message, e.name)) return false;
  }
  return true;
}

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
static_assert(components_contiguous(table, table_size),
              "ipsecerr: each component's rows must be contiguous in code order");
static_assert(hints_clean(table, table_size),
              "ipsecerr: every hint must be non-empty printable ASCII of at most 240 characters");
static_assert(hints_differ_from_messages(table, table_size),
              "ipsecerr: a hint must not repeat its message");
static_assert(marker_hints_say_so(table, table_size),
              "ipsecerr: exactly the markers' hints must begin \"Range marker\"");

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

// ---- Related codes: undirected links, materialised into both directions at compile time. ----

/// One undirected link between two rows, as written in related.def.
struct link {
  errc a;
  errc b;
  link_reason reason;
};

inline constexpr link links[] = {
#define IPSECERR_LINK(a, b, reason) link{errc::a, errc::b, link_reason::reason},
#include "detail/related.def"
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

/// Both ends of every link are rows.
constexpr bool links_resolve(const link* l, std::size_t n, const error_info* rows,
                             std::size_t nrows) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (row_of(rows, nrows, code_value(l[i].a)) == nrows) return false;
    if (row_of(rows, nrows, code_value(l[i].b)) == nrows) return false;
  }
  return true;
}

/// Both directions of the links, grouped by row: row i's related codes are
/// items[first[i]] up to items[first[i + 1]].
template <std::size_t Rows, std::size_t Items>
struct adjacency {
  std::uint16_t first[Rows + 1];
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

static_assert(link_count > 0 && 2 * link_count < 65536, "ipsecerr: the links need 16-bit offsets");
static_assert(links_canonical(links, link_count),
              "ipsecerr: related.def must list each link once, lower code first, sorted");
static_assert(links_resolve(links, link_count, table, table_size),
              "ipsecerr: every link must join two rows of the table");

inline constexpr auto related_index = make_adjacency(table, links);

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

/// No row has more than max_related related codes.
constexpr bool related_within_capacity(std::size_t n, const std::uint16_t* first) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (first[i + 1] < first[i]) return false;
    if (static_cast<std::size_t>(first[i + 1] - first[i]) > max_related) return false;
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

static_assert(related_resolve(table, table_size, related_index.first, related_index.items),
              "ipsecerr: every related code must be a row");
static_assert(related_not_self(table, table_size, related_index.first, related_index.items),
              "ipsecerr: no code may be related to itself");
static_assert(related_unique(table_size, related_index.first, related_index.items),
              "ipsecerr: a code may list each related code once");
static_assert(related_within_capacity(table_size, related_index.first),
              "ipsecerr: a code may have at most 8 related codes");
static_assert(related_symmetric(table, table_size, related_index.first, related_index.items),
              "ipsecerr: every link must hold in both directions with the same reason");
static_assert(errors_linked_except(table, table_size, related_index.first, unlinked_errors,
                                   sizeof(unlinked_errors) / sizeof(unlinked_errors[0])),
              "ipsecerr: every error needs a related code, except those in unlinked_errors");

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
  // First the common case, a plain code in the IPsec block (which unwrap() would leave unchanged).
  const std::uint32_t offset = code - detail::block_first;
  if (offset < detail::block_size) {
    const std::uint8_t slot = detail::by_code.slot[offset];
    return slot != 0 ? &detail::table[slot - 1] : nullptr;
  }
  return detail::find_win32(unwrap(code));
}

/// The entry for an errc enumerator (never nullptr for a named enumerator).
[[nodiscard]] constexpr const error_info* find(errc code) noexcept {
  return find(static_cast<std::uint32_t>(code));
}

/// The entry for an exact symbolic name, or nullptr: `find_name("ERROR_IPSEC_IKE_QM_EXPIRED")`.
[[nodiscard]] IPSECERR_ALWAYS_INLINE constexpr const error_info* find_name(
    std::string_view name) noexcept {
  if (name.size() < detail::name_min || name.size() > detail::name_max) return nullptr;
  std::size_t at = detail::name_hash(name);
  for (std::size_t k = 0; k <= detail::by_name.max_probe; ++k) {
    const std::uint8_t slot = detail::by_name.slot[at];
    if (slot == 0) return nullptr;
    const error_info& e = detail::table[slot - 1];
    if (e.name.size() == name.size() &&
        detail::same_bytes(e.name.data(), name.data(), name.size())) {
      return &e;
    }
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

/// The rows of one component, in code order: `for (auto& e : in_component(component::driver))`.
[[nodiscard]] constexpr view<error_info> in_component(component c) noexcept {
  const error_info* first = detail::table;
  const error_info* last = detail::table + detail::table_size;
  while (first != last && first->component != c) ++first;
  const error_info* end = first;
  while (end != last && end->component == c) ++end;
  return {first, end};
}

/// Deprecated: the old name of in_component(); removed in the next version.
[[deprecated("use in_component")]] [[nodiscard]] constexpr view<error_info> in_category(
    component c) noexcept {
  return in_component(c);
}

/// The codes to look at next, with the reason for each, in code order; empty for an unknown
/// code. Takes the forms find() takes: `for (auto r : related(0x80073646)) r.code, r.reason`.
[[nodiscard]] constexpr view<related_code> related(std::uint32_t code) noexcept {
  const error_info* e = find(code);
  if (e == nullptr) return {};
  const auto row = static_cast<std::size_t>(e - detail::table);
  const related_code* items = detail::related_index.items;
  return {items + detail::related_index.first[row], items + detail::related_index.first[row + 1]};
}

/// The related codes of an errc enumerator.
[[nodiscard]] constexpr view<related_code> related(errc code) noexcept {
  return related(static_cast<std::uint32_t>(code));
}

/// The related codes of an entry. This header holds the links between Win32 codes; an entry of
/// another code space has none here.
[[nodiscard]] constexpr view<related_code> related(const error_info& e) noexcept {
  return e.space == code_space::win32 ? related(e.code) : view<related_code>{};
}

/// Whether an errc value is one of the enumerators (a value cast from any number may not be).
[[nodiscard]] constexpr bool is_known(errc code) noexcept {
  return find(static_cast<std::uint32_t>(code)) != nullptr;
}

constexpr const error_info* related_code::info() const noexcept {
  return entry != nullptr ? entry : find(code);
}

// ---- The text of the enums: code_space, kind, component, phase and link_reason. ----

/// The label for people: to_string(component::ike) == "IKE/AuthIP negotiation",
/// to_string(kind::marker) == "range marker", to_string(phase::main_mode) == "main mode",
/// to_string(link_reason::cause_effect) == "cause or effect", to_string(code_space::ras) == "RAS".
/// "?" for a value that is no enumerator.
template <class Enum, std::size_t N = sizeof(detail::enum_text<Enum>::values) / sizeof(Enum)>
[[nodiscard]] constexpr std::string_view to_string(Enum e) noexcept {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? detail::enum_text<Enum>::labels[i] : std::string_view("?");
}

/// The id for programs (JSON values, command-line operands): the enumerator's own name in
/// snake_case, e.g. to_id(component::policy_store) == "policy_store", to_id(kind::marker) ==
/// "marker", to_id(phase::main_mode) == "main_mode". Ids are stable: a released id never
/// changes. "?" for a value that is no enumerator.
template <class Enum, std::size_t N = sizeof(detail::enum_text<Enum>::values) / sizeof(Enum)>
[[nodiscard]] constexpr std::string_view to_id(Enum e) noexcept {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? detail::enum_text<Enum>::ids[i] : std::string_view("?");
}

/// Every enumerator of Enum in order of value: `for (component c : enumerators<component>())`.
template <class Enum, std::size_t N = sizeof(detail::enum_text<Enum>::values) / sizeof(Enum)>
[[nodiscard]] constexpr view<Enum> enumerators() noexcept {
  static_assert(detail::enum_text_complete<Enum>(), "ipsecerr: enum_text is incomplete");
  return {detail::enum_text<Enum>::values, detail::enum_text<Enum>::values + N};
}

/// The enumerator whose to_id() is `id`, ASCII case ignored, or nullptr:
/// `*from_id<component>("driver") == component::driver`, `from_id<phase>("phase1") == nullptr`.
template <class Enum, std::size_t N = sizeof(detail::enum_text<Enum>::values) / sizeof(Enum)>
[[nodiscard]] constexpr const Enum* from_id(std::string_view id) noexcept {
  for (const Enum& e : enumerators<Enum>()) {
    if (detail::equal_folded(to_id(e), id)) return &e;
  }
  return nullptr;
}

/// The parts of the long form that write_parts() tells apart, so that a program can style them.
enum class long_part : std::uint8_t {
  label,    ///< a field's label ("name", ..., "related") and, as a piece of its own, its colon
  space,    ///< spaces that align the values, the newline between lines, a related line's indent
  value,    ///< a field's value, e.g. "13894" or "IKE/AuthIP negotiation"; "none" after "related:"
  name,     ///< a symbolic name: the value of "name:", and the name on each related code's line
  related,  ///< the rest of a related code's line: its code, and its reason in parentheses
};

class long_description;

/// What describe() returns: the entry, if any, and always the value that was asked for.
class description {
 public:
  /// Looks up a Win32 code, also HRESULT / NTSTATUS wrapped, as find() does.
  constexpr explicit description(std::uint32_t requested) noexcept
      : requested_(requested), info_(find(requested)) {}
  /// Describes an entry of any code space (a RAS entry says "RAS 809" where a Win32 one has its
  /// decimal and hex code).
  constexpr explicit description(const error_info& e) noexcept : requested_(e.code), info_(&e) {}

  /// Whether the code is in the table.
  [[nodiscard]] constexpr bool known() const noexcept { return info_ != nullptr; }
  /// The code (13894 for 0x80073646), or the value asked for when unknown.
  [[nodiscard]] constexpr std::uint32_t code() const noexcept {
    return info_ != nullptr ? info_->code : requested_;
  }
  /// The numbering of code(): win32, or ras; win32 when unknown.
  [[nodiscard]] constexpr code_space space() const noexcept {
    return info_ != nullptr ? info_->space : code_space::win32;
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
  /// "NAME (13894, 0x3646): message", for a RAS entry "NAME (RAS 809): message", or
  /// "unknown IPsec error code 12345 (0x3039)".
  template <class Out>
  constexpr void write_line(Out&& out) const {
    const code_text dec = to_decimal(code());
    const code_text hx = hex();
    if (info_ == nullptr) {
      out(std::string_view("unknown IPsec error code "));
      out(dec.view());
      out(std::string_view(" ("));
      out(hx.view());
      out(std::string_view(")"));
      return;
    }
    out(info_->name);
    out(std::string_view(" ("));
    if (info_->space != code_space::win32) {
      out(to_string(info_->space));
      out(std::string_view(" "));
      out(dec.view());
    } else {
      out(dec.view());
      out(std::string_view(", "));
      out(hx.view());
    }
    out(std::string_view("): "));
    out(info_->message);
  }

  /// The length of the one-line form.
  [[nodiscard]] constexpr std::size_t line_size() const noexcept {
    std::size_t n = 0;
    write_line([&n](std::string_view piece) { n += piece.size(); });
    return n;
  }

  /// The multi-line form: `std::cout << describe(13894).long_form()`.
  [[nodiscard]] constexpr long_description long_form() const noexcept;

 private:
  std::uint32_t requested_;
  const error_info* info_;
};

/// What description::long_form() returns: every field on its own line, related codes included.
class long_description {
 public:
  constexpr explicit long_description(const description& d) noexcept : d_(d) {}

  /// The description it prints.
  [[nodiscard]] constexpr const description& brief() const noexcept { return d_; }

  /// Calls field(std::string_view label, std::string_view value) for each labelled field, in
  /// order: name, code, space (only for a code space other than win32), hex, HRESULT, NTSTATUS
  /// (only for the codes that have an NTSTATUS twin), kind, category (the component's label),
  /// phase, message, hint. Labels have no colon. Nothing for an unknown code. The related codes
  /// follow in the long form; related() gives them.
  template <class Field>
  constexpr void fields(Field&& field) const {
    const error_info* e = d_.info();
    if (e == nullptr) return;
    field(std::string_view("name"), e->name);
    field(std::string_view("code"), to_decimal(e->code).view());
    if (e->space != code_space::win32) field(std::string_view("space"), to_string(e->space));
    field(std::string_view("hex"), to_hex(e->code).view());
    field(std::string_view("HRESULT"), to_hex(to_hresult(e->code)).view());
    if (e->ntstatus != 0) field(std::string_view("NTSTATUS"), to_hex(e->ntstatus).view());
    field(std::string_view("kind"), to_string(e->kind));
    field(std::string_view("category"), to_string(e->component));
    field(std::string_view("phase"), to_string(e->phase));
    field(std::string_view("message"), e->message);
    field(std::string_view("hint"), e->hint);
  }

  /// Calls out(std::string_view piece, long_part part) with the pieces of the long form, each
  /// with what it is: lines "label:    value" (labels padded to 10 columns) for the fields(),
  /// then "related:" and one line "  13885 NAME (reason)" per related code (or "related:  none").
  /// Lines are joined by '\n', with no newline at the end. An unknown code gives the one-line
  /// form as one value: "unknown IPsec error code 12345 (0x3039)".
  template <class Out>
  constexpr void write_parts(Out&& out) const {
    const error_info* e = d_.info();
    if (e == nullptr) {
      d_.write_line([&out](std::string_view piece) { out(piece, long_part::value); });
      return;
    }
    constexpr std::string_view spaces("         ");  // after a label, up to column 10
    bool first = true;
    fields([&](std::string_view label, std::string_view value) {
      if (!first) out(std::string_view("\n"), long_part::space);
      out(label, long_part::label);
      out(std::string_view(":"), long_part::label);
      out(spaces.substr(label.size()), long_part::space);
      out(value, first ? long_part::name : long_part::value);
      first = false;
    });
    const view<related_code> links = related(*e);
    out(std::string_view("\n"), long_part::space);
    out(std::string_view("related"), long_part::label);
    out(std::string_view(":"), long_part::label);
    if (links.empty()) {
      out(std::string_view("  "), long_part::space);
      out(std::string_view("none"), long_part::value);
    }
    for (const related_code& r : links) {
      out(std::string_view("\n  "), long_part::space);
      out(to_decimal(r.code).view(), long_part::related);
      out(std::string_view(" "), long_part::space);
      out(r.info()->name, long_part::name);
      out(std::string_view(" ("), long_part::related);
      out(to_string(r.reason), long_part::related);
      out(std::string_view(")"), long_part::related);
    }
  }

  /// Calls out(std::string_view) with the pieces of the long form (write_parts() without the
  /// parts): `std::string s; d.long_form().write([&](std::string_view p) { s += p; })`.
  template <class Out>
  constexpr void write(Out&& out) const {
    write_parts([&out](std::string_view piece, long_part) { out(piece); });
  }

  /// The length of the long form.
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    std::size_t n = 0;
    write([&n](std::string_view piece) { n += piece.size(); });
    return n;
  }

 private:
  description d_;
};

constexpr long_description description::long_form() const noexcept {
  return long_description(*this);
}

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

/// Prints the long form; a stream width pads the whole text, as for the one-line form.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                             const long_description& d) {
  return detail::write_padded(os, d.size(), [&d](auto&& out) { d.write(out); });
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
