// SPDX-License-Identifier: MIT
// ipsecerr: every Windows IPsec/IKE Win32 error code with Windows' own English text, its name and
// its meaning, as one constexpr table with noexcept, allocation-free lookups.
#ifndef IPSECERR_IPSECERR_HPP
#define IPSECERR_IPSECERR_HPP

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "detail/ascii.hpp"
#include "detail/config.hpp"
#include "numbers.hpp"
#include "view.hpp"

/// The library version as major * 10000 + minor * 100 + patch.
#define IPSECERR_VERSION 100

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
  vpn_client,      ///< the Windows VPN client (RasClient): RAS codes, ipsecerr/ras.hpp
  rras,            ///< a Routing and Remote Access (RRAS) server: RAS codes, ipsecerr/ras.hpp
};

/// The negotiation phase a code belongs to, where one applies.
enum class phase : std::uint8_t { none, main_mode, quick_mode, extended_mode, any };

/// Why two codes are related: every link between two codes has exactly one reason.
enum class link_reason : std::uint8_t {
  same_text,        ///< Windows gives both codes the identical message
  counterpart,      ///< the same condition for the other phase (main / quick mode) or object kind
  same_object,      ///< another outcome for the same kind of object (exists, not found, in use)
  same_family,      ///< a closely related condition of the same component
  cause_effect,     ///< one commonly causes or follows the other
  vpn_client_code,  ///< a RAS code of the VPN client and the IKE code it stands for (ras.hpp)
};

}  // namespace v1
}  // namespace ipsecerr

#include "detail/deprecated.hpp"

namespace ipsecerr {
inline namespace v1 {

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
  std::uint32_t ntstatus;         ///< the NTSTATUS that Windows maps to this code, or 0 if none
  std::string_view hint;  ///< ipsecerr's own words (not Microsoft's): meaning, what to check
  code_space space = code_space::win32;  ///< the numbering of `code`: win32, or ras
  /// Deprecated: the old name of `component` (a copy of it); removed in the next version.
  detail::deprecated_component category = component;
};

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

// The text of the enums above, for people and for programs: to_string(), to_id(), from_id<E>()
// and enumerators<E>().
#include "detail/enum_text.hpp"

// The internals behind the lookups, each header with the invariants its lookup relies on: they
// fail the build of a translation unit that uses the lookup (links.hpp's where related() is used).
#include "detail/code_index.hpp"
#include "detail/links.hpp"
#include "detail/name_index.hpp"
#include "detail/rows.hpp"

namespace ipsecerr {
inline namespace v1 {

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
  return detail::find_in_name_index(name);
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
/// (A template only so that the link index is built where related codes are asked for: call it
/// as a function, `related(code)`.)
template <class Links = detail::related_links<>>
[[nodiscard]] constexpr view<related_code> related(std::uint32_t code) noexcept {
  const error_info* e = find(code);
  if (e == nullptr) return {};
  const auto row = static_cast<std::size_t>(e - detail::table);
  return {Links::index.items + Links::index.first[row],
          Links::index.items + Links::index.first[row + 1]};
}

/// The related codes of an errc enumerator.
template <class Links = detail::related_links<>>
[[nodiscard]] constexpr view<related_code> related(errc code) noexcept {
  return related<Links>(static_cast<std::uint32_t>(code));
}

/// The related codes of an entry. This header holds the links between Win32 codes; an entry of
/// another code space has none here.
template <class Links = detail::related_links<>>
[[nodiscard]] constexpr view<related_code> related(const error_info& e) noexcept {
  return e.space == code_space::win32 ? related<Links>(e.code) : view<related_code>{};
}

/// Whether an errc value is one of the enumerators (a value cast from any number may not be).
[[nodiscard]] constexpr bool is_known(errc code) noexcept {
  return find(static_cast<std::uint32_t>(code)) != nullptr;
}

constexpr const error_info* related_code::info() const noexcept {
  return entry != nullptr ? entry : find(code);
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
  /// Describes a code of another space (ipsecerr/ras.hpp's describe_ras()): its entry, or nullptr
  /// when unknown, and the related codes of any space that the long form lists.
  constexpr description(std::uint32_t requested, const error_info* info, code_space space,
                        view<related_code> links) noexcept
      : requested_(requested), info_(info), space_(space), links_(links), own_links_(true) {}

  /// Whether the code is in the table.
  [[nodiscard]] constexpr bool known() const noexcept { return info_ != nullptr; }
  /// The code (13894 for 0x80073646), or the value asked for when unknown.
  [[nodiscard]] constexpr std::uint32_t code() const noexcept {
    return info_ != nullptr ? info_->code : requested_;
  }
  /// The numbering of code(): win32, or ras; for an unknown code the space it was looked up in.
  [[nodiscard]] constexpr code_space space() const noexcept {
    return info_ != nullptr ? info_->space : space_;
  }
  /// The related codes the long form lists: those given to the constructor, else related().
  /// (A template only so that the link index is built where it is used: call it as `links()`.)
  template <class Links = detail::related_links<>>
  [[nodiscard]] constexpr view<related_code> links() const noexcept {
    if (own_links_) return links_;
    return info_ != nullptr ? related<Links>(*info_) : view<related_code>{};
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
  /// "unknown IPsec error code 12345 (0x3039)" ("unknown RAS error code 999 (0x3E7)" for RAS).
  template <class Out>
  constexpr void write_line(Out&& out) const {
    const code_text dec = to_decimal(code());
    const code_text hx = hex();
    if (info_ == nullptr) {
      out(std::string_view(space_ == code_space::win32 ? "unknown IPsec error code "
                                                       : "unknown RAS error code "));
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
  code_space space_ = code_space::win32;
  view<related_code> links_;
  bool own_links_ = false;
};

/// What description::long_form() returns: every field on its own line, related codes included.
class long_description {
 public:
  constexpr explicit long_description(const description& d) noexcept : d_(d) {}

  /// The description it prints.
  [[nodiscard]] constexpr const description& brief() const noexcept { return d_; }

  /// Calls field(std::string_view label, std::string_view value) for each labelled field, in
  /// order: name, code, space (only for a code space other than win32), hex, HRESULT, NTSTATUS
  /// (only for the codes that Windows maps an NTSTATUS to), kind, component (its label),
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
    field(std::string_view("component"), to_string(e->component));
    field(std::string_view("phase"), to_string(e->phase));
    field(std::string_view("message"), e->message);
    field(std::string_view("hint"), e->hint);
  }

  /// Calls out(std::string_view piece, long_part part) with the pieces of the long form, each
  /// with what it is: lines "label:     value" (labels padded to 11 columns) for the fields(),
  /// then "related:" and one line "  13885 NAME (reason)" per related code (or "related:   none").
  /// Lines are joined by '\n', with no newline at the end. An unknown code gives the one-line
  /// form as one value: "unknown IPsec error code 12345 (0x3039)".
  template <class Out>
  constexpr void write_parts(Out&& out) const {
    const error_info* e = d_.info();
    if (e == nullptr) {
      d_.write_line([&out](std::string_view piece) { out(piece, long_part::value); });
      return;
    }
    constexpr std::string_view spaces("          ");  // after a label, up to column 11
    bool first = true;
    fields([&](std::string_view label, std::string_view value) {
      if (!first) out(std::string_view("\n"), long_part::space);
      out(label, long_part::label);
      out(std::string_view(":"), long_part::label);
      out(spaces.substr(label.size()), long_part::space);
      out(value, first ? long_part::name : long_part::value);
      first = false;
    });
    const view<related_code> links = d_.template links<typename detail::links_for<Out>::type>();
    out(std::string_view("\n"), long_part::space);
    out(std::string_view("related"), long_part::label);
    out(std::string_view(":"), long_part::label);
    if (links.empty()) {
      out(std::string_view("   "), long_part::space);
      out(std::string_view("none"), long_part::value);
    }
    for (const related_code& r : links) {
      out(std::string_view("\n  "), long_part::space);
      if (r.info()->space != code_space::win32) {  // "  RAS 809 NAME (reason)"
        out(to_string(r.info()->space), long_part::related);
        out(std::string_view(" "), long_part::space);
      }
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

  /// The length of the long form. (A template only so that the link index is built where a
  /// long form is measured: call it as `size()`.)
  template <class = void>
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

}  // namespace v1
}  // namespace ipsecerr

#include "detail/literal.hpp"
#include "detail/ostream.hpp"  // operator<< for description, long_description, error_info, errc

namespace ipsecerr {
inline namespace v1 {

namespace literals {
#if IPSECERR_LITERAL_TEMPLATE
/// The code of a symbolic name: "ERROR_IPSEC_IKE_QM_EXPIRED"_ipsec == 13895. A misspelt name
/// is a compile error wherever the literal stands (C++20 with g++ 11 or clang++ 14 and later).
template <detail::literal_chars Name>
[[nodiscard]] constexpr std::uint32_t operator""_ipsec() noexcept {
  return detail::literal_code<Name>;
}
#else
/// The code of a symbolic name: "ERROR_IPSEC_IKE_QM_EXPIRED"_ipsec == 13895. In C++17 (and
/// with compilers older than the above), a misspelt name is a compile error where the literal is
/// evaluated in a constant expression (a constexpr variable, a static_assert, a template
/// argument), and elsewhere throws ipsecerr::bad_name at run time, as code_of() does. Under
/// C++20's consteval (older compilers) it is a compile error where the compiler evaluates it
/// at compile time.
[[nodiscard]] IPSECERR_CONSTEVAL std::uint32_t operator""_ipsec(const char* name,
                                                                std::size_t size) {
  return code_of(std::string_view(name, size));
}
#endif
}  // namespace literals

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_IPSECERR_HPP
