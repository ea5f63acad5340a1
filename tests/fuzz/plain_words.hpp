// SPDX-License-Identifier: MIT
// What the text fuzz targets' plain references share: ASCII letters and digits, lower case, and a
// text's words (runs of letters and digits) in lower case. Written apart from the library.
#ifndef IPSECERR_FUZZ_PLAIN_WORDS_HPP
#define IPSECERR_FUZZ_PLAIN_WORDS_HPP

#include <string>
#include <string_view>
#include <vector>

namespace ipsecerr_fuzz {

inline bool alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (const char c : s) {
    if (alnum(c)) {
      w += lower(c);
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

}  // namespace ipsecerr_fuzz

#endif  // IPSECERR_FUZZ_PLAIN_WORDS_HPP
