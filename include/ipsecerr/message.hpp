// SPDX-License-Identifier: MIT
// ipsecerr::find_message(): the entries (Win32 and RAS) whose message a text is or holds (byte for
// byte, normalized, as a whole field of a line, or inside a sentence); constexpr, allocation-free.
#ifndef IPSECERR_MESSAGE_HPP
#define IPSECERR_MESSAGE_HPP

#include "detail/ascii.hpp"
#include "detail/held.hpp"
#include "ipsecerr.hpp"
#include "ras.hpp"

namespace ipsecerr {
inline namespace v1 {

/// How a message was found in a text. Entries of both code spaces are matched (entry->space tells
/// them apart). Where a RAS message (ras.hpp) is compared "ignoring" something, its words are what
/// count: any punctuation or spacing between them, and its example list `(e.g ... etc)` as any
/// words from `e.g` to `etc`, since Windows builds print these texts differently from the SDK's
/// RasError.h ("(e.g. firewalls, NAT, routers, etc.)" for 809), the SDK's double spaces collapsed.
enum class message_match : std::uint8_t {
  exact,       ///< the whole text is the message, byte for byte
  normalized,  ///< the whole text is the message, ignoring ASCII case, runs of spaces, quotes and
               ///< punctuation around it, and a missing or extra final period
  field,       ///< a whole field of the text is the message: a whole line, a quoted string (so a
               ///< JSON string), an XML element's text, a tab-separated cell, or the rest of a
               ///< line after a `Label:`; compared as for normalized
  contained,   ///< a distinctive message (see is_distinctive()) inside a longer text, at word
               ///< boundaries
};

/// A stable snake_case id for a match kind: "exact", "normalized", "field", "contained".
[[nodiscard]] constexpr std::string_view to_string(message_match m) noexcept {
  switch (m) {
    case message_match::exact: return "exact";
    case message_match::normalized: return "normalized";
    case message_match::field: return "field";
    case message_match::contained: return "contained";
  }
  return "?";
}

/// One entry whose message was found, and where: text.substr(offset, size) is the message as it
/// stands in the text (without an extra final period or the quotes around it).
struct message_hit {
  const error_info* entry = nullptr;           ///< the entry whose message it is
  message_match match = message_match::exact;  ///< how it was found
  std::size_t offset = 0;                      ///< where the message starts in the text
  std::size_t size = 0;                        ///< how many bytes of the text it spans
  bool shared = false;  ///< other entries have the same message; they are in the same result,
                        ///< with the same offset and size, in code order

  /// Where the message ends in the text: the place for an annotation.
  [[nodiscard]] constexpr std::size_t end() const noexcept { return offset + size; }
};

namespace detail {

constexpr bool msg_alnum(char c) noexcept { return is_alnum_byte(c); }
constexpr bool msg_hspace(char c) noexcept { return c == ' ' || c == '\t'; }

// The entries whose messages are matched, as rows: the Win32 table's rows, then the RAS table's.
inline constexpr std::size_t message_rows = table_size + ras_table_size;

constexpr const error_info& message_entry(std::size_t row) noexcept {
  return row < table_size ? table[row] : ras_table[row - table_size];
}

// The row of an entry of either table.
constexpr std::size_t message_row_of(const error_info& e) noexcept {
  return e.space == code_space::ras ? table_size + static_cast<std::size_t>(&e - ras_table)
                                    : static_cast<std::size_t>(&e - table);
}

// The longest message: what any match spans at least, before runs of spaces.
constexpr std::size_t longest_message() noexcept {
  std::size_t n = 0;
  for (std::size_t row = 0; row < message_rows; ++row) {
    const std::size_t size = message_entry(row).message.size();
    n = size > n ? size : n;
  }
  return n;
}

// The size of a message's first word.
constexpr std::size_t first_word_size(std::string_view m) noexcept {
  std::size_t n = 0;
  while (n < m.size() && msg_alnum(m[n])) ++n;
  return n;
}

constexpr std::size_t longest_first_word() noexcept {
  std::size_t n = 0;
  for (std::size_t row = 0; row < message_rows; ++row) {
    const std::size_t w = first_word_size(message_entry(row).message);
    n = w > n ? w : n;
  }
  return n;
}

}  // namespace detail

/// The longest message of an entry (Win32 or RAS), in bytes.
inline constexpr std::size_t longest_message_size = detail::longest_message();

/// The most bytes a match may span in a text (runs of spaces make a message longer): any message
/// found in a line starts and ends within this many bytes.
inline constexpr std::size_t message_span_max = 2 * longest_message_size;

/// How far the field rule looks before and after a message for its delimiters (spaces, a quote,
/// a `:`, `>`, `<`, tab or line end). A streaming caller that keeps the last
/// message_span_max + 2 * field_context_max bytes of a line finds every message that a call on
/// the whole line finds.
inline constexpr std::size_t field_context_max = 64;

}  // namespace v1
}  // namespace ipsecerr

#include "detail/message_text.hpp"

namespace ipsecerr {
inline namespace v1 {

/// Whether an entry's message is distinctive enough to be found inside a longer sentence: five
/// words or more, or four words of which one is IKE, IPsec, SA, SAs, payload, AuthIP, SPI or MM.
/// Other messages (`Load failed`, `Negotiation timed out`, `No policy configured`) are ordinary
/// English and are found only as a whole field. Range markers, whose message is their own name,
/// are found only as the whole text.
[[nodiscard]] constexpr bool is_distinctive(const error_info& e) noexcept {
  if (e.kind == kind::marker) return false;
  const std::size_t words = detail::count_words(e.message);
  return words >= 5 || (words == 4 && detail::has_ipsec_term(e.message));
}

namespace detail {

// Messages are indexed by a hash of their first word (lower case), so a text's word is compared
// only with the messages that start with the same word.
inline constexpr unsigned message_bits = 8;
inline constexpr std::size_t message_buckets = std::size_t{1} << message_bits;
inline constexpr std::size_t first_word_max = longest_first_word();

constexpr std::size_t first_word_hash(const char* p, std::size_t n) noexcept {
  std::uint32_t h = static_cast<std::uint32_t>(n);
  for (std::size_t i = 0; i < n; ++i) {
    h = h * 31u + static_cast<unsigned char>(to_lower(p[i]));
  }
  return static_cast<std::size_t>((h * 0x9E3779B1u) >> (32 - message_bits));
}

// Kept small so that building it is cheap in every translation unit that includes this header;
// what a hit needs beyond it (is_distinctive(), a shared text) is worked out when a hit is found.
struct message_index {
  std::uint8_t head[message_buckets];  // the first row + 1 of the bucket's chain, or 0
  std::uint8_t next[message_rows];     // the next row + 1 in the same chain, or 0
  std::uint8_t first[message_rows];    // the size of the row's first word
  std::uint8_t second[message_rows];   // the first letter of its second word (lower case), which
                                       // a text's second word must start with: after blanks for a
                                       // Win32 message, after any bytes that are no letter or
                                       // digit for a RAS one; 0: no such rule for the row
};

constexpr message_index make_message_index() noexcept {
  message_index index{};
  for (std::size_t i = message_rows; i-- > 0;) {  // pushed in front, so chains ascend
    const std::string_view m = message_entry(i).message;
    const std::size_t w = first_word_size(m);
    const std::size_t bucket = first_word_hash(m.data(), w);
    index.next[i] = index.head[bucket];
    index.head[bucket] = static_cast<std::uint8_t>(i + 1);
    index.first[i] = static_cast<std::uint8_t>(w);
    if (message_entry(i).space == code_space::win32) {
      if (w + 1 < m.size() && m[w] == ' ' && msg_alnum(m[w + 1])) {
        index.second[i] = static_cast<std::uint8_t>(to_lower(m[w + 1]));
      }
    } else {  // a RAS message's words may be separated by any punctuation (match_words_at)
      std::size_t k = w;
      while (k < m.size() && !msg_alnum(m[k])) ++k;
      if (k < m.size()) {
        index.second[i] = static_cast<std::uint8_t>(to_lower(m[k]));
      }
    }
  }
  return index;
}
inline constexpr message_index by_message = make_message_index();

// Whether another row has the same message as row: rows with the same message share a first
// word, so the row's chain holds them all.
constexpr bool shares_message(std::size_t row) noexcept {
  const std::string_view m = message_entry(row).message;
  const std::size_t bucket = first_word_hash(m.data(), by_message.first[row]);
  for (std::size_t r = by_message.head[bucket]; r != 0; r = by_message.next[r - 1]) {
    if (r - 1 != row && message_entry(r - 1).message == m) return true;
  }
  return false;
}

static_assert(message_rows < 255, "ipsecerr: the message index keeps rows in a byte");
static_assert(longest_first_word() <= 32, "ipsecerr: a first word is hashed whole");

struct hits_builder;

}  // namespace detail

/// What find_message() and find_messages() return: up to capacity (32) message hits held by
/// value, in the order found (a group of entries that share a message together, in code order).
class message_hits : public detail::held<message_hit, 32> {
 public:
  /// Whether hits were left out for want of room; find_messages(line, resume()) finds the rest.
  [[nodiscard]] constexpr bool truncated() const noexcept { return truncated_; }
  /// Where a further call should go on looking: after the last hit, or where room ran out.
  [[nodiscard]] constexpr std::size_t resume() const noexcept { return resume_; }
  /// Whether the first hit's message is shared by several entries (all of them in the result).
  [[nodiscard]] constexpr bool shared() const noexcept { return size_ != 0 && items_[0].shared; }

 private:
  friend struct detail::hits_builder;

  std::size_t resume_ = 0;
  bool truncated_ = false;
};

namespace detail {

// Fills a message_hits; only the matchers below write to one.
struct hits_builder {
  // Appends the rows whose message matched [offset, end); false if there is no room for all.
  static constexpr bool add_group(message_hits& out, const std::size_t* rows, std::size_t n,
                                  message_match m, std::size_t offset, std::size_t end) noexcept {
    if (message_hits::capacity - out.size_ < n) {
      out.truncated_ = true;
      return false;
    }
    for (std::size_t k = 0; k < n; ++k) {
      message_hit& h = out.items_[out.size_++];
      h.entry = &message_entry(rows[k]);
      h.match = m;
      h.offset = offset;
      h.size = end - offset;
      h.shared = shares_message(rows[k]);
    }
    return true;
  }
  static constexpr void set_resume(message_hits& out, std::size_t at) noexcept { out.resume_ = at; }
};

// The rows whose message matches at the word starting at p, kept if distinctive or a whole field;
// only the longest matches count. Returns the end of the match, or npos.
struct match_group {
  std::size_t rows[message_rows] = {};
  std::size_t n = 0;
  std::size_t end = npos;
  message_match kind = message_match::field;
};

constexpr void match_word(std::string_view text, std::size_t p, std::size_t w,
                          match_group& g) noexcept {
  g.n = 0;
  g.end = npos;
  if (w - p > first_word_max) return;
  const std::size_t bucket = first_word_hash(text.data() + p, w - p);
  // The first letter of the text's second word: after blanks (else 0), and after any bytes that
  // are no letter or digit, within the line (else 0).
  std::size_t k = w;
  while (k < text.size() && msg_hspace(text[k])) ++k;
  const char second = k > w && k < text.size() ? to_lower(text[k]) : '\0';
  while (k < text.size() && !msg_alnum(text[k]) && text[k] != '\n' && k - w < message_span_max) ++k;
  const char second_any = k < text.size() && msg_alnum(text[k]) ? to_lower(text[k]) : '\0';
  for (std::size_t r = by_message.head[bucket]; r != 0; r = by_message.next[r - 1]) {
    const std::size_t row = r - 1;
    const error_info& e = message_entry(row);
    if (by_message.first[row] != w - p || e.kind == kind::marker) continue;
    const char want = e.space == code_space::win32 ? second : second_any;
    if (by_message.second[row] != 0 && static_cast<char>(by_message.second[row]) != want) {
      continue;
    }
    const std::size_t end = match_message_at(text, p, e);
    if (end == npos || (g.end != npos && end < g.end)) continue;
    const bool field = is_field(text, p, end);
    if (!field && !is_distinctive(e)) continue;
    if (g.end == npos || end > g.end) g.n = 0;
    g.end = end;
    g.kind = field ? message_match::field : message_match::contained;
    g.rows[g.n++] = row;
  }
}

}  // namespace detail

/// The messages in one line of text, from byte `from` on: every message that is a whole field of
/// the line (kind field: the whole line, a quoted string, an XML element's text, a tab-separated
/// cell, the rest of the line after a `Label:`) and every distinctive message anywhere at word
/// boundaries (kind contained). Hits do not overlap; where several messages start at one word, the
/// longest wins. Works on any text; line breaks end fields. Streaming callers: see
/// message_span_max and field_context_max.
[[nodiscard]] constexpr message_hits find_messages(std::string_view line,
                                                   std::size_t from = 0) noexcept {
  message_hits out;
  detail::match_group g;
  const std::size_t n = line.size();
  std::size_t p = from < n ? from : n;
  while (p < n && p > 0 && detail::msg_alnum(line[p]) && detail::msg_alnum(line[p - 1])) ++p;
  while (p < n) {
    if (!detail::msg_alnum(line[p])) {
      ++p;
      continue;
    }
    std::size_t w = p;
    while (w < n && detail::msg_alnum(line[w])) ++w;
    detail::match_word(line, p, w, g);
    if (g.n != 0) {
      if (!detail::hits_builder::add_group(out, g.rows, g.n, g.kind, p, g.end)) {
        detail::hits_builder::set_resume(out, p);
        return out;
      }
      p = g.end;
      continue;
    }
    p = w;
  }
  detail::hits_builder::set_resume(out, n);
  return out;
}

/// The entries whose message a field is, as a whole: byte for byte (exact), or ignoring ASCII
/// case, runs of spaces, quotes (ASCII and typographic) and punctuation around it, and a missing
/// or extra final period (normalized). Every entry that shares the message is returned.
[[nodiscard]] constexpr message_hits match_field(std::string_view field) noexcept {
  message_hits out;
  std::size_t rows[detail::message_rows] = {};
  std::size_t n = 0;
  for (std::size_t i = 0; i < detail::message_rows; ++i) {
    if (detail::message_entry(i).message == field) rows[n++] = i;
  }
  if (n != 0) {
    detail::hits_builder::add_group(out, rows, n, message_match::exact, 0, field.size());
    detail::hits_builder::set_resume(out, field.size());
    return out;
  }
  // Trim what surrounds the text: whitespace, ASCII punctuation and quotes, typographic quotes.
  std::size_t first = 0;
  std::size_t last = field.size();
  while (first < last) {
    if (const std::size_t q = detail::typographic_quote_at(field, first)) {
      first += q;
    } else if (!detail::msg_alnum(field[first]) &&
               static_cast<unsigned char>(field[first]) < 0x80) {
      ++first;
    } else {
      break;
    }
  }
  while (last > first) {
    if (const std::size_t q = detail::typographic_quote_before(field, last)) {
      last = last - q < first ? first : last - q;
    } else if (!detail::msg_alnum(field[last - 1]) &&
               static_cast<unsigned char>(field[last - 1]) < 0x80) {
      --last;
    } else {
      break;
    }
  }
  const std::string_view inner = field.substr(first, last - first);
  std::size_t w = 0;
  while (w < inner.size() && detail::msg_alnum(inner[w])) ++w;
  if (w == 0 || w > detail::first_word_max) {
    detail::hits_builder::set_resume(out, field.size());
    return out;
  }
  const std::size_t bucket = detail::first_word_hash(inner.data(), w);
  for (std::size_t r = detail::by_message.head[bucket]; r != 0;
       r = detail::by_message.next[r - 1]) {
    const std::size_t row = r - 1;
    if (detail::by_message.first[row] != w) continue;
    if (detail::match_message_at(inner, 0, detail::message_entry(row)) == inner.size()) {
      rows[n++] = row;
    }
  }
  if (n != 0) detail::hits_builder::add_group(out, rows, n, message_match::normalized, first, last);
  detail::hits_builder::set_resume(out, field.size());
  return out;
}

/// The entries whose message (Windows' for Win32 codes, the SDK's for RAS codes) a text is or
/// holds, best first: the whole text byte for byte (exact); else the whole text ignoring case,
/// spaces, surrounding quotes and punctuation and the final period (normalized); else every message
/// found by find_messages() (whole fields, and distinctive messages inside the text). Codes that
/// share a message are all returned, each hit saying so (shared): `find_message("negotiation took
/// too long.")` gives 13814 and 13815.
[[nodiscard]] constexpr message_hits find_message(std::string_view text) noexcept {
  message_hits whole = match_field(text);
  if (!whole.empty()) return whole;
  return find_messages(text);
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_MESSAGE_HPP
