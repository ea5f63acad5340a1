// SPDX-License-Identifier: MIT
// ipsecerr::search(): the entries whose name, message or hint contain every word of a query, as a
// lazy range over the table (constexpr, no allocation).
#ifndef IPSECERR_SEARCH_HPP
#define IPSECERR_SEARCH_HPP

#include <iterator>

#include "detail/ascii.hpp"
#include "ipsecerr.hpp"

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
[[nodiscard]] constexpr search_results search(std::string_view words) noexcept {
  return search_results(words);
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_SEARCH_HPP
