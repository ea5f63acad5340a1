// SPDX-License-Identifier: MIT
// ipsecerr's stream output: operator<< for description, long_description, error_info, errc and
// code_text, with the stream's width, fill and adjustment applied to the whole text.
#ifndef IPSECERR_DETAIL_OSTREAM_HPP
#define IPSECERR_DETAIL_OSTREAM_HPP

#include <cstddef>
#include <iosfwd>
#include <string_view>

namespace ipsecerr {
inline namespace v1 {

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
  // std::streamsize, named through the stream: libc++'s <iosfwd> does not declare it.
  using streamsize = decltype(os.width());
  write([&os](std::string_view piece) {
    os.write(piece.data(), static_cast<streamsize>(piece.size()));
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
  // size<Traits>: measured (and the link index built) only where this operator is used.
  return detail::write_padded(os, d.template size<Traits>(), [&d](auto&& out) { d.write(out); });
}

/// Prints an entry of any space as its description: for a Win32 entry as describe(e.code) does.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                             const error_info& e) {
  return os << description(e);
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

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_OSTREAM_HPP
