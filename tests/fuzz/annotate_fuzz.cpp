// SPDX-License-Identifier: MIT
// Fuzzes ipsecerr::annotator: removing the inserted pieces gives the input back byte for byte,
// every insertion in a plain line is one or more " [NAME]" (several: entries that share a message
// text) with NAME a Win32 name or, after a RAS phrase on its line, a RAS name (a RAS name never
// follows a bare number), every JSON line that is a
// valid object stays one (checked by a small strict JSON reader here) and every other JSON line is
// unchanged, the output does not depend on how the input is cut into chunks, and no more than
// max_carry bytes are ever held.
#include <cstring>
#include <ipsecerr/annotate.hpp>
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/ras.hpp>
#include <string>
#include <vector>

#include "fuzz_check.hpp"

namespace {

// The output of one run: all of it, the pieces that are input, and the insertions (each the
// concatenation of a run of inserted pieces).
struct output {
  std::string all;
  std::string input_part;
  std::vector<std::string> insertions;
  bool last_inserted = false;

  void operator()(std::string_view bytes, bool inserted) {
    all += bytes;
    if (!inserted) {
      input_part += bytes;
    } else if (last_inserted) {
      insertions.back() += bytes;
    } else {
      insertions.emplace_back(bytes);
    }
    last_inserted = inserted;
  }
};

// A strict JSON reader (RFC 8259, UTF-8 checked), written apart from the annotator's.
class json_reader {
 public:
  explicit json_reader(std::string_view s) : s_(s) {}
  // Whether the text is one object, then only blanks (' ', '\t', '\r').
  bool one_object() {
    skip();
    if (i_ >= s_.size() || s_[i_] != '{' || !value(0)) return false;
    skip();
    return i_ == s_.size();
  }

 private:
  void skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  bool eat(char c) {
    skip();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool value(int depth) {
    if (depth > 100) return false;
    skip();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{' || c == '[') {
      ++i_;
      const char end = c == '{' ? '}' : ']';
      if (eat(end)) return true;
      do {
        if (c == '{' && !(string() && eat(':'))) return false;
        if (!value(depth + 1)) return false;
      } while (eat(','));
      return eat(end);
    }
    if (c == '"') return string();
    for (const char* word : {"true", "false", "null"}) {
      if (s_.substr(i_, std::strlen(word)) == word) {
        i_ += std::strlen(word);
        return true;
      }
    }
    return number();
  }
  bool digits() {
    const std::size_t from = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > from;
  }
  bool number() {
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (!digits()) {
      return false;
    }
    if (i_ < s_.size() && s_[i_] == '.' && (++i_, !digits())) return false;
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return false;
    }
    return true;
  }
  bool string() {
    skip();
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    ++i_;
    while (i_ < s_.size()) {
      const auto u = static_cast<unsigned char>(s_[i_]);
      if (u == '"') {
        ++i_;
        return true;
      }
      if (u < 0x20) return false;
      if (u == '\\') {
        if (++i_ >= s_.size()) return false;
        const char e = s_[i_++];
        if (e == 'u') {
          for (int k = 0; k < 4; ++k, ++i_) {
            if (i_ >= s_.size() || std::strchr("0123456789abcdefABCDEF", s_[i_]) == nullptr ||
                s_[i_] == '\0') {
              return false;
            }
          }
        } else if (std::strchr("\"\\/bfnrt", e) == nullptr || e == '\0') {
          return false;
        }
        continue;
      }
      if (u < 0x80) {
        ++i_;
        continue;
      }
      // UTF-8: the lead byte, then continuation bytes within the ranges of RFC 3629.
      const int more = u >= 0xC2 && u <= 0xDF   ? 1
                       : u >= 0xE0 && u <= 0xEF ? 2
                       : u >= 0xF0 && u <= 0xF4 ? 3
                                                : -1;
      if (more < 0 || i_ + static_cast<std::size_t>(more) >= s_.size()) return false;
      const auto b1 = static_cast<unsigned char>(s_[i_ + 1]);
      const unsigned lo = u == 0xE0 ? 0xA0 : u == 0xF0 ? 0x90 : 0x80;
      const unsigned hi = u == 0xED ? 0x9F : u == 0xF4 ? 0x8F : 0xBF;
      if (b1 < lo || b1 > hi) return false;
      for (int k = 2; k <= more; ++k) {
        const auto b = static_cast<unsigned char>(s_[i_ + static_cast<std::size_t>(k)]);
        if (b < 0x80 || b > 0xBF) return false;
      }
      i_ += static_cast<std::size_t>(more) + 1;
    }
    return false;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// The lines of a text, without their '\n'.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines(1);
  for (const char c : text) {
    if (c == '\n') {
      lines.emplace_back();
    } else {
      lines.back() += c;
    }
  }
  return lines;
}

bool json_line(const std::string& line) {
  const std::size_t first = line.find_first_not_of(" \t");
  return first != std::string::npos && line[first] == '{';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the chunk sizes; the rest is the text.
  unsigned state = data[0];
  const std::string_view text = ipsecerr_fuzz::as_text(data + 1, size - 1);

  output whole;
  ipsecerr::annotate(text, whole);
  IPSECERR_FUZZ_CHECK(whole.input_part == text);
  for (const std::string& s : whole.insertions) {
    IPSECERR_FUZZ_CHECK(s.find('\n') == std::string::npos);
    if (s.compare(0, 2, " [") != 0) continue;  // a JSON member: checked by line below
    std::size_t at = 0;
    while (at < s.size()) {  // " [NAME]" once or more
      IPSECERR_FUZZ_CHECK(s.compare(at, 2, " [") == 0);
      const std::size_t close = s.find(']', at);
      IPSECERR_FUZZ_CHECK(close != std::string::npos && close > at + 2);
      const std::string_view name = std::string_view(s).substr(at + 2, close - at - 2);
      IPSECERR_FUZZ_CHECK(ipsecerr::find_name(name) != nullptr ||
                          ipsecerr::find_ras_name(name) != nullptr);
      at = close + 1;
    }
  }
  // A RAS name follows a number that a RAS phrase or the word error names, never a bare one; in
  // a JSON line's member (after `"name":"`) it comes before the final '}' of a line that has one.
  {
    std::size_t offset = 0;  // input bytes passed so far
    bool in_member = false;  // the inserted piece before was `,"name":"`
    const auto check = [&](std::string_view bytes, bool inserted) {
      const bool member = in_member;
      in_member = inserted && bytes == ",\"name\":\"";
      if (!inserted) {
        offset += bytes.size();
        return;
      }
      if (ipsecerr::find_ras_name(bytes) == nullptr) return;  // names come as pieces of their own
      IPSECERR_FUZZ_CHECK(member ||
                          (offset >= 3 && text[offset - 1] >= '0' && text[offset - 1] <= '9'));
      std::size_t line = offset;
      while (line > 0 && text[line - 1] != '\n') --line;
      std::string lower(text.substr(line, offset - line));
      for (char& c : lower) c = ipsecerr::detail::to_lower(c);
      IPSECERR_FUZZ_CHECK(lower.find("ras") != std::string::npos ||
                          lower.find("error") != std::string::npos);
    };
    ipsecerr::annotate(text, check);
  }
  // Line by line (insertions hold no '\n', so lines correspond): a JSON line that is one valid
  // object stays one; any other JSON line is unchanged; " [" insertions only in plain lines.
  // A UTF-8 byte order mark at the input's start passes through first and is no byte of the
  // first line.
  std::vector<std::string> in_lines = lines_of(std::string(text));
  std::vector<std::string> out_lines = lines_of(whole.all);
  IPSECERR_FUZZ_CHECK(in_lines.size() == out_lines.size());
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    IPSECERR_FUZZ_CHECK(out_lines[0].compare(0, 3, "\xEF\xBB\xBF") == 0);
    in_lines[0].erase(0, 3);
    out_lines[0].erase(0, 3);
  }
  for (std::size_t k = 0; k < in_lines.size(); ++k) {
    if (!json_line(in_lines[k])) continue;
    if (json_reader(in_lines[k]).one_object()) {
      IPSECERR_FUZZ_CHECK(json_reader(out_lines[k]).one_object());
    } else {
      IPSECERR_FUZZ_CHECK(out_lines[k] == in_lines[k]);
    }
  }

  output chunked;
  ipsecerr::annotator a;
  std::size_t at = 0;
  while (at < text.size()) {
    state = state * 1103515245u + 12345u;
    // 0 to 23 bytes (empty chunks included) mostly, sometimes up to 1023: past max_carry.
    const std::size_t n = (state >> 16) % 8 == 0 ? (state >> 19) % 1024 : (state >> 16) % 24;
    const std::size_t take = n < text.size() - at ? n : text.size() - at;
    a.feed(text.substr(at, take), chunked);
    IPSECERR_FUZZ_CHECK(a.carried() <= ipsecerr::annotator::max_carry);
    at += take;
  }
  a.finish(chunked);
  IPSECERR_FUZZ_CHECK(a.carried() == 0);
  IPSECERR_FUZZ_CHECK(chunked.all == whole.all);
  return 0;
}
