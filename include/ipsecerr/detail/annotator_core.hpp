// SPDX-License-Identifier: MIT
// ipsecerr internals: the state and scanning machinery of ipsecerr::annotator (annotate.hpp, which
// states the rules): the plain-line token and message scan, memory dumps, event System fields, JSON
// lines.
#ifndef IPSECERR_DETAIL_ANNOTATOR_CORE_HPP
#define IPSECERR_DETAIL_ANNOTATOR_CORE_HPP

#include <cstring>

#include "../find.hpp"
#include "../form.hpp"
#include "../message.hpp"
#include "../parse.hpp"
#include "../ras.hpp"
#include "annotate_context.hpp"
#include "annotate_scan.hpp"
#include "annotate_words.hpp"
#include "json_line.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// What annotator is made of; annotator inherits it privately and adds the public interface.
class annotator_core {
 public:
  /// The most bytes of a plain line held between chunks for the token rules: a token and the two
  /// hex words after it (a hex run), or the start of a line (a dump's address column).
  static constexpr std::size_t token_carry = 96;
  /// The bytes after a word that decide whether a message starts there: the longest span a
  /// message may have (message_span_max) and the field rule's look past its end and one more.
  static constexpr std::size_t message_lookahead = message_span_max + field_context_max + 1;
  /// The most input bytes of a plain line held between chunks: token_carry when message texts
  /// are not annotated; with them, what decides the words a message may start at
  /// (message_lookahead: 949 bytes with today's tables, whose longest message, RAS 811's, has
  /// 442).
  static constexpr std::size_t max_carry =
      message_lookahead > token_carry ? message_lookahead : token_carry;
  /// JSON lines: the deepest nesting read, the most codes listed, the most blanks after the '}'.
  static constexpr std::size_t json_max_depth = detail::json_line::max_depth;
  static constexpr std::size_t json_max_codes = detail::json_line::max_codes;
  static constexpr std::size_t json_tail_max = 64;
  static constexpr std::size_t json_value_max = detail::json_line::value_max;

 protected:
  annotator_core() noexcept = default;
  explicit annotator_core(form_set forms) noexcept : forms_(annotatable(forms)) {}

  // Forgets any held bytes and starts a new input.
  void reset_state() noexcept {
    carry_size_ = 0;
    for (char& c : history_) c = '\n';  // the input starts a line
    at_line_start_ = true;
    line_blank_ = true;
    line_dump_ = false;
    mode_ = mode::plain;
    tail_size_ = 0;
  }

  enum class mode : std::uint8_t { plain, json, json_tail, json_skip };

  static constexpr form_set annotatable(form_set forms) noexcept {
    return forms - form_set::names() - form::bare_hex - form::event_insert;
  }
  // The forms of the token rules: form::ras never makes a token a code (a bare 789 is none), it
  // switches on the RAS phrases.
  form_set token_forms() const noexcept { return forms_ - form::ras; }

  static constexpr std::size_t history_size = 96;
  static constexpr std::size_t joined_capacity = 2 * max_carry + 32;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  // How far the RAS rule looks for a word that says the line is about a VPN connection.
  static constexpr std::size_t ras_context_before = detail::ras_context_before;
  static constexpr std::size_t ras_context_after = detail::ras_context_after;
  static_assert(ras_context_before < history_size && ras_context_after + 64 < message_lookahead,
                "annotator: the RAS rule's context must be among the bytes held");
  static_assert(joined_capacity > 2 * max_carry, "annotator: the join must pass the held bytes");
  static_assert(history_size > field_context_max,
                "annotator: the field rule looks this far back from a message");
  static_assert(history_size >= detail::context_before_max + 1 &&
                    detail::context_after_max + detail::code_word_max <= token_carry,
                "annotator: the context rules read among the bytes held");
  static_assert(detail::dump_window <= token_carry && 2 * detail::code_word_max + 32 <= token_carry,
                "annotator: what decides a token must fit in the carry");

  // The byte k (1 to history_size) positions before p[i], from p or from the bytes before p.
  char back(const char* p, std::size_t i, std::size_t k) const noexcept {
    return i >= k ? p[i - k] : history_[k - i - 1];
  }

  // The start of the line holding p[i] within p, or npos when it started before p (unless p[0]
  // starts a line).
  std::size_t line_begin(const char* p, std::size_t i) const noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    while (i >= 8) {  // eight bytes at a time while none is a '\n'
      std::uint64_t w = 0;
      std::memcpy(&w, p + i - 8, 8);
      const std::uint64_t v = w ^ (ones * '\n');
      if (((v - ones) & ~v & (ones * 0x80)) != 0) break;
      i -= 8;
    }
    while (i > 0 && p[i - 1] != '\n') --i;
    return i > 0 || at_line_start_ ? i : npos;
  }

  // Whether the hex word p[s, e) stands in a run of three or more hex words of its length, of a
  // width that dumps use (4, 8 or 16 digits; 2 is never a code): so a list of decimal codes
  // (13801 13806 13868) is annotated, a row of dwords (00003646 00013894 80073646) is not.
  detail::verdict in_hex_run(const char* p, std::size_t s, std::size_t e, std::size_t n,
                             bool last) const noexcept {
    const std::size_t len = e - s;
    if (!detail::is_hex_word(p + s, len)) return detail::verdict::no;
    const std::size_t width = len > 2 && (p[s + 1] == 'x' || p[s + 1] == 'X') ? len - 2 : len;
    if (width != 4 && width != 8 && width != 16) return detail::verdict::no;  // dump widths
    int count = 1;
    std::size_t dist = 0;  // backwards from s: blanks, then a word of the same length
    for (int k = 0; k < 2 && count < 3; ++k) {
      std::size_t b = 0;
      while (b <= 4 && detail::dump_blank(back(p, s, dist + b + 1))) ++b;
      if (b == 0 || b > 4) break;
      char w[detail::code_word_max + 1] = {};
      std::size_t size = 0;
      while (size <= len && detail::is_word_byte(back(p, s, dist + b + size + 1))) {
        if (size < len) w[len - 1 - size] = back(p, s, dist + b + size + 1);
        ++size;
      }
      if (size != len || !detail::is_hex_word(w, len)) break;
      ++count;
      dist += b + len;
    }
    std::size_t at = e;  // forwards
    while (count < 3) {
      std::size_t b = 0;
      while (at + b < n && b <= 4 && detail::dump_blank(p[at + b])) ++b;
      if (at + b == n) return last ? detail::verdict::no : detail::verdict::more;
      if (b == 0 || b > 4) break;
      std::size_t size = 0;
      while (at + b + size < n && size <= len && detail::is_word_byte(p[at + b + size])) ++size;
      if (at + b + size == n && size <= len && !last) return detail::verdict::more;
      if (size != len || !detail::is_hex_word(p + at + b, len)) break;
      ++count;
      at += b + len;
    }
    return count >= 3 ? detail::verdict::yes : detail::verdict::no;
  }

  // Whether the token at p[s] is the value of a Windows event's System field, which is never an
  // error code: the text of <Task>, <Opcode>, <Keywords>, <EventID>, <EventRecordID>, <Level>,
  // <Version> (attributes allowed: <EventID Qualifiers="0">), or a ProcessID= / ThreadID=
  // attribute's value (<Execution ProcessID="1469" ThreadID="13801"/>).
  bool system_field(const char* p, std::size_t s) const noexcept {
    constexpr std::size_t tag_max = 16;
    char name[tag_max];  // the name before the token, backwards
    std::size_t size = 0;
    const char b1 = back(p, s, 1);
    std::size_t k = 2;
    if (b1 == '"' || b1 == '\'') {
      if (back(p, s, 2) != '=') return false;
      for (k = 3; size < tag_max && detail::msg_alnum(back(p, s, k)); ++k) {
        name[size++] = back(p, s, k);
      }
      const std::string_view got(name, size);
      return got == "DIssecorP" || got == "DIdaerhT";  // ProcessID, ThreadID
    }
    if (b1 != '>') return false;
    // Back to the '<' of the start tag, then its name.
    while (k < history_size && back(p, s, k) != '<' && back(p, s, k) != '>' &&
           back(p, s, k) != '\n') {
      ++k;
    }
    if (k >= history_size || back(p, s, k) != '<') return false;
    for (std::size_t j = k - 1; j >= 2 && size < tag_max; --j) {
      const char c = back(p, s, j);
      if (!detail::msg_alnum(c)) break;
      name[size++] = c;
    }
    const std::string_view got(name, size);
    for (const std::string_view field :
         {"Task", "Opcode", "Keywords", "EventID", "EventRecordID", "Level", "Version"}) {
      if (got == field) return true;
    }
    return false;
  }

  // What the line around the token p[start, end) says (detail::context_says_no_code, as in
  // find_in()): yes when it is a process id, a port, an index or a size. `minus`: 1 when the
  // token starts with the '-' before p[start].
  detail::verdict context_says(const char* p, std::size_t start, std::size_t minus, std::size_t end,
                               std::size_t n, bool last) const noexcept {
    constexpr std::size_t most = detail::context_before_max;
    char copy[most];
    std::string_view before;
    if (start >= minus + most) {  // in p (the rules stop at a line break)
      before = std::string_view(p + start - minus - most, most);
    } else {  // partly before p: from history_
      std::size_t size = 0;
      while (size < most && back(p, start, minus + size + 1) != '\n') ++size;
      for (std::size_t k = 0; k < size; ++k) copy[size - 1 - k] = back(p, start, minus + k + 1);
      before = std::string_view(copy, size);
    }
    const std::size_t after =
        n - end < detail::context_after_max ? n - end : detail::context_after_max;
    return detail::context_says_no_code(
        before, std::string_view(p + end, after), last || after == detail::context_after_max,
        !detail::hex_token(std::string_view(p + start, end - start)));
  }

  template <class Out>
  void flush(const char* p, std::size_t& emitted, std::size_t to, Out& out) {
    if (to > emitted) out(std::string_view(p + emitted, to - emitted), false);
    emitted = to;
  }

  // The '{' that starts the line beginning at p[ls] (npos: the line began before p), if it is
  // the line's first non-blank byte before p[x]; else npos.
  std::size_t json_brace(const char* p, std::size_t ls, std::size_t x) const noexcept {
    if (ls == npos && !line_blank_) return npos;
    std::size_t k = ls == npos ? 0 : ls;
    while (k < x && detail::dump_blank(p[k])) ++k;
    return k < x && p[k] == '{' ? k : npos;
  }

  // Where and why scan_plain stopped.
  enum class stop : std::uint8_t { end, undecided, json };
  struct plain_stop {
    std::size_t at;
    stop why;
  };

  // Annotates the codes of plain text from p[from] (n: where the known bytes end) up to the end,
  // the start of a JSON line, or the start of what the next bytes decide.
  template <class Out>
  plain_stop scan_plain(const char* p, std::size_t from, std::size_t n, bool last, Out& out,
                        std::size_t& emitted) {
    detail::candidate_finder candidates(p, n);
    std::size_t i = from;
    // Message texts: words starting before mlimit are decided; msg_pos_ is where the search for
    // the next message goes on; a found one waits (msg_pending_) until the output reaches its end.
    const bool messages = forms_.contains_messages() || forms_.contains(form::ras);
    const std::size_t mlimit = messages ? message_limit(p, from, n, last) : n;
    // The message search of an earlier call on the same bytes goes on: what it found before
    // `from` (on a JSON line since passed) is dropped; none of its other decisions change.
    if (msg_pending_ && msg_start_ < from) msg_pending_ = false;
    if (msg_pos_ < from) msg_pos_ = from;
    msg_done_ = !messages;
    while ((i = candidates.next(i)) < n) {
      // A word that can be a code starts with its candidate (i is never inside a word, except
      // at 0, where the word may go on from before p), so one inside a word is none.
      const std::size_t start = i;
      const std::size_t end = detail::word_end(p, i + 1, n);
      i = end;
      // With messages, a token from mlimit on waits for the next chunk, unless it is inside a
      // message already found: the next chunk's scan starts where the message search stopped.
      if (start >= mlimit) {
        const plain_stop m = emit_messages(p, end, n, mlimit, out, emitted);
        if (m.why == stop::json) return m;
        if (!(msg_pending_ && msg_start_ < start)) return {held_from(emitted), stop::undecided};
      }
      if (detail::is_word_byte(back(p, start, 1))) continue;
      const bool fits = end - start <= detail::code_word_max;
      // Undecided: the word may go on in the next chunk, or a '.' may be followed by a digit.
      if (!last && fits && (end == n || (end + 1 == n && p[end] == '.'))) {
        return {start, stop::undecided};
      }
      if (!fits) continue;
      const char a1 = end < n ? p[end] : ' ';
      const char a2 = end + 1 < n ? p[end + 1] : ' ';
      const detail::word_code hit =
          detail::code_of_word(std::string_view(p + start, end - start), back(p, start, 1),
                               back(p, start, 2), a1, a2, token_forms());
      if (hit.entry == nullptr) continue;
      // Messages that end before this code go out first.
      if (messages) {
        const plain_stop m = emit_messages(p, end, n, mlimit, out, emitted);
        if (m.why == stop::json) return m;
      }
      const std::size_t ls = line_begin(p, start);
      const std::size_t brace = json_brace(p, ls, start);
      if (brace != npos) return {brace, stop::json};
      const detail::verdict dump = ls != npos   ? detail::dump_line(p, ls, n, last)
                                   : line_dump_ ? detail::verdict::yes
                                                : detail::verdict::no;
      if (dump == detail::verdict::more) return {ls, stop::undecided};
      if (dump == detail::verdict::yes) continue;
      if (system_field(p, start)) continue;
      const detail::verdict said = context_says(p, start, hit.minus ? 1 : 0, end, n, last);
      if (said == detail::verdict::more) return {start, stop::undecided};
      if (said == detail::verdict::yes) continue;
      const detail::verdict run = in_hex_run(p, start, end, n, last);
      if (run == detail::verdict::more) return {start, stop::undecided};
      if (run == detail::verdict::yes) continue;
      flush(p, emitted, end, out);
      out(std::string_view(" [", 2), true);
      out(hit.entry->name, true);
      out(std::string_view("]", 1), true);
    }
    if (messages) {
      const plain_stop m = emit_messages(p, n, n, mlimit, out, emitted);
      if (m.why == stop::json) return m;
      if (!last && held_from(emitted) < n) return {held_from(emitted), stop::undecided};
    }
    return {n, stop::end};
  }

  // ---- Message texts in plain lines. ----

  // The first word that the bytes known so far cannot decide: every word before the last line
  // break decides (a message never spans one), and a word of the line in progress decides when
  // message_lookahead bytes follow its start.
  std::size_t message_limit(const char* p, std::size_t from, std::size_t n,
                            bool last) const noexcept {
    if (last) return n;
    std::size_t limit = n - from > message_lookahead ? n - message_lookahead : from;
    std::size_t k = n;
    while (k > limit && p[k - 1] != '\n') --k;
    return k > limit ? k : limit;
  }

  // Where the message search goes on in the next chunk: msg_pos_, or the end of a code that
  // started before it and ends after it (no word starts inside a code).
  std::size_t held_from(std::size_t emitted) const noexcept {
    return emitted > msg_pos_ ? emitted : msg_pos_;
  }

  // Finds the next message starting at a word in [msg_pos_, limit): sets msg_start_, msg_end_ and
  // msg_group_ and returns true, or moves msg_pos_ to limit (or past the word there).
  bool next_message(const char* p, std::size_t n, std::size_t limit) noexcept {
    std::size_t s = msg_pos_;
    if (s >= limit) return false;
    if (s < n && detail::msg_alnum(p[s]) && detail::msg_alnum(back(p, s, 1))) {
      while (s < n && detail::msg_alnum(p[s])) ++s;  // inside a word that started before
    }
    detail::message_start_finder starts(p, n, back(p, 0, 1));
    const bool texts = forms_.contains_messages();
    const bool ras = forms_.contains(form::ras);
    while ((s = starts.next(s)) < limit) {
      const std::size_t w = starts.end();
      const bool text = texts && (starts.what() & detail::start_text) != 0;
      // ras_at() reads at most 64 bytes from s.
      if (text || (ras && (starts.what() & detail::start_ras) != 0 &&
                   detail::ras_digits_in(p, w, n - s > 64 ? s + 64 : n))) {
        // The field rule and the RAS rule look back before the word: near p's start, the bytes
        // before p come from history_.
        char buf[history_size + history_size + message_lookahead];
        std::string_view view(p, n);
        std::size_t shift = 0;
        if (s < history_size) {
          for (std::size_t k = 0; k < history_size; ++k) buf[k] = history_[history_size - 1 - k];
          const std::size_t take =
              n < history_size + message_lookahead ? n : history_size + message_lookahead;
          std::memcpy(buf + history_size, p, take);
          view = std::string_view(buf, history_size + take);
          shift = history_size;
        }
        std::size_t end = detail::npos;
        msg_ras_ = nullptr;
        if (text) {
          detail::match_word(view, s + shift, w + shift, msg_group_);
          if (msg_group_.n != 0) end = msg_group_.end - shift;
        }
        if (end == detail::npos && ras) {
          const detail::ras_hit r =
              detail::ras_at(view, s + shift, w + shift, ras_context_before, ras_context_after);
          if (r.entry != nullptr) {
            msg_ras_ = r.entry;
            end = r.end - shift;
          }
        }
        if (end != detail::npos) {
          msg_start_ = s;
          msg_end_ = end;
          msg_pos_ = end;
          msg_pending_ = true;
          return true;
        }
      }
      s = w;
    }
    // Every word before limit is decided; a message found before may end past it.
    if (msg_pos_ < limit) msg_pos_ = limit;
    return false;
  }

  // Emits the messages that end at or before `to` (found from msg_pos_, starting before limit),
  // each as " [NAME]" after its text, one bracket per entry when entries share the text. A
  // message on a JSON line stops the scan there, as a code does.
  template <class Out>
  plain_stop emit_messages(const char* p, std::size_t to, std::size_t n, std::size_t limit,
                           Out& out, std::size_t& emitted) {
    for (;;) {
      if (!msg_pending_) {
        if (msg_done_ || !next_message(p, n, limit)) {
          msg_done_ = true;
          return {n, stop::end};
        }
      }
      if (msg_end_ > to) return {n, stop::end};
      const std::size_t brace = json_brace(p, line_begin(p, msg_start_), msg_start_);
      if (brace != npos) return {brace, stop::json};
      msg_pending_ = false;
      flush(p, emitted, msg_end_, out);
      if (msg_ras_ != nullptr) {
        out(std::string_view(" [", 2), true);
        out(msg_ras_->name, true);
        out(std::string_view("]", 1), true);
        continue;
      }
      for (std::size_t k = 0; k < msg_group_.n; ++k) {
        out(std::string_view(" [", 2), true);
        out(detail::message_entry(msg_group_.rows[k]).name, true);
        out(std::string_view("]", 1), true);
      }
    }
  }

  // Ends a JSON line whose object closed: the addition if it has one, then the held bytes.
  template <class Out>
  void end_json_line(bool ok, Out& out) {
    if (ok && json_.state() == detail::json_line::status::done && json_.codes() > 0 &&
        !json_.has_member()) {
      out(json_.empty_object() ? std::string_view("\"ipsecerr\":[", 12)
                               : std::string_view(",\"ipsecerr\":[", 13),
          true);
      for (std::size_t k = 0; k < json_.codes(); ++k) {
        const detail::json_line::code& c = json_.at(k);
        const code_text number = to_decimal(c.entry->code);
        out(std::string_view(k == 0 ? "{\"code\":" : ",{\"code\":", k == 0 ? 8 : 9), true);
        out(number.view(), true);
        out(std::string_view(",\"name\":\"", 9), true);
        out(c.entry->name, true);
        if (c.has_pointer) {
          out(std::string_view("\",\"at\":\"", 8), true);
          out(json_.pointer(c), true);
          out(std::string_view("\"", 1), true);
        } else {
          out(std::string_view("\",\"at\":null", 11), true);
        }
        if (c.message) out(std::string_view(",\"match\":\"message\"", 18), true);
        out(std::string_view("}", 1), true);
      }
      if (json_.truncated()) out(std::string_view(",{\"truncated\":true}", 19), true);
      out(std::string_view("]", 1), true);
    }
    if (tail_size_ > 0) out(std::string_view(tail_, tail_size_), false);
    tail_size_ = 0;
  }

  // Emits the decided part of p[0, n) with its annotations, holds the rest (an undecided part of
  // a plain line at the end, unless `last`) and returns the size of the decided part.
  template <class Out>
  std::size_t scan(const char* p, std::size_t n, bool last, Out& out) {
    msg_pos_ = 0;  // the message search starts anew on these bytes
    msg_pending_ = false;
    std::size_t emitted = 0;
    std::size_t done = n;
    std::size_t pos = 0;
    while (pos < n) {
      if (mode_ == mode::plain) {
        // A JSON line is recognised where it matters: at a code in it, and when it is the line in
        // progress where the plain scan stops (so a JSON line without codes passes as it is).
        plain_stop r = scan_plain(p, pos, n, last, out, emitted);
        if (r.why != stop::json) {
          const std::size_t x = r.why == stop::end ? n : r.at;
          const std::size_t brace = json_brace(p, line_begin(p, x), x);
          if (brace != npos && brace >= pos) r = {brace, stop::json};
        }
        if (r.why == stop::undecided) {
          done = r.at;
          break;
        }
        pos = n;
        if (r.why == stop::json) {
          json_.start(token_forms(), forms_.contains(form::ras));  // at the '{', taken as read
          mode_ = mode::json;
          pos = r.at + 1;
        }
      } else if (mode_ == mode::json) {
        pos = json_.feed(p, pos, n);
        if (json_.state() == detail::json_line::status::done) {
          flush(p, emitted, pos - 1, out);  // up to the final '}', which waits for the line end
          tail_[0] = '}';
          tail_size_ = 1;
          emitted = pos;
          mode_ = mode::json_tail;
        } else if (json_.state() == detail::json_line::status::invalid) {
          mode_ = p[pos - 1] == '\n' ? mode::plain : mode::json_skip;
        }
      } else if (mode_ == mode::json_tail) {
        while (pos < n && tail_size_ < json_tail_max &&
               (p[pos] == ' ' || p[pos] == '\t' || p[pos] == '\r')) {
          tail_[tail_size_++] = p[pos++];
        }
        emitted = pos;
        if (pos == n) break;
        end_json_line(p[pos] == '\n', out);  // anything else: not one object on the line
        mode_ = p[pos] == '\n' ? mode::plain : mode::json_skip;
      } else {
        const void* nl = std::memchr(p + pos, '\n', n - pos);
        pos = nl == nullptr ? n : static_cast<std::size_t>(static_cast<const char*>(nl) - p) + 1;
        if (nl != nullptr) mode_ = mode::plain;
      }
    }
    if (last && mode_ == mode::json_tail) {
      end_json_line(true, out);
      mode_ = mode::plain;
    }
    if (mode_ == mode::plain && !last) {
      if (done == n) {
        // A short word of digits at the end may become a candidate with the next chunk's bytes.
        std::size_t start = n;
        while (start > 0 && n - start <= detail::code_word_max &&
               detail::is_word_byte(p[start - 1])) {
          --start;
        }
        if (start < n && n - start <= detail::code_word_max && detail::is_digit_byte(p[start]) &&
            !detail::is_word_byte(back(p, start, 1))) {
          done = start;
        }
      }
      // The line in progress at `done`: whether it is a dump line must be known from its start.
      const std::size_t ls = line_begin(p, done);
      if (ls != npos && detail::dump_line(p, ls, n, last) == detail::verdict::more) done = ls;
    }
    flush(p, emitted, done, out);
    update_line_state(p, done, n, last);
    char history[history_size];
    for (std::size_t k = 1; k <= history_size; ++k) history[k - 1] = back(p, done, k);
    std::memcpy(history_, history, history_size);
    carry_size_ = n - done;
    if (carry_size_ > 0) std::memcpy(carry_, p + done, carry_size_);
    return done;
  }

  // The state of the line in progress at p[done]: whether it starts there, is blank so far, is a
  // dump line.
  void update_line_state(const char* p, std::size_t done, std::size_t n, bool last) noexcept {
    const std::size_t ls = line_begin(p, done);
    const bool blank_from_0 = ls == npos && line_blank_;
    if (ls != npos) line_dump_ = detail::dump_line(p, ls, n, last) == detail::verdict::yes;
    std::size_t i = ls == npos ? 0 : ls;
    bool blank = ls != npos || blank_from_0;
    while (blank && i < done) blank = detail::dump_blank(p[i++]);
    line_blank_ = blank;
    at_line_start_ = ls == done;
  }

  detail::json_line json_;
  char carry_[max_carry] = {};
  std::size_t carry_size_ = 0;
  // The bytes before the next byte to scan, nearest first ('\n' before the input: a line start).
  char history_[history_size] = {};
  bool at_line_start_ = true;  // the next byte to scan starts a line
  bool line_blank_ = true;     // its line holds only blanks before it
  bool line_dump_ = false;     // its line is a memory dump
  mode mode_ = mode::plain;
  char tail_[json_tail_max] = {};  // a JSON line's final '}' and the blanks after it
  std::size_t tail_size_ = 0;
  form_set forms_ = annotatable(form_set::annotate_default());

  // Message search of the current scan call (positions in its bytes).
  detail::match_group msg_group_;
  const error_info* msg_ras_ = nullptr;  // the RAS entry of the pending find, if it is one
  std::size_t msg_pos_ = 0;
  std::size_t msg_start_ = 0;
  std::size_t msg_end_ = 0;
  bool msg_pending_ = false;
  bool msg_done_ = true;
};

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_ANNOTATOR_CORE_HPP
