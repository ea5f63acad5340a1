// SPDX-License-Identifier: MIT
// What fmt::formatter and std::formatter share: the format spec grammar ([[fill]align][width]
// [letter]), the letters' dispatch and the padded output. Internal; include fmt.hpp or format.hpp.
#ifndef IPSECERR_DETAIL_FORMAT_SPEC_HPP
#define IPSECERR_DETAIL_FORMAT_SPEC_HPP

#include "../ipsecerr.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// The part of an entry that one format letter prints.
enum class format_part : char {
  line,       // {}   the one-line form, as operator<< prints it
  name,       // {:n} the symbolic name, "unknown" for an unknown code
  message,    // {:m} Windows' text, or the one-line form for an unknown code
  decimal,    // {:d} 13894
  hex,        // {:x} 0x3646
  hresult,    // {:h} 0x80073646
  long_form,  // {:l} several lines: every field
};

enum class format_align : char { none, left, right, center };

struct format_spec {
  format_part part = format_part::line;
  format_align align = format_align::none;  // none: left, as for strings
  char fill[4] = {' ', 0, 0, 0};            // one code point, UTF-8
  std::size_t fill_size = 1;
  std::size_t width = 0;
};

constexpr format_align align_of(char c) noexcept {
  switch (c) {
    case '<': return format_align::left;
    case '>': return format_align::right;
    case '^': return format_align::center;
    default: return format_align::none;
  }
}

// The length of the UTF-8 sequence that starts with `lead`, or 0 if `lead` cannot start one.
constexpr std::size_t utf8_size(char lead) noexcept {
  const auto b = static_cast<unsigned char>(lead);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

constexpr bool letter_part(char c, format_part& part) noexcept {
  switch (c) {
    case 'n': part = format_part::name; return true;
    case 'm': part = format_part::message; return true;
    case 'd': part = format_part::decimal; return true;
    case 'x': part = format_part::hex; return true;
    case 'h': part = format_part::hresult; return true;
    case 'l': part = format_part::long_form; return true;
    default: return false;
  }
}

// Parses [[fill]align][width][letter] in [first, last), which ends at the closing '}' or at last.
// Returns the position of the '}' (or last). On a bad spec calls fail(reason), which throws the
// formatting library's error at run time and, being non-constexpr, makes a checked format string
// a compile error.
template <class It, class Fail>
constexpr It parse_format_spec(It first, It last, format_spec& spec, Fail fail) {
  It it = first;
  if (it == last || *it == '}') return it;

  // [[fill]align]: a fill is one code point, and only counts as one before an align character.
  const std::size_t lead = utf8_size(*it);
  if (lead == 0) {
    fail("invalid fill character in an ipsecerr format spec");
    return it;
  }
  It after_fill = it;
  std::size_t n = 0;
  while (n < lead && after_fill != last) {
    ++after_fill;
    ++n;
  }
  if (n == lead && after_fill != last && align_of(*after_fill) != format_align::none) {
    if (*it == '{' || *it == '}') {
      fail("invalid fill character '{' or '}' in an ipsecerr format spec");
      return it;
    }
    for (std::size_t i = 0; i < lead; ++i, ++it) {
      const auto byte = static_cast<unsigned char>(*it);
      if (i > 0 && (byte & 0xC0) != 0x80) {
        fail("invalid fill character in an ipsecerr format spec");
        return it;
      }
      spec.fill[i] = *it;
    }
    spec.fill_size = lead;
    spec.align = align_of(*it);
    ++it;
  } else if (align_of(*it) != format_align::none) {
    spec.align = align_of(*it);
    ++it;
  }

  // [width]: digits, no leading zero (the '0' flag is for numbers, not for ipsecerr's text).
  if (it != last && *it >= '0' && *it <= '9') {
    if (*it == '0') {
      fail("ipsecerr format specs take no '0' flag; use a fill: {:0>8x}");
      return it;
    }
    std::size_t width = 0;
    while (it != last && *it >= '0' && *it <= '9') {
      width = width * 10 + static_cast<std::size_t>(*it - '0');
      if (width > 0x7FFFFFFF) {
        fail("width too large in an ipsecerr format spec");
        return it;
      }
      ++it;
    }
    spec.width = width;
  }

  // [letter]
  if (it != last && *it != '}') {
    if (!letter_part(*it, spec.part)) {
      fail("invalid ipsecerr format letter: use n, m, d, x, h or l");
      return it;
    }
    ++it;
  }
  if (it != last && *it != '}') fail("invalid ipsecerr format spec: letters are n, m, d, x, h, l");
  return it;
}

// Calls out(std::string_view) with the pieces of one part: the letters' single dispatch point.
template <class Out>
constexpr void write_part(const description& d, format_part part, Out&& out) {
  switch (part) {
    case format_part::line: d.write_line(out); return;
    case format_part::name: out(d.known() ? d.name() : std::string_view("unknown")); return;
    case format_part::message:
      if (d.known()) {
        out(d.message());
      } else {
        d.write_line(out);
      }
      return;
    case format_part::decimal: out(to_decimal(d.code()).view()); return;
    case format_part::hex: out(d.hex().view()); return;
    case format_part::hresult: out(to_hex(to_hresult(d.code())).view()); return;
    case format_part::long_form: d.long_form().write(out); return;
  }
}

// The width of a part in code points (what a width counts).
constexpr std::size_t part_width(const description& d, format_part part) noexcept {
  std::size_t n = 0;
  write_part(d, part, [&n](std::string_view piece) {
    for (char c : piece) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  });
  return n;
}

// Writes one part, padded as the spec says, to an output iterator; returns the iterator.
template <class OutputIt>
constexpr OutputIt write_formatted(OutputIt it, const description& d, const format_spec& spec) {
  std::size_t before = 0;
  std::size_t after = 0;
  if (spec.width > 0) {
    const std::size_t size = part_width(d, spec.part);
    const std::size_t pad = spec.width > size ? spec.width - size : 0;
    before = spec.align == format_align::right    ? pad
             : spec.align == format_align::center ? pad / 2
                                                  : 0;
    after = pad - before;
  }
  const auto fill = [&it, &spec](std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      for (std::size_t k = 0; k < spec.fill_size; ++k) *it++ = spec.fill[k];
    }
  };
  fill(before);
  write_part(d, spec.part, [&it](std::string_view piece) {
    for (char c : piece) *it++ = c;
  });
  fill(after);
  return it;
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_FORMAT_SPEC_HPP
