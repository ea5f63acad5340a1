// SPDX-License-Identifier: MIT
// Fuzzes ipsecerr::annotator: removing the inserted pieces gives the input back byte for byte,
// every insertion is " [NAME]" with NAME a table name, the output does not depend on how the input
// is cut into chunks, and no more than max_carry bytes are ever held.
#include <ipsecerr/annotate.hpp>
#include <ipsecerr/ipsecerr.hpp>
#include <string>
#include <vector>

#include "fuzz_check.hpp"

namespace {

// The output of one run: all of it, the pieces that are input, and the insertions (each the
// concatenation of a run of inserted pieces).
struct output {
  std::string all;
  std::string input_part;
  std::vector<std::string> insertions;
  bool last_inserted = false;

  void operator()(std::string_view bytes, bool inserted) {
    all += bytes;
    if (!inserted) {
      input_part += bytes;
    } else if (last_inserted) {
      insertions.back() += bytes;
    } else {
      insertions.emplace_back(bytes);
    }
    last_inserted = inserted;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the chunk sizes; the rest is the text.
  unsigned state = data[0];
  const std::string_view text = ipsecerr_fuzz::as_text(data + 1, size - 1);

  output whole;
  ipsecerr::annotate(text, whole);
  IPSECERR_FUZZ_CHECK(whole.input_part == text);
  for (const std::string& s : whole.insertions) {
    IPSECERR_FUZZ_CHECK(s.size() > 3 && s.compare(0, 2, " [") == 0 && s.back() == ']');
    const std::string_view name = std::string_view(s).substr(2, s.size() - 3);
    const ipsecerr::error_info* e = ipsecerr::find_name(name);
    IPSECERR_FUZZ_CHECK(e != nullptr);
  }

  output chunked;
  ipsecerr::annotator a;
  std::size_t at = 0;
  while (at < text.size()) {
    state = state * 1103515245u + 12345u;
    const std::size_t n = (state >> 16) % 24;  // 0 to 23 bytes, empty chunks included
    const std::size_t take = n < text.size() - at ? n : text.size() - at;
    a.feed(text.substr(at, take), chunked);
    IPSECERR_FUZZ_CHECK(a.carried() <= ipsecerr::annotator::max_carry);
    at += take;
  }
  a.finish(chunked);
  IPSECERR_FUZZ_CHECK(a.carried() == 0);
  IPSECERR_FUZZ_CHECK(chunked.all == whole.all);
  return 0;
}
