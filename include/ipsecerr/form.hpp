// SPDX-License-Identifier: MIT
// ipsecerr::form: the forms a code is written in, their stable ids ("decimal", "hresult", ...),
// and form_set, a set of forms with its list syntax ("decimal,hresult"), all constexpr.
#ifndef IPSECERR_FORM_HPP
#define IPSECERR_FORM_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ipsecerr {
inline namespace v1 {

/// How parse() read a token.
enum class form : std::uint8_t {
  decimal,                ///< 13894
  hex,                    ///< 0x3646 or 0X3646
  bare_hex,               ///< 3646 read as hex (the same token is also read as decimal)
  hresult,                ///< HRESULT_FROM_WIN32 in hex: 0x80073646
  hresult_decimal,        ///< HRESULT_FROM_WIN32 as unsigned decimal: 2147956294
  hresult_signed,         ///< HRESULT_FROM_WIN32 as signed decimal: -2147011002
  ntstatus_win32,         ///< NTSTATUS_FROM_WIN32: 0xC0073646
  ntstatus,               ///< the NTSTATUS that Windows maps to the code: 0xC0360001 (13910)
  hresult_from_nt,        ///< HRESULT_FROM_NT of that NTSTATUS: 0xD0360001 (13910)
  event_insert,           ///< never returned (kept for one version): %%13894 is an event log
                          ///< parameter message id of the event source's parameter file
                          ///< (msobjs.dll for the Security log), not a Win32 code
  name_exact,             ///< ERROR_IPSEC_IKE_QM_EXPIRED
  name_case_insensitive,  ///< error_ipsec_ike_qm_expired
  name_suffix,            ///< the end of names, on an underscore: QM_EXPIRED, invalid_mm_for_qm
  ras,  ///< a RAS code (ras.hpp): 809, 0x80070329, -2147024087, ERROR_VPN_TIMEOUT, vpn_timeout
};

/// A short label for a form: "decimal", "HRESULT", "name suffix", ...
[[nodiscard]] constexpr std::string_view to_string(form f) noexcept {
  switch (f) {
    case form::decimal: return "decimal";
    case form::hex: return "hex";
    case form::bare_hex: return "hex without 0x";
    case form::hresult: return "HRESULT";
    case form::hresult_decimal: return "HRESULT as decimal";
    case form::hresult_signed: return "HRESULT as signed decimal";
    case form::ntstatus_win32: return "NTSTATUS_FROM_WIN32";
    case form::ntstatus: return "NTSTATUS";
    case form::hresult_from_nt: return "HRESULT_FROM_NT";
    case form::event_insert: return "event log parameter id (not a code)";
    case form::name_exact: return "name";
    case form::name_case_insensitive: return "name, any case";
    case form::name_suffix: return "name suffix";
    case form::ras: return "RAS error";
  }
  return "?";
}

/// The number of forms: every form's underlying value is below it.
inline constexpr std::size_t form_count = static_cast<std::size_t>(form::ras) + 1;

/// The stable id of a form, in snake_case, as JSON and the tool's options spell it: the
/// enumerator's own name ("decimal", "hex", "bare_hex", "hresult", "hresult_decimal",
/// "hresult_signed", "ntstatus_win32", "ntstatus", "hresult_from_nt", "event_insert",
/// "name_exact", "name_case_insensitive", "name_suffix", "ras"). Ids never change once released.
[[nodiscard]] constexpr std::string_view to_id(form f) noexcept {
  switch (f) {
    case form::decimal: return "decimal";
    case form::hex: return "hex";
    case form::bare_hex: return "bare_hex";
    case form::hresult: return "hresult";
    case form::hresult_decimal: return "hresult_decimal";
    case form::hresult_signed: return "hresult_signed";
    case form::ntstatus_win32: return "ntstatus_win32";
    case form::ntstatus: return "ntstatus";
    case form::hresult_from_nt: return "hresult_from_nt";
    case form::event_insert: return "event_insert";
    case form::name_exact: return "name_exact";
    case form::name_case_insensitive: return "name_case_insensitive";
    case form::name_suffix: return "name_suffix";
    case form::ras: return "ras";
  }
  return "?";
}

/// The form whose id (to_id) is exactly `id`, or nothing: ids are lower case, without spaces.
[[nodiscard]] constexpr std::optional<form> form_from_id(std::string_view id) noexcept {
  for (std::size_t i = 0; i < form_count; ++i) {
    const auto f = static_cast<form>(i);
    if (to_id(f) == id) return f;
  }
  return std::nullopt;
}

/// A set of forms, plus one member that is not a form: message texts (a Windows message found in
/// text, matched by message text rather than read by parse()). A bitmask, constexpr throughout.
class form_set {
 public:
  /// The empty set.
  constexpr form_set() noexcept = default;
  /// The set of one form.
  constexpr form_set(form f) noexcept : bits_(bit(f)) {}  // NOLINT(google-explicit-constructor)

  /// Every form and message texts.
  [[nodiscard]] static constexpr form_set all() noexcept {
    return form_set(((std::uint32_t{1} << form_count) - 1) | messages_bit);
  }
  /// Message texts only.
  [[nodiscard]] static constexpr form_set messages() noexcept { return form_set(messages_bit); }
  /// The HRESULT forms: hresult, hresult_decimal, hresult_signed, hresult_from_nt.
  [[nodiscard]] static constexpr form_set hresults() noexcept {
    return form_set(form::hresult) | form::hresult_decimal | form::hresult_signed |
           form::hresult_from_nt;
  }
  /// The names: name_exact, name_case_insensitive, name_suffix.
  [[nodiscard]] static constexpr form_set names() noexcept {
    return form_set(form::name_exact) | form::name_case_insensitive | form::name_suffix;
  }
  /// What the annotator marks by default: every number form whose shape says "code" (decimal,
  /// 0x hex, the HRESULT and NTSTATUS forms), message texts, and RAS codes where the line names
  /// them as such (annotate.hpp says where). Not bare_hex (3646 is far more
  /// often the decimal number 3646 than 0x3646), not names (a name in a log needs no
  /// annotation: it already says what it is), not event_insert (%%N is an event parameter id).
  [[nodiscard]] static constexpr form_set annotate_default() noexcept {
    return form_set(form::decimal) | form::hex | hresults() | form::ntstatus_win32 |
           form::ntstatus | messages() | form::ras;
  }

  [[nodiscard]] constexpr bool contains(form f) const noexcept { return (bits_ & bit(f)) != 0; }
  [[nodiscard]] constexpr bool contains_messages() const noexcept {
    return (bits_ & messages_bit) != 0;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  /// The set as bits: bit i for the form of underlying value i, bit 31 for message texts.
  [[nodiscard]] constexpr std::uint32_t bits() const noexcept { return bits_; }

  friend constexpr form_set operator|(form_set a, form_set b) noexcept {
    return form_set(a.bits_ | b.bits_);
  }
  friend constexpr form_set operator&(form_set a, form_set b) noexcept {
    return form_set(a.bits_ & b.bits_);
  }
  /// The forms of a that are not in b.
  friend constexpr form_set operator-(form_set a, form_set b) noexcept {
    return form_set(a.bits_ & ~b.bits_);
  }
  friend constexpr bool operator==(form_set a, form_set b) noexcept { return a.bits_ == b.bits_; }
  friend constexpr bool operator!=(form_set a, form_set b) noexcept { return a.bits_ != b.bits_; }

 private:
  static constexpr std::uint32_t messages_bit = std::uint32_t{1} << 31;
  static constexpr std::uint32_t bit(form f) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(f);
  }
  constexpr explicit form_set(std::uint32_t bits) noexcept : bits_(bits) {}

  std::uint32_t bits_ = 0;
};
static_assert(form_count < 31, "ipsecerr: form_set keeps bit 31 for message texts");

/// The set a name stands for in a list of forms: a group ("all", "default" = annotate_default,
/// "hresult" = hresults, "name" = names, "message" = messages), else the form of that id, else
/// nothing. A group name wins over the form of the same id: "hresult" is every HRESULT form.
[[nodiscard]] constexpr std::optional<form_set> form_set_from_name(std::string_view name) noexcept {
  if (name == "all") return form_set::all();
  if (name == "default") return form_set::annotate_default();
  if (name == "hresult") return form_set::hresults();
  if (name == "name") return form_set::names();
  if (name == "message") return form_set::messages();
  if (const std::optional<form> f = form_from_id(name)) return form_set(*f);
  return std::nullopt;
}

/// The result of parse_form_list(): the set, or where the first bad item is.
struct form_list {
  form_set forms;               ///< the set (what was read before an error)
  std::size_t error_at = npos;  ///< offset of the first bad item in the list, or npos
  std::size_t error_size = 0;   ///< its size (0 for an empty item)
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  [[nodiscard]] constexpr bool ok() const noexcept { return error_at == npos; }
};

/// Reads a list such as "decimal,hresult" or "default,-hresult_decimal" (the tool's
/// --annotate-forms=LIST): items separated by ',', each a group or form id
/// (form_set_from_name), spaces around an item ignored; "-NAME" removes NAME's set from what the
/// items before it chose. Items apply from left to right, starting from the empty set. An
/// unknown name, an empty item (",," or a trailing ',') or an empty list is an error at its
/// offset.
[[nodiscard]] constexpr form_list parse_form_list(std::string_view list) noexcept {
  form_list out;
  std::size_t at = 0;
  for (;;) {
    std::size_t end = at;
    while (end < list.size() && list[end] != ',') ++end;
    std::size_t first = at;
    std::size_t last = end;
    while (first < last && list[first] == ' ') ++first;
    while (last > first && list[last - 1] == ' ') --last;
    const bool remove = first < last && list[first] == '-';
    const std::size_t name_at = remove ? first + 1 : first;
    const std::optional<form_set> s = form_set_from_name(list.substr(name_at, last - name_at));
    if (!s) {
      out.error_at = first;
      out.error_size = last - first;
      return out;
    }
    out.forms = remove ? out.forms - *s : out.forms | *s;
    if (end == list.size()) return out;
    at = end + 1;
  }
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_FORM_HPP
