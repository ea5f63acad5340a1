// SPDX-License-Identifier: MIT
// Fuzzes ipsecerr::search() against a plain reference: the results are exactly the rows whose name,
// message or hint contain every whitespace-separated word of the query (ASCII case ignored), in
// code order, each once; a query of more than the capacity matches nothing.
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/search.hpp>
#include <string>
#include <vector>

#include "fuzz_check.hpp"

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::vector<std::string> words_of(std::string_view query) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : query) {
    if (is_space(c)) {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += lower(c);
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// Each row's name, message and hint in lower case, made once.
struct lowered_row {
  std::string name, message, hint;
};
const std::vector<lowered_row>& lowered_rows() {
  static const std::vector<lowered_row> rows = [] {
    std::vector<lowered_row> out;
    for (const ipsecerr::error_info& e : ipsecerr::all()) {
      out.push_back({lowered(e.name), lowered(e.message), lowered(e.hint)});
    }
    return out;
  }();
  return rows;
}

bool reference_matches(const lowered_row& row, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (row.name.find(w) == std::string::npos && row.message.find(w) == std::string::npos &&
        row.hint.find(w) == std::string::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query = ipsecerr_fuzz::as_text(data, size);
  const ipsecerr::search_results results = ipsecerr::search(query);

  const std::vector<std::string> words = words_of(query);
  std::size_t folded = 0;
  for (const std::string& w : words) folded += w.size();
  if (!words.empty()) folded += words.size() - 1;
  const bool too_long = folded > ipsecerr::search_results::capacity;

  std::string joined;
  for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
  IPSECERR_FUZZ_CHECK(too_long || results.words() == joined);

  auto it = results.begin();
  const auto table = ipsecerr::all();
  for (std::size_t i = 0; i < table.size(); ++i) {
    const bool expected = !too_long && reference_matches(lowered_rows()[i], words);
    const bool got = it != results.end() && &*it == &table[i];
    IPSECERR_FUZZ_CHECK(expected == got);
    if (got) ++it;
  }
  IPSECERR_FUZZ_CHECK(it == results.end());
  IPSECERR_FUZZ_CHECK(results.empty() == (results.begin() == results.end()));
  return 0;
}
