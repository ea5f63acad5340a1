// SPDX-License-Identifier: MIT
// The tool's --annotate loop (see annotate.hpp). It writes raw bytes through the buffered
// output: no formatting on the hot path.
#include "annotate.hpp"

#include <cstring>
#include <ipsecerr/annotate.hpp>
#include <string_view>

namespace ipsecerr_tool {

int annotate_files(std::vector<std::string> files, ipsecerr::form_set forms, const palette& p) {
  if (files.empty()) files.emplace_back("-");
  static char buffer[ipsecerr_io::chunk_size];
  ipsecerr::annotator a(forms);
  // UTF-16 text is annotated as UTF-8 and written back in its own encoding.
  ipsecerr_io::utf16_encoder utf16(true);
  bool encode = false;
  const auto write = [&](std::string_view bytes) {
    if (encode) {
      utf16.encode(bytes, [](std::string_view units) { out().write(units); });
    } else {
      out().write(bytes);
    }
  };
  bool in_insert = false;
  const auto emit = [&](std::string_view bytes, bool inserted) {
    if (inserted != in_insert) {
      write(inserted ? p.name() : p.reset());
      in_insert = inserted;
    }
    write(bytes);
  };
  const auto end_insert = [&] {
    if (in_insert) write(p.reset());
    in_insert = false;
  };
  int status = found_all;
  for (const std::string& path : files) {
    ipsecerr_io::input in(path.c_str());
    if (!in.ok()) {
      complain("cannot open '{}': {}", path, std::strerror(in.error()));
      status = usage_error;
      continue;
    }
    ipsecerr_io::text_input text(in);
    long n = 0;
    while ((n = text.read(buffer, sizeof buffer)) > 0) {
      if (text.encoding() != ipsecerr_io::text_encoding::bytes && !encode) {
        utf16 = ipsecerr_io::utf16_encoder(text.encoding() == ipsecerr_io::text_encoding::utf16le);
        encode = true;
      }
      a.feed(std::string_view(buffer, static_cast<std::size_t>(n)), emit);
      end_insert();
      if (!out().flush()) return usage_error;  // each chunk goes out as it comes (tail -f)
    }
    a.finish(emit);
    end_insert();
    if (encode) {
      utf16.finish([](std::string_view units) { out().write(units); });
      encode = false;
    }
    if (text.odd_byte() >= 0) out().put(static_cast<char>(text.odd_byte()));
    if (n < 0) {
      complain("cannot read '{}': {}", path, std::strerror(in.error()));
      status = usage_error;
    }
  }
  return status;
}

}  // namespace ipsecerr_tool
