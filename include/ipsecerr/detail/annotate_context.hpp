// SPDX-License-Identifier: MIT
// ipsecerr internals: the context rules of find_in() and the annotator, for numbers that have the
// shape of a code but that the text around them says are something else: a process id, a port,
// an index or a size.
#ifndef IPSECERR_DETAIL_ANNOTATE_CONTEXT_HPP
#define IPSECERR_DETAIL_ANNOTATE_CONTEXT_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ascii.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// A decision that may need bytes not known yet: yes, no, or more bytes needed.
enum class verdict : std::uint8_t { no, yes, more };

// The most bytes before a token that the rules read (a key and its separator, a Data element's
// start tag, an address), and after it (a blank, a unit word and the byte after it).
inline constexpr std::size_t context_before_max = 48;
inline constexpr std::size_t context_after_max = 16;

// Keys whose value is no code, as the last words of a key with its words joined in lower case
// (a word: a run of letters and digits; a capital after a small letter starts one, so
// "SourcePort" is "source" "port", "Filter Run-Time ID" is "filter" "run" "time" "id"): process
// and thread ids (pid=, "Process ID:", <Data Name="ProcessID">, NewProcessId), ports (port,
// sport=, "Source Port:", DestPort, LocalKeyModPort), the WFP events' filter and layer run-time
// ids (FilterRTID, "Layer Run-Time ID:"), and sizes (len=, length, size, bytes=).
inline constexpr std::string_view id_keys[] = {
    "pid",   "ppid",    "tid",     "processid", "threadid",  "port", "sport",  "dport", "lport",
    "rport", "srcport", "dstport", "rtid",      "runtimeid", "len",  "length", "size",  "bytes",
};
inline constexpr std::size_t id_key_words_max = 4;  // "filter" "run" "time" "id"
inline constexpr std::size_t id_key_max = 24;       // bytes of a key looked at

// An ASCII letter or digit; a blank.
constexpr bool key_alnum(char c) noexcept { return is_word_byte(c) && c != '_'; }
constexpr bool key_blank(char c) noexcept { return c == ' ' || c == '\t'; }

// Whether key (a field name as written: "Source Port", "DestPort", "src_port") ends with the
// words of one of id_keys. Every key of more than one word ends with "id", so a key whose last word
// is neither a key nor "id" is decided by that word alone.
constexpr bool is_id_key(std::string_view key) noexcept {
  char folded[id_key_max] = {};  // the last words' letters and digits in lower case, backwards
  std::size_t size = 0;
  std::size_t i = key.size();
  for (std::size_t words = 0; words < id_key_words_max; ++words) {
    while (i > 0 && !key_alnum(key[i - 1])) --i;
    if (i == 0) return false;
    // One word, backwards: up to a separator, or a capital after a small letter (SourcePort).
    while (i > 0 && key_alnum(key[i - 1])) {
      if (size == id_key_max) return false;  // longer than any key
      const char c = key[i - 1];
      folded[size++] = to_lower(c);
      --i;
      if (c >= 'A' && c <= 'Z' && i > 0 && key[i - 1] >= 'a' && key[i - 1] <= 'z') break;
    }
    for (const std::string_view k : id_keys) {
      if (k.size() != size) continue;
      bool same = true;
      for (std::size_t j = 0; j < size && same; ++j) same = folded[size - 1 - j] == k[j];
      if (same) return true;
    }
    if (size < 2 || folded[0] != 'd' || folded[1] != 'i') return false;  // not "...id"
  }
  return false;
}
static_assert(is_id_key("pid") && is_id_key("Source Port") && is_id_key("SourcePort") &&
                  is_id_key("src_port") && is_id_key("Filter Run-Time ID") &&
                  is_id_key("FilterRTID") && is_id_key("NewProcessId") &&
                  is_id_key("LocalKeyModPort") && is_id_key("Keying Module Port"),
              "is_id_key: keys of ids, ports and sizes");
static_assert(!is_id_key("Report") && !is_id_key("transport") && !is_id_key("ErrorCode") &&
                  !is_id_key("Event ID") && !is_id_key("Status") && !is_id_key("hr"),
              "is_id_key: other keys");

// The key of a `key=value`, `key: value`, `Label:<tabs>value`, `key value`, `"key": value` or
// `<Data Name="key">value` right before a token, or "".
constexpr std::string_view key_before(std::string_view before) noexcept {
  std::size_t i = before.size();
  const auto blanks = [&] {
    std::size_t b = 0;
    while (i > 0 && b < 8 && key_blank(before[i - 1])) {
      --i;
      ++b;
    }
    return b;
  };
  if (i > 0 && (before[i - 1] == '"' || before[i - 1] == '\'')) --i;
  if (i > 0 && before[i - 1] == '>') {
    // An element's text: the Name attribute of its start tag, or else the element's name.
    std::size_t lt = i - 1;
    while (lt > 0 && before[lt - 1] != '<' && before[lt - 1] != '>' && before[lt - 1] != '\n') {
      --lt;
    }
    if (lt == 0 || before[lt - 1] != '<') return {};
    const std::string_view tag = before.substr(lt, i - 1 - lt);
    for (std::size_t k = 0; k + 6 < tag.size(); ++k) {
      if (tag.substr(k, 5) == "Name=" && (k == 0 || key_blank(tag[k - 1])) &&
          (tag[k + 5] == '"' || tag[k + 5] == '\'')) {
        const std::size_t from = k + 6;
        std::size_t to = from;
        while (to < tag.size() && tag[to] != tag[k + 5]) ++to;
        return to < tag.size() ? tag.substr(from, to - from) : std::string_view{};
      }
    }
    std::size_t name = 0;
    while (name < tag.size() && (key_alnum(tag[name]) || tag[name] == '_')) ++name;
    return name == tag.size() ? tag : std::string_view{};  // no attributes: <pid>13894</pid>
  }
  const std::size_t gap = blanks();
  bool separator = false;
  if (i > 0 && (before[i - 1] == '=' || before[i - 1] == ':')) {
    --i;
    separator = true;
    blanks();
    if (i > 0 && (before[i - 1] == '"' || before[i - 1] == '\'')) --i;
  }
  if (!separator && gap == 0) return {};
  // The key's words: letters, digits, '_' and '-', and single blanks between words; a word cut
  // by the length limit is left out.
  const std::size_t end = i;
  while (i > 0 && end - i < id_key_max) {
    const char c = before[i - 1];
    const bool inside = key_alnum(c) || c == '_' || c == '-';
    const bool between = c == ' ' && i > 1 && key_alnum(before[i - 2]) && i < end;
    if (!inside && !between) break;
    --i;
  }
  if (end - i == id_key_max && i > 0 && key_alnum(before[i - 1])) {
    while (i < end && key_alnum(before[i])) ++i;
  }
  return before.substr(i, end - i);
}

// Whether before ends with an IPv4 address (four dotted numbers of 1 to 3 digits, not after a
// word byte or a dot) or a ']' (an IPv6 address in brackets).
constexpr bool ends_with_address(std::string_view before) noexcept {
  if (!before.empty() && before.back() == ']') return true;
  std::size_t i = before.size();
  for (int part = 0; part < 4; ++part) {
    std::size_t digits = 0;
    while (i > 0 && is_digit_byte(before[i - 1]) && digits < 4) {
      --i;
      ++digits;
    }
    if (digits == 0 || digits > 3) return false;
    if (part < 3) {
      if (i == 0 || before[i - 1] != '.') return false;
      --i;
    }
  }
  return i == 0 || !(is_word_byte(before[i - 1]) || before[i - 1] == '.');
}

// Whether a token is written in hex (0x or 0X), not in decimal digits.
constexpr bool hex_token(std::string_view token) noexcept {
  return token.size() >= 2 && token[0] == '0' && (token[1] == 'x' || token[1] == 'X');
}

// Units after a number that make it a count or a duration.
inline constexpr std::string_view count_units[] = {"bytes", "byte",    "octets",      "packets",
                                                   "pkts",  "ms",      "msec",        "sec",
                                                   "secs",  "seconds", "milliseconds"};

// What the line around a token (a number that the token rules read as a code) says: yes when it
// is no code. `before`: the bytes before the token (up to context_before_max; the rules stop at a
// line break, so bytes of the line before may come first); `after`: the bytes after it (up to
// context_after_max); `complete`: no more bytes follow them (the input ends, or after holds
// context_after_max bytes). more: the bytes after it do not decide yet.
//
// - Any number: the value of a key of id_keys (`pid=13894`, `Source Port:\t\t13801`,
//   `<Data Name="ProcessID">13894</Data>`, `"dport": 13806`).
// - A number in decimal digits: in brackets or braces right after a word (`charon[13894]:`, a
//   syslog tag's process id; `site-to-site[13801]`, an SA's unique id; `10.0.0.2[13868]`, a port
//   in strongSwan's logs; `net{13806}`), a port after an address (`192.0.2.10:13801`,
//   `[2001:db8::1]:13801`, `udp/13806`), and a count before a unit (`13885 bytes`, `13806 ms`).
constexpr verdict context_says_no_code(std::string_view before, std::string_view after,
                                       bool complete, bool decimal) noexcept {
  if (is_id_key(key_before(before))) return verdict::yes;
  if (!decimal) return verdict::no;
  const char b1 = before.empty() ? '\n' : before.back();
  if ((b1 == '[' || b1 == '{') && before.size() >= 2 && is_word_byte(before[before.size() - 2])) {
    if (after.empty()) return complete ? verdict::no : verdict::more;
    return after[0] == (b1 == '[' ? ']' : '}') ? verdict::yes : verdict::no;
  }
  if (b1 == ':' && ends_with_address(before.substr(0, before.size() - 1))) return verdict::yes;
  if (b1 == '/' && before.size() >= 4) {
    const std::string_view proto = before.substr(before.size() - 4, 3);
    const bool alone = before.size() == 4 || !is_word_byte(before[before.size() - 5]);
    if (alone && (equal_folded(proto, "udp") || equal_folded(proto, "tcp"))) return verdict::yes;
  }
  // A unit: one blank, then a word of letters that ends before the bytes given.
  if (after.empty()) return complete ? verdict::no : verdict::more;
  if (after[0] != ' ') return verdict::no;
  std::size_t w = 1;
  while (w < after.size() && key_alnum(after[w])) ++w;
  if (w == after.size() && !complete) return verdict::more;
  if (w == after.size() && after.size() == context_after_max) return verdict::no;  // too long
  const std::string_view unit = after.substr(1, w - 1);
  for (const std::string_view u : count_units) {
    if (equal_folded(unit, u)) return verdict::yes;
  }
  return verdict::no;
}

// context_says_no_code() for the token text[from, to) of a whole text (from: its '-' if it has
// one): the context_before_max bytes before it (the rules stop at a line break), the bytes after
// it, none to come.
constexpr bool text_says_no_code(std::string_view text, std::size_t from, std::size_t to,
                                 bool hex) noexcept {
  const std::size_t first = from > context_before_max ? from - context_before_max : 0;
  return context_says_no_code(text.substr(first, from - first), text.substr(to, context_after_max),
                              true, !hex) == verdict::yes;
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_ANNOTATE_CONTEXT_HPP
