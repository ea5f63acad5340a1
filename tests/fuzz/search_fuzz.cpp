// SPDX-License-Identifier: MIT
// Fuzzes ipsecerr::rank_search() against a plain reference of its word rules over the Win32 and RAS
// entries (the code, exact and message classes come from parse() and find_message(), fuzzed on
// their own; Win32 entries before RAS entries within a rank), and the deprecated Win32-only
// search(): exactly the rows whose name, message or hint contain every whitespace-separated word
// of the query (ASCII case ignored), in code order, each once; too long a query matches nothing.
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/keywords.hpp>
#include <ipsecerr/message.hpp>
#include <ipsecerr/parse.hpp>
#include <ipsecerr/ras.hpp>
#include <ipsecerr/search.hpp>
#include <string>
#include <vector>

#include "entries.hpp"
#include "fuzz_check.hpp"
#include "plain_words.hpp"

// The deprecated search() is fuzzed for as long as it exists.
#if defined(__GNUC__) || defined(__clang__)
#  pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

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

// ---- rank_search(), by its documented rules ----

using ipsecerr_fuzz::alnum;
std::vector<std::string> runs_of(std::string_view s) { return ipsecerr_fuzz::words_of(s); }

bool begins(const std::string& s, const std::string& prefix) {
  return s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool has_phrase(const std::vector<std::string>& text, const std::vector<std::string>& q) {
  if (q.empty() || q.size() > text.size()) return false;
  for (std::size_t i = 0; i + q.size() <= text.size(); ++i) {
    bool all = true;
    for (std::size_t k = 0; k < q.size() && all; ++k) all = text[i + k] == q[k];
    if (all) return true;
  }
  return false;
}

using ipsecerr_fuzz::entries;

// Each entry's words of its message, name and keywords, and its lower-case name and message.
struct runs {
  std::vector<std::string> message, name, keys;
  std::string lowered_name, lowered_message;
};
const std::vector<runs>& row_runs() {
  static const std::vector<runs> rows = [] {
    std::vector<runs> out;
    for (const auto* e : entries()) {
      out.push_back({runs_of(e->message), runs_of(e->name), runs_of(ipsecerr::keywords(*e)),
                     lowered(e->name), lowered(e->message)});
    }
    return out;
  }();
  return rows;
}

// Rank numbers as search_rank: code 0 ... partial 7; 8 for none.
constexpr int none = 8;

void check_ranked(std::string_view query) {
  // The words: at most 32, at most 256 letters in all; later ones are ignored.
  std::vector<std::string> q;
  std::size_t letters = 0;
  bool truncated = false;
  for (const std::string& w : runs_of(query)) {
    if (q.size() == 32 || letters + w.size() > 256) {
      truncated = true;
      break;
    }
    q.push_back(w);
    letters += w.size();
  }
  const auto& table = entries();
  std::vector<int> rank(table.size(), none);
  std::vector<std::size_t> matched(table.size(), 0);
  const auto index = [](const ipsecerr::error_info* e) { return ipsecerr_fuzz::index_of(*e); };

  const bool underscore = query.find('_') != std::string_view::npos;
  ipsecerr::readings codes = ipsecerr::parse(query);
  if (codes.empty() && q.size() == 1) {
    std::size_t at = 0;
    while (!alnum(query[at])) ++at;
    codes = ipsecerr::parse(query.substr(at, q[0].size()));
  }
  for (const auto& r : codes) {
    if (r.known() && (r.form != ipsecerr::form::name_suffix || underscore)) {
      rank[index(r.info())] = 0;
    }
  }
  using ipsecerr::form;
  // form::ras: a word has no '_', so a RAS reading of it is a RAS code as a number.
  const form numbers[] = {
      form::decimal,        form::hex,      form::hresult,         form::hresult_decimal,
      form::ntstatus_win32, form::ntstatus, form::hresult_from_nt, form::ras};
  std::size_t word_at = 0;  // where q[k] is in the query
  for (std::size_t k = 0; q.size() > 1 && k < q.size(); ++k) {
    while (!alnum(query[word_at])) ++word_at;
    const std::size_t at = word_at;
    word_at += q[k].size();
    if (q[k][0] < '0' || q[k][0] > '9') continue;
    // The context rules of find_in(), on the bytes of the word's line before and after it.
    const std::size_t nl = query.rfind('\n', at == 0 ? 0 : at - 1);
    std::size_t line = nl == std::string_view::npos || at == 0 ? 0 : nl + 1;
    if (at - line > ipsecerr::detail::context_before_max) {
      line = at - ipsecerr::detail::context_before_max;
    }
    if (ipsecerr::detail::context_says_no_code(
            query.substr(line, at - line),
            query.substr(at + q[k].size(), ipsecerr::detail::context_after_max), true,
            !(q[k].size() >= 2 && q[k][0] == '0' && (q[k][1] == 'x' || q[k][1] == 'X'))) ==
        ipsecerr::detail::verdict::yes) {
      continue;
    }
    for (const auto& r : ipsecerr::parse(q[k])) {
      bool number = false;
      for (const form f : numbers) number = number || r.form == f;
      if (r.known() && number) rank[index(r.info())] = 0;
    }
  }
  if (!q.empty()) {
    for (const auto& h : ipsecerr::find_message(query)) {
      const bool whole = h.match == ipsecerr::message_match::exact ||
                         h.match == ipsecerr::message_match::normalized;
      if (rank[index(h.entry)] == none) rank[index(h.entry)] = whole ? 1 : 2;
    }
    bool full = false;
    std::size_t best = 0;
    for (std::size_t i = 0; i < table.size(); ++i) {
      const auto& message = row_runs()[i].message;
      const auto& name = row_runs()[i].name;
      const auto& keys = row_runs()[i].keys;
      const std::string& lowered_name = row_runs()[i].lowered_name;
      const std::string& lowered_message = row_runs()[i].lowered_message;
      bool all_word = true, all_text = true;
      std::size_t n = 0;
      for (const std::string& w : q) {
        bool whole = false, key = false, sub = false;
        for (const auto* runs : {&message, &name}) {
          for (const std::string& r : *runs) {
            whole = whole || r == w || (w.size() > 3 && begins(r, w));
          }
        }
        for (const std::string& r : keys) key = key || r == w || (w.size() > 3 && begins(r, w));
        if (w.size() > 3) {
          sub = lowered_name.find(w) != std::string::npos ||
                lowered_message.find(w) != std::string::npos;
        }
        all_word = all_word && whole;
        all_text = all_text && (whole || sub);
        if (whole || sub || key) ++n;
      }
      matched[i] = n;
      if (rank[i] != none) {
        full = true;
      } else if (n == q.size()) {
        full = true;
        const bool phrase = has_phrase(message, q) || has_phrase(name, q);
        rank[i] = all_word ? (phrase ? 3 : 4) : all_text ? 5 : 6;
      } else if (n > best) {
        best = n;
      }
    }
    if (!full && best != 0) {
      for (std::size_t i = 0; i < table.size(); ++i) {
        if (rank[i] == none && matched[i] == best) rank[i] = 7;
      }
    }
  }

  const ipsecerr::ranked_results got = ipsecerr::rank_search(query);
  IPSECERR_FUZZ_CHECK(got.truncated() == truncated);
  std::size_t k = 0;
  for (int r = 0; r < none; ++r) {
    for (std::size_t i = 0; i < table.size(); ++i) {
      if (rank[i] != r) continue;
      IPSECERR_FUZZ_CHECK(k < got.size());
      IPSECERR_FUZZ_CHECK(got[k].entry == table[i]);
      IPSECERR_FUZZ_CHECK(static_cast<int>(got[k].rank) == r);
      IPSECERR_FUZZ_CHECK(got[k].words == q.size());
      IPSECERR_FUZZ_CHECK(got[k].matched == (r == 7 ? matched[i] : q.size()));
      ++k;
    }
  }
  IPSECERR_FUZZ_CHECK(k == got.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query = ipsecerr_fuzz::as_text(data, size);
  check_ranked(query);
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
