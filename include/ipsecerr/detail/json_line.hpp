// SPDX-License-Identifier: MIT
// ipsecerr internals: the annotator's JSON line reader, a streaming validator of one JSON object
// per line that collects the codes in its numbers and string values with their JSON Pointers.
#ifndef IPSECERR_DETAIL_JSON_LINE_HPP
#define IPSECERR_DETAIL_JSON_LINE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../find.hpp"
#include "../form.hpp"
#include "../message.hpp"
#include "annotate_scan.hpp"
#include "annotate_words.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// One JSON line, fed byte by byte from its '{' to the end of the object: validates it (RFC 8259,
// UTF-8 in strings included; nesting up to max_depth), and collects up to max_codes codes found
// in numbers and string values by the token rules (code_of_word), each with the JSON Pointer
// (RFC 6901) of its value, kept as the body of a JSON string literal. Memory is fixed: no line is
// too long for it; a pointer longer than pointer_max is kept as null.
class json_line {
 public:
  static constexpr std::size_t max_depth = 64;
  static constexpr std::size_t max_codes = 64;
  static constexpr std::size_t pointer_max = 256;
  static constexpr std::size_t pool_size = 4096;

  enum class status : std::uint8_t { open, done, invalid };

  struct code {
    const error_info* entry;
    std::uint16_t at;    // offset of its pointer in the pool
    std::uint16_t size;  // its size
    bool has_pointer;    // false: the pointer is too long, or the pool is full
    bool message;        // found as a message text in a string value (else as a code token)
  };
  /// The longest string value searched for message texts (as written, escapes included).
  static constexpr std::size_t value_max = 512;

  // Starts a line at its '{': code tokens of `forms`, and RAS codes named as such if `ras`.
  void start(form_set forms, bool ras) noexcept {
    forms_ = forms;
    ras_ = ras;
    status_ = status::open;
    state_ = st::key_or_end;
    depth_ = 1;
    is_array_[1] = false;
    seg_start_[1] = 0;
    path_len_ = 0;
    overflow_depth_ = 0;
    codes_ = 0;
    truncated_ = false;
    pool_used_ = 0;
    has_member_ = false;
    empty_object_ = false;
  }

  [[nodiscard]] status state() const noexcept { return status_; }
  [[nodiscard]] std::size_t codes() const noexcept { return codes_; }
  [[nodiscard]] bool truncated() const noexcept { return truncated_; }
  [[nodiscard]] bool has_member() const noexcept { return has_member_; }
  [[nodiscard]] bool empty_object() const noexcept { return empty_object_; }
  [[nodiscard]] const code& at(std::size_t i) const noexcept { return found_[i]; }
  [[nodiscard]] std::string_view pointer(const code& c) const noexcept {
    return {pool_ + c.at, c.size};
  }

  // Reads p[i, n) until the object closes (returns the index just past its '}', status done), the
  // line turns out not to be one valid object (status invalid; returns the offending index), or
  // the bytes run out (returns n). A '\n' before the end is invalid.
  std::size_t feed(const char* p, std::size_t i, std::size_t n) noexcept {
    while (i < n && status_ == status::open) {
      if (state_ == st::string && utf8_left_ == 0) {  // not inside a UTF-8 sequence
        const std::size_t from = i;
        i = in_key_ ? key_run(p, i, n) : word_size_ == 0 && !dot_pending_ ? value_run(p, i, n) : i;
        if (!in_key_) keep(p + from, i - from);
        if (i == n) break;
      }
      step(p[i]);
      ++i;
    }
    return i;
  }

 private:
  enum class st : std::uint8_t {
    value,         // a value is expected (after ':' or ',' in an array)
    value_or_end,  // after '['
    key_or_end,    // after '{'
    key,           // after ',' in an object
    colon,
    comma_or_end,  // after a value
    string,        // inside a key or a string value
    escape,        // after '\'
    unicode,       // in \uXXXX
    number,
    literal,
  };

  static constexpr bool blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r'; }

  void fail() noexcept { status_ = status::invalid; }

  void step(char c) noexcept {
    switch (state_) {
      case st::string: return string_byte(c);
      case st::escape: return escape_byte(c);
      case st::unicode: return unicode_byte(c);
      case st::number:
        if (number_byte(c)) return;
        end_number();
        if (status_ != status::open) return;
        state_ = st::comma_or_end;
        return step(c);
      case st::literal:
        if (c != literal_[literal_at_]) return fail();
        if (literal_[++literal_at_] == '\0') state_ = st::comma_or_end;
        return;
      default: break;
    }
    if (blank(c)) return;
    switch (state_) {
      case st::key_or_end:
        if (c == '}') {
          empty_object_ = depth_ == 1;
          return close();
        }
        [[fallthrough]];
      case st::key:
        if (c != '"') return fail();
        begin_segment();
        string_start(true);
        return;
      case st::colon:
        if (c != ':') return fail();
        state_ = st::value;
        return;
      case st::value_or_end:
        if (c == ']') return close();
        index_[depth_] = 0;
        set_index();
        [[fallthrough]];
      case st::value: return value_start(c);
      case st::comma_or_end:
        if (c == (is_array_[depth_] ? ']' : '}')) return close();
        if (c != ',') return fail();
        if (is_array_[depth_]) {
          ++index_[depth_];
          set_index();
          state_ = st::value;
        } else {
          state_ = st::key;
        }
        return;
      default: return fail();
    }
  }

  void value_start(char c) noexcept {
    if (c == '{' || c == '[') {
      if (depth_ == max_depth) return fail();
      ++depth_;
      is_array_[depth_] = c == '[';
      seg_start_[depth_] = path_len_;
      state_ = c == '{' ? st::key_or_end : st::value_or_end;
      return;
    }
    if (c == '"') return string_start(false);
    if (c == '-' || (c >= '0' && c <= '9')) {
      state_ = st::number;
      num_len_ = 0;
      num_state_ = 0;
      num_integer_ = true;
      number_byte(c);
      return;
    }
    literal_ = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : nullptr;
    if (literal_ == nullptr) return fail();
    literal_at_ = 1;
    state_ = st::literal;
  }

  void close() noexcept {
    path_len_ = seg_start_[depth_];
    if (overflow_depth_ >= depth_) overflow_depth_ = 0;
    --depth_;
    if (depth_ == 0) {
      status_ = status::done;
      return;
    }
    state_ = st::comma_or_end;
  }

  // ---- The JSON Pointer of the current value: "/" and a key or an index per level. ----

  void begin_segment() noexcept {
    path_len_ = seg_start_[depth_];
    if (overflow_depth_ > depth_ || overflow_depth_ == depth_) overflow_depth_ = 0;
    push_path('/');
  }
  void push_path(char c) noexcept {
    if (path_len_ < pointer_max) {
      path_[path_len_++] = c;
    } else if (overflow_depth_ == 0) {
      overflow_depth_ = depth_;
    }
  }
  void set_index() noexcept {
    begin_segment();
    const code_text digits = to_decimal(index_[depth_]);
    for (const char d : digits.view()) push_path(d);
  }
  bool pointer_ok() const noexcept { return overflow_depth_ == 0; }

  // ---- Strings: UTF-8 validation, escapes, keys into the pointer, codes in values. ----

  void string_start(bool key) noexcept {
    state_ = st::string;
    in_key_ = key;
    value_size_ = 0;
    utf8_left_ = 0;
    key_size_ = 0;
    word_reset();
    string_codes_ = codes_;
    string_pool_ = pool_used_;
    string_truncated_ = truncated_;
    token_count_ = 0;
  }

  void string_byte(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    if (utf8_left_ > 0) {
      if (u < utf8_lo_ || u > utf8_hi_) return fail();
      --utf8_left_;
      utf8_lo_ = 0x80;
      utf8_hi_ = 0xBF;
      return content(c, false);
    }
    if (u >= 0x80) {
      // Lead bytes and the range of the byte after them (no overlong forms, no surrogates).
      if (u >= 0xC2 && u <= 0xDF) {
        utf8_left_ = 1;
      } else if (u >= 0xE0 && u <= 0xEF) {
        utf8_left_ = 2;
      } else if (u >= 0xF0 && u <= 0xF4) {
        utf8_left_ = 3;
      } else {
        return fail();
      }
      utf8_lo_ = u == 0xE0 ? 0xA0 : u == 0xF0 ? 0x90 : 0x80;
      utf8_hi_ = u == 0xED ? 0x9F : u == 0xF4 ? 0x8F : 0xBF;
      return content(c, false);
    }
    if (u < 0x20) return fail();
    if (c == '"') return string_end();
    if (c == '\\') {
      state_ = st::escape;
      if (!in_key_) content(c, true);
      return;
    }
    content(c, true);
  }

  // In a string value, escapes are read as the raw bytes they are written with: the token rules
  // see what the plain-line rules see (so "\n13801" holds no code), and a JSON line's codes are
  // always among the tokens that make the annotator read the line as JSON.
  void escape_byte(char c) noexcept {
    state_ = st::string;
    if (!in_key_) content(c, true);
    switch (c) {
      case '"':
      case '\\':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't': break;
      case '/':
        if (in_key_) {
          key_text("~1");  // an escaped solidus is a '/' of the key: ~1 in a pointer
          return;
        }
        break;
      case 'u':
        state_ = st::unicode;
        unicode_left_ = 4;
        unicode_value_ = 0;
        return;
      default: return fail();
    }
    if (in_key_) {
      key_char('\\');
      key_char(c);
    }
  }

  void unicode_byte(char c) noexcept {
    const std::uint8_t v = char_class.hex_value[static_cast<unsigned char>(c)];
    if (v >= 16) return fail();
    if (!in_key_) content(c, true);
    unicode_value_ = static_cast<std::uint16_t>(unicode_value_ << 4 | v);
    if (--unicode_left_ > 0) return;
    state_ = st::string;
    if (in_key_) {
      if (unicode_value_ == '/' || unicode_value_ == '~') {
        key_text(unicode_value_ == '/' ? "~1" : "~0");
      } else {
        key_char('\\');
        key_char('u');
        for (int shift = 12; shift >= 0; shift -= 4) {
          key_char("0123456789abcdef"[(unicode_value_ >> shift) & 0xF]);
        }
      }
    }
  }

  // The fast path through a key: printable ASCII other than '"', '\\', '/' and '~' goes to the
  // pointer as it is; returns where a byte needs step().
  std::size_t key_run(const char* p, std::size_t i, std::size_t n) noexcept {
    while (i < n) {
      const char c = p[i];
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\' || c == '/' || c == '~') return i;
      key_char(c);
      ++i;
    }
    return n;
  }

  // The fast path through a string value: printable ASCII that starts no code (words that start
  // with a letter or follow a word byte, punctuation, spaces) is passed over, keeping the two
  // bytes before the next word; returns where a byte needs step(): a digit that may start a code,
  // a quote, a backslash, a control byte, a byte of a UTF-8 sequence.
  std::size_t value_run(const char* p, std::size_t i, std::size_t n) noexcept {
    while (i < n) {
      const char c = p[i];
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') return i;
      if (!is_word_byte(c)) {
        prev2_ = prev1_;
        prev1_ = c;
        ++i;
        continue;
      }
      if (is_digit_byte(c) && !is_word_byte(prev1_)) return i;
      std::size_t j = i + 1;
      while (j < n && is_word_byte(p[j])) ++j;
      prev2_ = j - i >= 2 ? p[j - 2] : prev1_;
      prev1_ = p[j - 1];
      i = j;
    }
    return n;
  }

  // A content byte of a string (a key's into the pointer; a value's into the token rules).
  void content(char c, bool ascii) noexcept {
    if (in_key_) {
      if (c == '/') return key_text("~1");
      if (c == '~') return key_text("~0");
      return key_char(c);
    }
    keep(&c, 1);
    const bool word = ascii && is_word_byte(c);
    if (dot_pending_) word_decide(c);  // 13894.5 or 13894. : this byte decides
    if (word) {
      if (word_size_ == 0) {
        word_b1_ = prev1_;
        word_b2_ = prev2_;
        word_at_ = value_size_ - 1;  // kept above (value_max + 1 when the value is too long)
      }
      if (word_size_ < sizeof word_) word_[word_size_] = c;
      ++word_size_;
    } else if (word_size_ > 0) {
      after_word_ = c;
      if (c == '.') {
        dot_pending_ = true;
      } else {
        word_decide(' ');
      }
    }
    prev2_ = prev1_;
    prev1_ = c;
  }

  void key_char(char c) noexcept {
    if (depth_ == 1 && key_size_ < 8) key_[key_size_] = c;
    ++key_size_;
    push_path(c);
  }
  void key_text(const char* s) noexcept {
    for (; *s != '\0'; ++s) key_char(*s);
  }

  void string_end() noexcept {
    if (in_key_) {
      if (depth_ == 1 && key_size_ == 8 && std::string_view(key_, 8) == "ipsecerr") {
        has_member_ = true;
      }
      state_ = st::colon;
      return;
    }
    if (dot_pending_) word_decide(' ');
    if (word_size_ > 0) {
      after_word_ = ' ';
      word_decide(' ');
    }
    drop_by_context();
    if (forms_.contains_messages() && value_size_ <= value_max &&
        may_hold_message(std::string_view(value_, value_size_))) {
      // The value is a whole field: short texts count as well as distinctive ones.
      const message_hits hits = find_messages(std::string_view(value_, value_size_));
      for (const message_hit& h : hits) add_code(h.entry, true);
    }
    if (ras_ && value_size_ <= value_max) {
      // RAS codes where the value names them as such, by the annotator's rule (ras_at) with the
      // value as the line: `... The error code returned on failure is 809.` in a "message". The
      // scan goes on after each code's number, so `RAS error 809` on a VPN line is one code.
      const std::string_view v(value_, value_size_);
      for (ras_hit r = next_ras_code(v, 0); r.entry != nullptr; r = next_ras_code(v, r.end)) {
        add_code(r.entry);
      }
    }
    state_ = st::comma_or_end;
  }

  // Keeps the bytes of a string value, as written, while it fits value_max.
  void keep(const char* b, std::size_t size) noexcept {
    if (value_size_ + size <= value_max) {
      for (std::size_t k = 0; k < size; ++k) value_[value_size_ + k] = b[k];
    }
    value_size_ = value_size_ + size <= value_max ? value_size_ + size : value_max + 1;
  }

  // The word being read in a string value, and the two bytes before it.
  void word_reset() noexcept {
    word_size_ = 0;
    dot_pending_ = false;
    prev1_ = prev2_ = ' ';
  }
  // Decides the word that ended: after_word_ is the byte after it, a2 the byte after that.
  void word_decide(char a2) noexcept {
    if (word_size_ <= code_word_max) {
      const word_code w = code_of_word(std::string_view(word_, word_size_), word_b1_, word_b2_,
                                       after_word_, a2, forms_);
      const std::size_t before = codes_;
      if (w.entry != nullptr) add_code(w.entry);
      if (codes_ > before && word_at_ < value_max) {
        tokens_[token_count_++] = {word_at_ - (w.minus ? 1 : 0), word_at_ + word_size_,
                                   hex_token(std::string_view(word_, word_size_))};
      }
    }
    word_size_ = 0;
    dot_pending_ = false;
  }

  // The codes of the string value that just ended, found by the token rules, go through the
  // context rule of plain lines (context_says_no_code) with the value as their line: a process
  // id, port, index or size (`charon[13894]:`, `pid=13894`, `(13885 bytes)`) is dropped. The
  // value must have been kept whole (value_max); and when the line's codes overflowed in this
  // value, its codes stay as they are.
  void drop_by_context() noexcept {
    if (token_count_ == 0 || value_size_ > value_max || truncated_ != string_truncated_) return;
    const std::string_view v(value_, value_size_);
    const error_info* kept[max_codes] = {};
    std::size_t count = 0;
    for (std::size_t k = 0; k < token_count_; ++k) {
      const token& t = tokens_[k];
      if (!text_says_no_code(v, t.from, t.to, t.hex))
        kept[count++] = found_[string_codes_ + k].entry;
    }
    if (count == token_count_) return;
    codes_ = string_codes_;
    pool_used_ = string_pool_;
    for (std::size_t k = 0; k < count; ++k) add_code(kept[k]);
  }

  // ---- Numbers: the grammar, and the code of an integer. ----

  // Reads one byte of a number; false at the first byte that is not part of it.
  bool number_byte(char c) noexcept {
    const bool digit = c >= '0' && c <= '9';
    // num_state_: 0 start, 1 after '-', 2 after a leading 0, 3 in the integer, 4 after '.',
    // 5 in the fraction, 6 after e/E, 7 after its sign, 8 in the exponent.
    switch (num_state_) {
      case 0:
        if (c == '-') {
          num_state_ = 1;
          num_negative_ = true;
          return true;
        }
        num_negative_ = false;
        [[fallthrough]];
      case 1:
        if (!digit) return false;
        num_state_ = c == '0' ? 2 : 3;
        break;
      case 2:
      case 3:
        if (digit && num_state_ == 3) break;
        if (c == '.') {
          num_state_ = 4;
          num_integer_ = false;
          return true;
        }
        if (c == 'e' || c == 'E') {
          num_state_ = 6;
          num_integer_ = false;
          return true;
        }
        return false;
      case 4:
      case 5:
        if (digit) {
          num_state_ = 5;
          return true;
        }
        if (num_state_ == 5 && (c == 'e' || c == 'E')) {
          num_state_ = 6;
          return true;
        }
        return false;
      case 6:
        if (c == '+' || c == '-') {
          num_state_ = 7;
          return true;
        }
        [[fallthrough]];
      case 7:
      case 8:
        if (!digit) return false;
        num_state_ = 8;
        return true;
      default: return false;
    }
    if (num_len_ < sizeof num_) num_[num_len_] = c;
    ++num_len_;
    return true;
  }

  void end_number() noexcept {
    if (num_state_ == 1 || num_state_ == 4 || num_state_ == 6 || num_state_ == 7) return fail();
    if (!num_integer_ || num_len_ > sizeof num_) return;
    const word_code w = code_of_word(std::string_view(num_, num_len_), num_negative_ ? '-' : ' ',
                                     ' ', ' ', ' ', forms_);
    if (w.entry != nullptr) add_code(w.entry);
  }

  // Whether the value being read is a member's whose name says it holds no code, by the key rule
  // of the plain lines (is_id_key(): "pid", "ProcessID", "SourcePort", "bytes"...); the name as
  // the pointer has it, while it fits.
  bool id_member() const noexcept {
    if (depth_ == 0 || is_array_[depth_] || !pointer_ok()) return false;
    const std::size_t from = seg_start_[depth_] + 1;
    return from <= path_len_ && is_id_key(std::string_view(path_ + from, path_len_ - from));
  }

  void add_code(const error_info* e, bool message = false) noexcept {
    if (!message && id_member()) return;
    if (codes_ == max_codes) {
      truncated_ = true;
      return;
    }
    code& c = found_[codes_++];
    c.entry = e;
    c.message = message;
    c.has_pointer = pointer_ok() && pool_used_ + path_len_ <= pool_size;
    c.at = static_cast<std::uint16_t>(pool_used_);
    c.size = static_cast<std::uint16_t>(c.has_pointer ? path_len_ : 0);
    if (!c.has_pointer) return;
    for (std::size_t i = 0; i < path_len_; ++i) pool_[pool_used_++] = path_[i];
  }

  form_set forms_;
  bool ras_ = false;
  status status_ = status::invalid;
  st state_ = st::key_or_end;
  std::size_t depth_ = 0;
  bool is_array_[max_depth + 1] = {};
  std::uint32_t index_[max_depth + 1] = {};
  std::size_t seg_start_[max_depth + 1] = {};
  char path_[pointer_max] = {};
  std::size_t path_len_ = 0;
  std::size_t overflow_depth_ = 0;  // the depth whose segment made the pointer too long, or 0

  bool in_key_ = false;
  char key_[8] = {};
  std::size_t key_size_ = 0;
  bool has_member_ = false;
  bool empty_object_ = false;
  int utf8_left_ = 0;
  unsigned utf8_lo_ = 0x80;
  unsigned utf8_hi_ = 0xBF;
  int unicode_left_ = 0;
  std::uint16_t unicode_value_ = 0;

  char word_[code_word_max + 1] = {};
  std::size_t word_size_ = 0;
  char word_b1_ = ' ';
  char word_b2_ = ' ';
  char prev1_ = ' ';
  char prev2_ = ' ';
  char after_word_ = ' ';
  bool dot_pending_ = false;

  char value_[value_max] = {};
  std::size_t value_size_ = 0;  // value_max + 1: too long

  // The code tokens of the string value being read, for drop_by_context(): where each is in
  // value_ (from its '-' if it has one), and whether it is hex; the codes, pool and truncation
  // before the value.
  struct token {
    std::size_t from;
    std::size_t to;
    bool hex;
  };
  token tokens_[max_codes] = {};
  std::size_t token_count_ = 0;
  std::size_t word_at_ = 0;
  std::size_t string_codes_ = 0;
  std::size_t string_pool_ = 0;
  bool string_truncated_ = false;

  char num_[12] = {};
  std::size_t num_len_ = 0;
  int num_state_ = 0;
  bool num_negative_ = false;
  bool num_integer_ = true;

  const char* literal_ = nullptr;
  std::size_t literal_at_ = 0;

  code found_[max_codes] = {};
  std::size_t codes_ = 0;
  bool truncated_ = false;
  char pool_[pool_size] = {};
  std::size_t pool_used_ = 0;
};

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_JSON_LINE_HPP
