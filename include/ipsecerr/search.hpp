// SPDX-License-Identifier: MIT
// ipsecerr::rank_search(): the entries that match a query, best first, each with its rank class;
// and the deprecated unranked search(). constexpr, no allocation.
#ifndef IPSECERR_SEARCH_HPP
#define IPSECERR_SEARCH_HPP

#include <iterator>

#include "detail/ascii.hpp"
#include "ipsecerr.hpp"
#include "keywords.hpp"
#include "message.hpp"
#include "parse.hpp"

namespace ipsecerr {
inline namespace v1 {

namespace detail {

// Whether `text` contains `word` (already lower case), ignoring ASCII case.
// Compares the first letter before the rest, through plain pointers: a constant expression that
// searches the whole table then stays well inside clang's default constexpr step limit.
constexpr bool contains_folded(std::string_view text, std::string_view word) noexcept {
  if (word.size() > text.size()) return false;
  if (word.empty()) return true;
  const char* const t = text.data();
  const char* const w = word.data();
  const std::size_t last = text.size() - word.size();
  for (std::size_t at = 0; at <= last; ++at) {
    if (to_lower(t[at]) != w[0]) continue;
    std::size_t i = 1;
    while (i < word.size() && to_lower(t[at + i]) == w[i]) ++i;
    if (i == word.size()) return true;
  }
  return false;
}

}  // namespace detail

/// What search() returns: a lazy forward range of `const error_info&` in code order.
class search_results {
 public:
  /// The longest query, counted after folding runs of whitespace into one space.
  static constexpr std::size_t capacity = 255;

  /// Walks the table, stopping only at rows that match.
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = error_info;
    using difference_type = std::ptrdiff_t;
    using pointer = const error_info*;
    using reference = const error_info&;

    constexpr iterator() noexcept = default;

    [[nodiscard]] constexpr reference operator*() const noexcept { return *at_; }
    [[nodiscard]] constexpr pointer operator->() const noexcept { return at_; }
    constexpr iterator& operator++() noexcept {
      ++at_;
      skip();
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator old = *this;
      ++*this;
      return old;
    }
    [[nodiscard]] friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.at_ == b.at_;
    }
    [[nodiscard]] friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept {
      return a.at_ != b.at_;
    }

   private:
    friend class search_results;
    constexpr iterator(const search_results* results, const error_info* at) noexcept
        : results_(results), at_(at) {
      skip();
    }
    constexpr void skip() noexcept {
      const error_info* const last = detail::table + detail::table_size;
      while (at_ != last && !results_->matches(*at_)) ++at_;
    }

    const search_results* results_ = nullptr;
    const error_info* at_ = nullptr;
  };
  using const_iterator = iterator;
  using value_type = error_info;

  /// Keeps the words, folded to lower case, in the range itself: no dangling query.
  constexpr explicit search_results(std::string_view words) noexcept {
    for (std::size_t i = 0; i < words.size();) {
      while (i < words.size() && detail::is_space(words[i])) ++i;
      if (i == words.size()) break;
      if (size_ != 0 && !put(' ')) return;
      while (i < words.size() && !detail::is_space(words[i])) {
        if (!put(detail::to_lower(words[i++]))) return;
      }
    }
  }

  [[nodiscard]] constexpr iterator begin() const noexcept { return {this, detail::table}; }
  [[nodiscard]] constexpr iterator end() const noexcept {
    return {this, detail::table + detail::table_size};
  }
  /// Whether no row matches.
  [[nodiscard]] constexpr bool empty() const noexcept { return begin() == end(); }
  /// The query's words, lower case, separated by one space.
  [[nodiscard]] constexpr std::string_view words() const noexcept { return {words_, size_}; }

  /// Whether every word is in the entry's name, message or hint, ignoring case. A query of no
  /// words matches every entry; a query longer than the capacity matches none.
  [[nodiscard]] constexpr bool matches(const error_info& e) const noexcept {
    if (too_long_) return false;
    const std::string_view all = words();
    std::size_t first = 0;
    while (first < all.size()) {
      std::size_t last = first;
      while (last < all.size() && all[last] != ' ') ++last;
      const std::string_view word = all.substr(first, last - first);
      if (!detail::contains_folded(e.name, word) && !detail::contains_folded(e.message, word) &&
          !detail::contains_folded(e.hint, word)) {
        return false;
      }
      first = last + 1;
    }
    return true;
  }

 private:
  constexpr bool put(char c) noexcept {
    if (size_ == capacity) {
      too_long_ = true;
      return false;
    }
    words_[size_++] = c;
    return true;
  }

  char words_[capacity] = {};
  std::size_t size_ = 0;
  bool too_long_ = false;
};

/// The entries whose name, message or hint contain every word (any case), in code order, each
/// code once: `for (const auto& e : search("queue too long"))` gives 13809 to 13812.
/// Deprecated: rank_search() ranks the results and splits words as users expect; search() keeps
/// its meaning for this version only.
[[nodiscard,
  deprecated("use ipsecerr::rank_search(), which ranks its results")]] constexpr search_results
search(std::string_view words) noexcept {
  return search_results(words);
}

/// The rank class of a search result, best first. to_string() gives its stable snake_case id.
enum class search_rank : std::uint8_t {
  code,            ///< the query is the entry's code or name in a form parse() reads, or one of
                   ///< its words is the code in decimal or 0x hex (`error 13806`)
  exact,           ///< the query is the entry's message (exact or normalized, as find_message())
  message,         ///< the query holds the entry's message (a field, or a distinctive message)
  phrase,          ///< all query words, in order and next to each other, as whole words of the
                   ///< message or the name
  all_words,       ///< every query word is a whole word or a word prefix of the name or message
  all_substrings,  ///< every query word is in the name or message (short words as whole words)
  keyword,         ///< every query word is found once the entry's keywords() count too
  partial,         ///< only some query words are found: the entries that have the most of them,
                   ///< and only when no entry matched in a better class
};

/// The stable id of a rank class: "code", "exact", "message", "phrase", "all_words",
/// "all_substrings", "keyword", "partial".
[[nodiscard]] constexpr std::string_view to_string(search_rank r) noexcept {
  switch (r) {
    case search_rank::code: return "code";
    case search_rank::exact: return "exact";
    case search_rank::message: return "message";
    case search_rank::phrase: return "phrase";
    case search_rank::all_words: return "all_words";
    case search_rank::all_substrings: return "all_substrings";
    case search_rank::keyword: return "keyword";
    case search_rank::partial: return "partial";
  }
  return "?";
}

/// One result of rank_search(): an entry, its rank class, and how many query words it matched.
struct search_hit {
  const error_info* entry = nullptr;        ///< the entry
  search_rank rank = search_rank::partial;  ///< its rank class
  std::size_t matched = 0;                  ///< query words found (all of them, except for partial)
  std::size_t words = 0;                    ///< query words in all
};

namespace detail {

// The query's words: runs of ASCII letters and digits, in lower case.
struct query_words {
  static constexpr std::size_t max_words = 32;
  static constexpr std::size_t max_chars = 256;
  char chars[max_chars] = {};
  std::size_t start[max_words] = {};
  std::size_t size[max_words] = {};
  std::size_t n = 0;
  std::size_t first_offset = 0;  // the first word in the query as given
  bool truncated = false;

  [[nodiscard]] constexpr std::string_view word(std::size_t k) const noexcept {
    return {chars + start[k], size[k]};
  }
};

constexpr void split_query(std::string_view q, query_words& w) noexcept {
  std::size_t used = 0;
  for (std::size_t i = 0; i < q.size();) {
    if ((class_of(q[i]) & alnum_char) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < q.size() && (class_of(q[j]) & alnum_char) != 0) ++j;
    if (w.n == query_words::max_words || j - i > query_words::max_chars - used) {
      w.truncated = true;
      return;
    }
    if (w.n == 0) w.first_offset = i;
    w.start[w.n] = used;
    w.size[w.n] = j - i;
    for (std::size_t k = i; k < j; ++k) w.chars[used++] = to_lower(q[k]);
    ++w.n;
    i = j;
  }
}

// How a query word was found in an entry.
inline constexpr std::uint8_t found_whole = 1;      // a whole word of the name or message
inline constexpr std::uint8_t found_prefix = 2;     // a word prefix of the name or message
inline constexpr std::uint8_t found_substring = 4;  // inside the name or message
inline constexpr std::uint8_t found_keyword = 8;    // a whole word or word prefix of a keyword

// The forms in which a word of a longer query counts as a code: decimal and 0x hex numbers, not
// hex without 0x ("3646" in a sentence is a number, not 0x3646) and not names.
constexpr bool is_number_form(form f) noexcept {
  return f == form::decimal || f == form::hex || f == form::hresult || f == form::hresult_decimal ||
         f == form::ntstatus_win32 || f == form::ntstatus || f == form::hresult_from_nt;
}

// Words of three characters or fewer match whole words only.
inline constexpr std::size_t short_word_max = 3;

// The end of the word (letters and digits) that starts at i.
constexpr std::size_t word_end(std::string_view text, std::size_t i) noexcept {
  while (i < text.size() && (class_of(text[i]) & alnum_char) != 0) ++i;
  return i;
}

// Whether text[a, b) is the query word w, ignoring case (w is lower case).
constexpr bool is_word(std::string_view text, std::size_t a, std::size_t b,
                       std::string_view w) noexcept {
  if (b - a != w.size()) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (to_lower(text[a + i]) != w[i]) return false;
  }
  return true;
}

// Whether the query's words 1.. follow the text word that ends at b, as whole words.
constexpr bool phrase_follows(std::string_view text, std::size_t b, const query_words& q) noexcept {
  for (std::size_t k = 1; k < q.n; ++k) {
    while (b < text.size() && (class_of(text[b]) & alnum_char) == 0) ++b;
    const std::size_t e = word_end(text, b);
    if (b == e || !is_word(text, b, e, q.word(k))) return false;
    b = e;
  }
  return true;
}

// A letter or digit in lower case: for these, to_lower() is setting bit 0x20 (digits have it).
constexpr char alnum_lower(char c) noexcept { return static_cast<char>(c | 0x20); }

// Whether the query word w (lower case) is inside t[first, last), a run of letters and digits.
constexpr bool inside_word(const char* t, std::size_t first, std::size_t last,
                           std::string_view w) noexcept {
  const char w0 = w[0];
  const std::size_t n = w.size();
  for (std::size_t at = first; at + n <= last; ++at) {
    if (alnum_lower(t[at]) != w0) continue;
    std::size_t k = 1;
    while (k < n && alnum_lower(t[at + k]) == w[k]) ++k;
    if (k == n) return true;
  }
  return false;
}

// Marks, for each query word, how it stands among the words of text: the whole, prefix and
// substring bits given (substring 0: not looked for). A query word is letters and digits only, so
// it can only be inside one word of the text. Returns whether the whole query is a phrase of text.
constexpr bool scan_words(std::string_view text, const query_words& q, std::uint8_t* found,
                          std::uint8_t whole, std::uint8_t prefix,
                          std::uint8_t substring) noexcept {
  // Written for few steps per character: a constant evaluation over the whole table must stay
  // well inside the compilers' default limits.
  bool phrase = false;
  const char* const t = text.data();
  const std::size_t n = text.size();
  const std::uint8_t* const cls = char_class.of;
  const std::uint8_t any = static_cast<std::uint8_t>(whole | prefix | substring);
  std::size_t i = 0;
  while (i < n) {
    while (i < n && (cls[static_cast<unsigned char>(t[i])] & alnum_char) == 0) ++i;
    if (i == n) break;
    std::size_t e = i + 1;
    while (e < n && (cls[static_cast<unsigned char>(t[e])] & alnum_char) != 0) ++e;
    const std::size_t size = e - i;
    const char first = alnum_lower(t[i]);
    for (std::size_t k = 0; k < q.n; ++k) {
      if (q.size[k] > size) continue;
      const std::string_view w = q.word(k);
      if (w[0] == first && is_word(text, i, i + w.size(), w)) {
        if (w.size() == size) {
          found[k] |= whole;
          if (k == 0 && !phrase) phrase = phrase_follows(text, e, q);
          continue;
        }
        if (w.size() > short_word_max) {
          found[k] |= prefix;
          continue;
        }
      }
      if (substring != 0 && w.size() > short_word_max && (found[k] & any) == 0 &&
          inside_word(t, i + 1, e, w)) {
        found[k] |= substring;
      }
    }
    i = e;
  }
  return phrase;
}

}  // namespace detail

/// What rank_search() returns: every matching entry once, best rank first, code order within a
/// rank (partial: the entries with the most words found). Held by value; all entries fit.
/// Its capacity is the table's size: every entry fits.
class ranked_results : public detail::held<search_hit, detail::table_size> {
 public:
  /// The most query words used; words after them are ignored (truncated()).
  static constexpr std::size_t max_words = detail::query_words::max_words;

  /// Whether the query had more than max_words words (or 256 letters), so some were ignored.
  [[nodiscard]] constexpr bool truncated() const noexcept { return truncated_; }

 private:
  friend constexpr ranked_results rank_search(std::string_view query) noexcept;

  bool truncated_ = false;
};

/// The entries that match a query, ranked (see search_rank): `rank_search("13806")` leads with
/// 13806; `rank_search("negotiation timed out")` with 13805 (exact); `rank_search("SPI")` finds
/// 13910 but not the SSPI messages. Words are runs of ASCII letters and digits (so `_` splits a
/// name: `mm` matches the MM of ERROR_IPSEC_IKE_QUEUE_DROP_MM, not COMMIT); case is ignored; words
/// of three characters or fewer match whole words only. A query with no words finds nothing.
[[nodiscard]] constexpr ranked_results rank_search(std::string_view query) noexcept {
  using detail::table;
  using detail::table_size;
  constexpr std::uint8_t none = 0xFF;
  ranked_results out;
  detail::query_words q;
  detail::split_query(query, q);
  out.truncated_ = q.truncated;

  std::uint8_t rank[table_size] = {};
  std::size_t matched[table_size] = {};
  for (std::uint8_t& r : rank) r = none;
  const auto set = [&rank](const error_info* e, search_rank r) {
    const std::size_t i = static_cast<std::size_t>(e - table);
    if (e >= table && i < table_size && rank[i] == none) rank[i] = static_cast<std::uint8_t>(r);
  };

  // The query as a code or name: as given, or its only word ("13806", with quotes and a comma).
  bool has_underscore = false;
  for (const char c : query) has_underscore = has_underscore || c == '_';
  readings codes = parse(query);
  if (codes.empty() && q.n == 1) {
    codes = parse(
        query.substr(q.first_offset, detail::word_end(query, q.first_offset) - q.first_offset));
  }
  for (const reading& r : codes) {
    if (r.known() && (r.form != form::name_suffix || has_underscore)) {
      set(r.info(), search_rank::code);
    }
  }
  // A word of a longer query that is a code in decimal or 0x hex ("error 13806").
  for (std::size_t k = 0; q.n > 1 && k < q.n; ++k) {
    if ((detail::class_of(q.word(k)[0]) & detail::digit_char) == 0) continue;
    for (const reading& r : parse(q.word(k))) {
      if (r.known() && detail::is_number_form(r.form)) set(r.info(), search_rank::code);
    }
  }
  if (q.n == 0) {
    for (std::size_t i = 0; i < table_size; ++i) {
      if (rank[i] != none) out.items_[out.size_++] = {&table[i], search_rank::code, 0, 0};
    }
    return out;
  }

  // The query as a message, or holding one.
  for (const message_hit& h : find_message(query)) {
    const bool whole = h.match == message_match::exact || h.match == message_match::normalized;
    set(h.entry, whole ? search_rank::exact : search_rank::message);
  }

  // The words, entry by entry.
  constexpr std::uint8_t in_text =
      detail::found_whole | detail::found_prefix | detail::found_substring;
  bool full_match = false;
  std::size_t best_partial = 0;
  for (std::size_t i = 0; i < table_size; ++i) {
    const error_info& e = table[i];
    std::uint8_t found[detail::query_words::max_words] = {};
    const bool in_message = detail::scan_words(e.message, q, found, detail::found_whole,
                                               detail::found_prefix, detail::found_substring);
    const bool in_name = detail::scan_words(e.name, q, found, detail::found_whole,
                                            detail::found_prefix, detail::found_substring);
    const bool phrase = in_message || in_name;
    detail::scan_words(keywords(e), q, found, detail::found_keyword, detail::found_keyword, 0);
    bool all_whole = true;
    bool all_text = true;
    std::size_t n = 0;
    for (std::size_t k = 0; k < q.n; ++k) {
      if ((found[k] & (detail::found_whole | detail::found_prefix)) == 0) all_whole = false;
      if ((found[k] & in_text) == 0) all_text = false;
      if (found[k] != 0) ++n;
    }
    matched[i] = n;
    if (rank[i] != none) {
      full_match = true;
      continue;
    }
    if (n == q.n) {
      full_match = true;
      const search_rank r = all_whole  ? (phrase ? search_rank::phrase : search_rank::all_words)
                            : all_text ? search_rank::all_substrings
                                       : search_rank::keyword;
      rank[i] = static_cast<std::uint8_t>(r);
    } else if (n > best_partial) {
      best_partial = n;
    }
  }
  if (!full_match && best_partial != 0) {
    for (std::size_t i = 0; i < table_size; ++i) {
      if (matched[i] == best_partial) rank[i] = static_cast<std::uint8_t>(search_rank::partial);
    }
  }

  for (std::uint8_t r = 0; r <= static_cast<std::uint8_t>(search_rank::partial); ++r) {
    for (std::size_t i = 0; i < table_size; ++i) {
      if (rank[i] != r) continue;
      const bool all = r != static_cast<std::uint8_t>(search_rank::partial);
      out.items_[out.size_++] = {&table[i], static_cast<search_rank>(r), all ? q.n : matched[i],
                                 q.n};
    }
  }
  return out;
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_SEARCH_HPP
