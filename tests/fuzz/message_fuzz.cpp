// SPDX-License-Identifier: MIT
// Fuzzes find_message(), find_messages() and match_field() against a plain reference written here
// from the documented rules (std::string, no index, no code shared with the library): the same
// hits, kinds, spans, shared flags, truncation and resume point, over the Win32 and RAS entries
// (RAS texts compared by their words, with the `(e.g ... etc)` list).
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/message.hpp>
#include <ipsecerr/ras.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "entries.hpp"
#include "fuzz_check.hpp"
#include "plain_words.hpp"

namespace {

constexpr std::size_t span_max = ipsecerr::message_span_max;
constexpr std::size_t context = 64;  // field_context_max, as documented
constexpr std::size_t capacity = 32;

using ipsecerr_fuzz::alnum;
using ipsecerr_fuzz::lower;
using ipsecerr_fuzz::words_of;

bool hspace(char c) { return c == ' ' || c == '\t'; }

using ipsecerr_fuzz::entries;

bool starts(std::string_view s, std::size_t at, std::string_view with) {
  return at <= s.size() && s.substr(at).substr(0, with.size()) == with;
}
// The typographic quotes: U+2018, U+2019, U+201C, U+201D, U+00AB, U+00BB.
const std::string_view typographic[] = {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C",
                                        "\xE2\x80\x9D", "\xC2\xAB",     "\xC2\xBB"};
std::size_t quote_at(std::string_view s, std::size_t at) {
  for (std::string_view q : typographic) {
    if (starts(s, at, q)) return q.size();
  }
  return 0;
}
std::size_t quote_before(std::string_view s, std::size_t end) {
  for (std::string_view q : typographic) {
    if (end >= q.size() && s.substr(end - q.size(), q.size()) == q) return q.size();
  }
  return 0;
}

// A separator between two words of a RAS text: a tab, printable ASCII that is not a letter or
// digit, or a typographic quote; its size, or 0.
std::size_t separator(std::string_view t, std::size_t at) {
  const char c = t[at];
  if (c == '\t' || (c >= 0x20 && c <= 0x7E && !alnum(c))) return 1;
  return quote_at(t, at);
}

// A RAS message from full[p], seen only up to p + span_max: the same words in order (any case),
// a non-empty run of separators between words; after the message's words "e" "g", any text words
// until the word "etc" (when the message has one later); the message's characters after its last
// word matched byte for byte as far as they go. Returns the end of the match or npos.
std::size_t match_ras(std::string_view full, std::size_t p, std::string_view m) {
  const std::string_view t =
      full.substr(0, p + span_max < full.size() ? p + span_max : full.size());
  const bool cut = t.size() != full.size();
  const std::vector<std::string> mw = words_of(m);
  std::size_t tail = m.size();  // where m's last word ends
  while (tail > 0 && !alnum(m[tail - 1])) --tail;
  std::size_t k = 0;
  std::size_t j = p;
  bool in_list = false;
  while (true) {
    std::size_t je = j;
    while (je < t.size() && alnum(t[je])) ++je;
    if (je == j || (je == t.size() && cut)) return std::string_view::npos;
    const std::string w = words_of(t.substr(j, je - j)).front();
    if (w == mw[k]) {
      in_list = false;
      if (k > 0 && mw[k - 1] == "e" && w == "g") {
        for (std::size_t x = k + 1; x < mw.size() && !in_list; ++x) {
          if (mw[x] == "etc") {
            k = x;
            in_list = true;
          }
        }
      }
      if (!in_list) ++k;
      if (k == mw.size()) {
        for (std::size_t x = tail; x < m.size() && je < t.size() && t[je] == m[x]; ++x) ++je;
        return je;
      }
    } else if (!in_list) {
      return std::string_view::npos;
    }
    j = je;
    while (j < t.size() && separator(t, j) != 0) j += separator(t, j);
    if (j == je || (j == t.size() && cut)) return std::string_view::npos;
  }
}

bool distinctive(const ipsecerr::error_info& e) {
  if (e.kind == ipsecerr::kind::marker) return false;
  const auto words = words_of(e.message);
  if (words.size() >= 5) return true;
  if (words.size() != 4) return false;
  for (const std::string& w : words) {
    for (const char* t : {"ike", "ipsec", "sa", "sas", "payload", "authip", "spi", "mm"}) {
      if (w == t) return true;
    }
  }
  return false;
}

// The message from text[p], by the documented rules, with text seen only up to p + span_max;
// returns the end of the match or npos.
std::size_t match_win32(std::string_view full, std::size_t p, std::string_view m) {
  const std::string_view text =
      full.substr(0, p + span_max < full.size() ? p + span_max : full.size());
  std::size_t j = p;
  std::size_t i = 0;
  bool stopped = false;
  while (i < m.size() && !stopped) {
    if (m[i] == ' ') {
      std::size_t run = 0;
      while (j + run < text.size() && hspace(text[j + run])) ++run;
      if (run == 0) return std::string_view::npos;
      if (j + run == text.size() && text.size() != full.size()) return std::string_view::npos;
      j += run;
      while (i < m.size() && m[i] == ' ') ++i;
    } else if (j < text.size() && m[i] == '\'' &&
               (starts(text, j, "\xE2\x80\x99") || starts(text, j, "\xE2\x80\x98"))) {
      j += 3;
      ++i;
    } else if (j < text.size() && lower(text[j]) == lower(m[i])) {
      ++j;
      ++i;
    } else {
      stopped = true;  // the text ends or differs: the rest of the message must be punctuation
    }
  }
  for (; i < m.size(); ++i) {
    if (alnum(m[i])) return std::string_view::npos;
  }
  if (j < full.size() && j > p && alnum(full[j]) && alnum(full[j - 1])) {
    return std::string_view::npos;
  }
  return j;
}

std::size_t match(std::string_view full, std::size_t p, const ipsecerr::error_info& e) {
  return e.space == ipsecerr::code_space::ras ? match_ras(full, p, e.message)
                                              : match_win32(full, p, e.message);
}

bool field(std::string_view t, std::size_t p, std::size_t end) {
  std::size_t b = p;
  while (b > 0 && p - b < context && t[b - 1] == ' ') --b;
  bool quoted = false;
  if (b > 0) {
    const char c = t[b - 1];
    quoted = c == '"' || c == '\'' || c == '`' || quote_before(t, b) != 0;
    if (!quoted && std::string_view("\n\r\t:>|").find(c) == std::string_view::npos) return false;
  }
  std::size_t e = end;
  while (e < t.size() && e - end < context && (t[e] == ' ' || t[e] == '.')) ++e;
  if (e == t.size()) return !quoted;
  const char c = t[e];
  if (c == '"' || c == '\'' || c == '`' || quote_at(t, e) != 0) return true;
  return !quoted && std::string_view("\n\r\t<|").find(c) != std::string_view::npos;
}

struct hit {
  const ipsecerr::error_info* entry;
  ipsecerr::message_match kind;
  std::size_t offset, size;
  bool shared;
};
struct result {
  std::vector<hit> hits;
  bool truncated = false;
  std::size_t resume = 0;
};

// Each row's first message word, distinctiveness and shared text, worked out once.
struct row_facts {
  std::string first;
  bool distinctive;
  bool shared;
};
const std::vector<row_facts>& facts() {
  static const std::vector<row_facts> rows = [] {
    std::vector<row_facts> out;
    for (const auto* e : entries()) {
      bool same = false;
      for (const auto* o : entries()) same = same || (o != e && o->message == e->message);
      const auto words = words_of(e->message);
      out.push_back({alnum(e->message[0]) ? words.front() : std::string(), distinctive(*e), same});
    }
    return out;
  }();
  return rows;
}
const row_facts& facts_of(const ipsecerr::error_info& e) {
  return facts()[ipsecerr_fuzz::index_of(e)];
}
bool shared(const ipsecerr::error_info& e) { return facts_of(e).shared; }

result find_in_line(std::string_view t, std::size_t from) {
  result r;
  std::size_t p = from < t.size() ? from : t.size();
  while (p < t.size() && p > 0 && alnum(t[p]) && alnum(t[p - 1])) ++p;
  while (p < t.size()) {
    if (!alnum(t[p])) {
      ++p;
      continue;
    }
    std::size_t w = p;
    while (w < t.size() && alnum(t[w])) ++w;
    const std::string word = words_of(t.substr(p, w - p)).front();
    std::vector<const ipsecerr::error_info*> best;
    std::size_t best_end = 0;
    for (const auto* e : entries()) {
      if (e->kind == ipsecerr::kind::marker || facts_of(*e).first != word) continue;
      const std::size_t end = match(t, p, *e);
      if (end == std::string_view::npos || !(field(t, p, end) || facts_of(*e).distinctive)) {
        continue;
      }
      if (best.empty() || end > best_end) best.clear();
      if (best.empty() || end == best_end) {
        best_end = end;
        best.push_back(e);
      }
    }
    if (best.empty()) {
      p = w;
      continue;
    }
    if (capacity - r.hits.size() < best.size()) {
      r.truncated = true;
      r.resume = p;
      return r;
    }
    const auto kind =
        field(t, p, best_end) ? ipsecerr::message_match::field : ipsecerr::message_match::contained;
    for (const auto* e : best) r.hits.push_back({e, kind, p, best_end - p, shared(*e)});
    p = best_end;
  }
  r.resume = t.size();
  return r;
}

bool trim_byte(char c) { return static_cast<unsigned char>(c) < 0x80 && !alnum(c); }

result whole_field(std::string_view t) {
  result r;
  r.resume = t.size();
  for (const auto* e : entries()) {
    if (e->message == t) {
      r.hits.push_back({e, ipsecerr::message_match::exact, 0, t.size(), shared(*e)});
    }
  }
  if (!r.hits.empty()) return r;
  std::size_t first = 0;
  std::size_t last = t.size();
  for (;;) {
    if (first < last && quote_at(t, first) != 0) {
      first += quote_at(t, first);
    } else if (first < last && trim_byte(t[first])) {
      ++first;
    } else {
      break;
    }
  }
  for (;;) {
    if (last > first && quote_before(t, last) != 0) {
      last = last - quote_before(t, last) < first ? first : last - quote_before(t, last);
    } else if (last > first && trim_byte(t[last - 1])) {
      --last;
    } else {
      break;
    }
  }
  const std::string_view inner = t.substr(first, last - first);
  if (inner.empty() || !alnum(inner[0])) return r;
  const std::string inner_first = words_of(inner).front();
  for (const auto* e : entries()) {
    if (facts_of(*e).first != inner_first) continue;
    if (match(inner, 0, *e) == inner.size()) {
      r.hits.push_back({e, ipsecerr::message_match::normalized, first, last - first, shared(*e)});
    }
  }
  return r;
}

void check(const ipsecerr::message_hits& got, const result& want) {
  IPSECERR_FUZZ_CHECK(got.size() == want.hits.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    IPSECERR_FUZZ_CHECK(got[i].entry == want.hits[i].entry);
    IPSECERR_FUZZ_CHECK(got[i].match == want.hits[i].kind);
    IPSECERR_FUZZ_CHECK(got[i].offset == want.hits[i].offset);
    IPSECERR_FUZZ_CHECK(got[i].size == want.hits[i].size);
    IPSECERR_FUZZ_CHECK(got[i].shared == want.hits[i].shared);
  }
  IPSECERR_FUZZ_CHECK(got.truncated() == want.truncated);
  IPSECERR_FUZZ_CHECK(got.resume() == want.resume);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = ipsecerr_fuzz::as_text(data, size);
  const result whole = whole_field(text);
  check(ipsecerr::match_field(text), whole);
  check(ipsecerr::find_message(text), whole.hits.empty() ? find_in_line(text, 0) : whole);
  check(ipsecerr::find_messages(text), find_in_line(text, 0));
  check(ipsecerr::find_messages(text, size / 3), find_in_line(text, size / 3));
  return 0;
}
