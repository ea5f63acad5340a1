// SPDX-License-Identifier: MIT
// ipsecerr::rank_search(): the entries that match a query, best first, each with its rank class;
// and the deprecated unranked search(). constexpr, no allocation.
#ifndef IPSECERR_SEARCH_HPP
#define IPSECERR_SEARCH_HPP

#include <iterator>

#include "detail/annotate_context.hpp"
#include "detail/ascii.hpp"
#include "ipsecerr.hpp"
#include "keywords.hpp"
#include "message.hpp"
#include "parse.hpp"

namespace ipsecerr {
inline namespace v1 {

namespace detail {

// Every RAS row of keywords.def names a RAS code (keywords.hpp checks the Win32 rows).
constexpr bool ras_keywords_known() noexcept {
  for (const keyword_row& k : keyword_rows) {
    if (k.space == code_space::ras && find_ras_plain(k.code) == nullptr) return false;
  }
  return true;
}
static_assert(ras_keywords_known(), "ipsecerr: a RAS row of keywords.def must name a RAS code");

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

/// The Win32 entries whose name, message or hint contain every word (any case), in code order, each
/// code once: `for (const auto& e : search("queue too long"))` gives 13809 to 13812. It keeps its
/// meaning, so it never returns RAS entries; rank_search() covers both tables.
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
                   ///< its words is the code in decimal or 0x hex (`error 13806`, `error 809`)
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

}  // namespace v1
}  // namespace ipsecerr

#include "detail/search_words.hpp"

namespace ipsecerr {
inline namespace v1 {

/// What rank_search() returns: every matching entry once, best rank first; within a rank the Win32
/// entries in code order, then the RAS entries in code order (partial: the entries with the most
/// words found). Held by value; its capacity is the number of entries of both tables.
class ranked_results : public detail::held<search_hit, detail::message_rows> {
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
/// Entries of both code spaces are searched (entry->space tells them apart). A query that is a
/// code leads with every entry that parse() reads it as: `rank_search("809")` gives RAS 809
/// (ERROR_VPN_TIMEOUT) with rank code, since 809 is no Win32 IPsec code; `rank_search("13801")`
/// gives 13801 alone. A RAS message matches as find_message() matches it (its words, any
/// punctuation, the `(e.g ... etc)` list as Windows builds print it).
[[nodiscard]] constexpr ranked_results rank_search(std::string_view query) noexcept {
  using detail::message_entry;
  constexpr std::size_t rows = detail::message_rows;
  constexpr std::uint8_t none = 0xFF;
  ranked_results out;
  detail::query_words q;
  detail::split_query(query, q);
  out.truncated_ = q.truncated;

  std::uint8_t rank[rows] = {};
  std::size_t matched[rows] = {};
  for (std::uint8_t& r : rank) r = none;
  const auto set = [&rank](const error_info* e, search_rank r) {
    const std::size_t i = detail::message_row_of(*e);
    if (rank[i] == none) rank[i] = static_cast<std::uint8_t>(r);
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
  // A word of a longer query that is a code in decimal or 0x hex ("error 13806", "error 809"),
  // unless its line says it is a process id, port or size, as find_in() reads it ("pid 13894").
  for (std::size_t k = 0; q.n > 1 && k < q.n; ++k) {
    if ((detail::class_of(q.word(k)[0]) & detail::digit_char) == 0) continue;
    if (detail::text_says_no_code(query, q.offset[k], q.offset[k] + q.size[k],
                                  detail::hex_token(q.word(k)))) {
      continue;
    }
    for (const reading& r : parse(q.word(k))) {
      if (r.known() && detail::is_number_form(r.form)) set(r.info(), search_rank::code);
    }
  }
  if (q.n == 0) {
    for (std::size_t i = 0; i < rows; ++i) {
      if (rank[i] != none) out.items_[out.size_++] = {&message_entry(i), search_rank::code, 0, 0};
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
  for (std::size_t i = 0; i < rows; ++i) {
    const error_info& e = message_entry(i);
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
    for (std::size_t i = 0; i < rows; ++i) {
      if (matched[i] == best_partial) rank[i] = static_cast<std::uint8_t>(search_rank::partial);
    }
  }

  for (std::uint8_t r = 0; r <= static_cast<std::uint8_t>(search_rank::partial); ++r) {
    for (std::size_t i = 0; i < rows; ++i) {
      if (rank[i] != r) continue;
      const bool all = r != static_cast<std::uint8_t>(search_rank::partial);
      out.items_[out.size_++] = {&message_entry(i), static_cast<search_rank>(r),
                                 all ? q.n : matched[i], q.n};
    }
  }
  return out;
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_SEARCH_HPP
