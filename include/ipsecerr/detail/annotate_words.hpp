// SPDX-License-Identifier: MIT
// ipsecerr internals: the annotator's search for words that may start a Windows message text or a
// RAS phrase (SSE2 or portable), and the RAS phrase rule.
#ifndef IPSECERR_DETAIL_ANNOTATE_WORDS_HPP
#define IPSECERR_DETAIL_ANNOTATE_WORDS_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../message.hpp"
#include "../ras.hpp"
#include "annotate_scan.hpp"

namespace ipsecerr {
inline namespace v1 {
namespace detail {

// The first words of the messages that the annotator looks for (not range markers) and the words
// that start a RAS phrase (RAS, error), by word key: a word's first eight bytes folded (| 0x20:
// letters in lower case, digits as they are) as a little-endian number, zero past its end, hashed
// with its length into a slot. A word whose slot holds no such word starts nothing, so a word of a
// text costs at most a hash and a load, and most cost less: one whose first letter and length are
// those of no such word (`sizes`) is not hashed. The slot of one that does leads to what may follow
// it in a message: letters that start the second word after blanks (bit 31: anything after blanks),
// bytes other than blanks (a Win32 message's apostrophe, which may be typographic in the text, or
// hyphen), or anything (a RAS message, whose words may be separated by any punctuation, or a
// one-word message); and whether it starts a RAS phrase. Words that share a slot share all this.
inline constexpr unsigned word_key_bits = 12;
constexpr std::uint64_t word_key(const char* p, std::size_t size) noexcept {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < size && i < 8; ++i) {
    key |= std::uint64_t{static_cast<unsigned char>(p[i]) | 0x20u} << (8 * i);
  }
  return key;
}
constexpr std::size_t word_slot(std::uint64_t key, std::size_t size) noexcept {
  return static_cast<std::size_t>(((key ^ (std::uint64_t{size} << 58)) * 0x9E3779B97F4A7C15ull) >>
                                  (64 - word_key_bits));
}
struct message_follow {
  std::uint64_t bytes[2];  // bytes below 128 after the first word, other than blanks
  std::uint32_t second;    // letters & 31 that start the second word after blanks; bit 31: any
  bool high;               // a byte of 128 or more (a typographic apostrophe)
  bool any;                // anything
  bool ras;                // the word starts a RAS phrase
};
struct message_start_bits {
  std::uint8_t slot[std::size_t{1} << word_key_bits];  // 1 + the index in follow, or 0
  message_follow follow[message_rows + 2];
  std::size_t used;
  std::uint32_t sizes[32];  // by first letter (& 31): bit k for a word of k bytes
};
static_assert(first_word_max <= 31, "ipsecerr: a first word's length is a bit of a 32-bit mask");
constexpr message_follow& follow_of(message_start_bits& m, std::string_view word) noexcept {
  m.sizes[static_cast<unsigned char>(word[0]) & 31u] |= std::uint32_t{1} << word.size();
  const std::size_t x = word_slot(word_key(word.data(), word.size()), word.size());
  if (m.slot[x] == 0) m.slot[x] = static_cast<std::uint8_t>(++m.used);
  return m.follow[m.slot[x] - 1];
}
constexpr message_start_bits make_message_starts() noexcept {
  message_start_bits m{};
  follow_of(m, "ras").ras = true;
  follow_of(m, "error").ras = true;
  for (std::size_t row = 0; row < message_rows; ++row) {
    const error_info& e = message_entry(row);
    if (e.kind == kind::marker) continue;
    const std::string_view t = e.message;
    const std::size_t size = first_word_size(t);
    message_follow& f = follow_of(m, t.substr(0, size));
    const auto after = size < t.size() ? static_cast<unsigned char>(t[size]) : 0u;
    if (e.space == code_space::ras || after == 0u) {
      f.any = true;
    } else if (after == ' ') {
      const auto c = size + 1 < t.size() ? static_cast<unsigned char>(t[size + 1]) : 0u;
      f.second |=
          msg_alnum(static_cast<char>(c)) ? std::uint32_t{1} << (c & 31u) : std::uint32_t{1} << 31;
    } else if (after >= 128) {
      f.high = true;
    } else {
      f.bytes[after / 64] |= std::uint64_t{1} << (after % 64);
      if (after == '\'') f.high = true;  // the text may have a typographic apostrophe
    }
  }
  return m;
}
inline constexpr message_start_bits message_starts = make_message_starts();
static_assert(message_rows + 2 < 256, "ipsecerr: a slot keeps its follow index in a byte");
constexpr bool messages_start_with_a_letter() noexcept {
  for (std::size_t row = 0; row < message_rows; ++row) {
    const error_info& e = message_entry(row);
    if (e.kind != kind::marker && (!msg_alnum(e.message[0]) || is_digit_byte(e.message[0]))) {
      return false;
    }
  }
  return true;
}
static_assert(messages_start_with_a_letter(),
              "ipsecerr: message starts are looked for at words that start with a letter");

// The bytes of a word's key: its first `size` bytes, all eight from eight on.
inline constexpr std::uint64_t key_mask[9] = {0,
                                              0xFFull,
                                              0xFFFFull,
                                              0xFFFFFFull,
                                              0xFFFFFFFFull,
                                              0xFFFFFFFFFFull,
                                              0xFFFFFFFFFFFFull,
                                              0xFFFFFFFFFFFFFFull,
                                              ~std::uint64_t{0}};
// What the word p[s, s + size) (size > 0) may start, by its slot and what follows it within
// p[0, n): a message (start_text), a RAS phrase (start_ras), or nothing (0).
inline constexpr unsigned start_text = 1;
inline constexpr unsigned start_ras = 2;
// What may follow the word p[s, w) whose slot leads to f, within p[0, n).
IPSECERR_ALWAYS_INLINE inline unsigned follow_starts(const message_follow& f, const char* p,
                                                     std::size_t w, std::size_t n) noexcept {
  const unsigned ras = f.ras ? start_ras : 0u;
  if (w == n || f.any) return ras | start_text;
  const auto c = static_cast<unsigned char>(p[w]);
  if (c != ' ' && c != '\t') {
    const bool ok = c >= 128 ? f.high : (f.bytes[c / 64] >> (c % 64) & 1u) != 0;
    return ras | (ok ? start_text : 0u);
  }
  if ((f.second >> 31) != 0) return ras | start_text;
  std::size_t k = w;
  while (k < n && (p[k] == ' ' || p[k] == '\t')) ++k;
  if (k == n) return ras | start_text;
  const bool ok =
      msg_alnum(p[k]) && (f.second >> (static_cast<unsigned char>(p[k]) & 31u) & 1u) != 0;
  return ras | (ok ? start_text : 0u);
}
// The slot of a word of `size` bytes (1 to first_word_max) at p[s], with eight bytes readable
// there.
IPSECERR_ALWAYS_INLINE inline std::uint8_t slot_of_word(const char* p, std::size_t s,
                                                        std::size_t size) noexcept {
  const std::uint64_t key = (load8(p + s) | 0x2020202020202020ull) & key_mask[size < 8 ? size : 8];
  return message_starts.slot[word_slot(key, size)];
}
IPSECERR_ALWAYS_INLINE inline unsigned word_starts(const char* p, std::size_t s, std::size_t size,
                                                   std::size_t n) noexcept {
  if (size > first_word_max) return 0;
  const std::uint8_t id = n - s >= 8 ? slot_of_word(p, s, size)
                                     : message_starts.slot[word_slot(word_key(p + s, size), size)];
  return id == 0 ? 0u : follow_starts(message_starts.follow[id - 1], p, s + size, n);
}

// ---- RAS codes where the line says it is one (ras_at(): detail/ras_phrase.hpp). ----

// Whether p[from, to) holds a '7' or '8' followed by two digits, as the number of every RAS
// phrase does, in decimal, with or without leading zeros or as its HRESULT (static_assert
// below): a RAS or error word with none in the bytes that ras_at() reads after it names no code.
constexpr bool ras_digits_in(const char* p, std::size_t from, std::size_t to) noexcept {
  for (std::size_t i = from; i + 2 < to; ++i) {
    if ((p[i] == '7' || p[i] == '8') && is_digit_byte(p[i + 1]) && is_digit_byte(p[i + 2])) {
      return true;
    }
  }
  return false;
}
constexpr bool ras_numbers_have_ras_digits() noexcept {
  for (const error_info& e : ras_table) {
    for (const std::uint32_t n : {e.code, 0x80070000u | e.code}) {
      const code_text t = to_decimal(n);
      if (!ras_digits_in(t.view().data(), 0, t.view().size())) return false;
    }
  }
  return true;
}
static_assert(ras_numbers_have_ras_digits(),
              "ipsecerr: ras_digits_in() looks for the digits every RAS code's number holds");

// The starts of words (runs of ASCII letters and digits) of p[0, n) that start with a letter and
// may start a message or a RAS phrase (word_starts()), in order, with their ends. `before` is the
// byte before p[0].
class message_start_finder {
 public:
  message_start_finder(const char* p, std::size_t n, char before) noexcept
      : p_(p), n_(n), before_(before) {}

  /// The first such word start at or after i (i never decreases from call to call), or n; its
  /// word ends at p[end()].
  std::size_t next(std::size_t i) noexcept {
#if IPSECERR_ANNOTATE_SSE2
    // The block in a local: the text is read as char, which may alias any member, so the compiler
    // would otherwise store and reload the members around every read of the text.
    block_state blk = block_;
    const char* const p = p_;
    for (;;) {
      if (i < blk.end) {
        if (i > blk.first) blk.bits &= ~std::uint64_t{0} << (i - blk.first);
        while (blk.bits != 0) {
          const std::size_t o = lowest_bit(blk.bits);
          blk.bits &= blk.bits - 1;
          // The word's size: its run of alnum bits, exact up to 64 - o bytes (more than
          // first_word_max, as o < start_step).
          const std::size_t size = lowest_bit(~(blk.alnum >> o) | std::uint64_t{1} << 63);
          if (size > first_word_max) continue;
          const std::size_t k = blk.first + o;
          if ((message_starts.sizes[static_cast<unsigned char>(p[k]) & 31u] >> size & 1u) == 0) {
            continue;
          }
          const std::uint8_t id = slot_of_word(p, k, size);
          if (id == 0) continue;
          const unsigned what = follow_starts(message_starts.follow[id - 1], p, k + size, n_);
          if (what != 0) {
            block_ = blk;
            word_end_ = k + size;
            what_ = what;
            return k;
          }
        }
        i = blk.end;
      }
      if (i > n_ || n_ - i < 64) break;
      blk.first = i;
      blk.end = i + start_step;
      std::uint64_t letters = 0;
      blk.alnum = alnum64(p + i, letters);
      const std::uint64_t prev = msg_alnum(i == 0 ? before_ : p[i - 1]) ? 1u : 0u;
      blk.bits = letters & ~(blk.alnum << 1 | prev) & ((std::uint64_t{1} << start_step) - 1);
    }
    block_ = blk;
#endif
    for (; i < n_; ++i) {
      const char b = i == 0 ? before_ : p_[i - 1];
      if (msg_alnum(p_[i]) && !is_digit_byte(p_[i]) && !msg_alnum(b)) {
        std::size_t w = i + 1;
        while (w < n_ && msg_alnum(p_[w])) ++w;
        const unsigned what = word_starts(p_, i, w - i, n_);
        if (what != 0) {
          word_end_ = w;
          what_ = what;
          return i;
        }
        i = w - 1;
      }
    }
    return n_;
  }

  /// Where the word that next() returned last ends.
  std::size_t end() const noexcept { return word_end_; }
  /// What it may start: start_text, start_ras or both.
  unsigned what() const noexcept { return what_; }

 private:
#if IPSECERR_ANNOTATE_SSE2
  // Blocks read 64 bytes and look at word starts among the first start_step: the size of a word
  // that starts there is known from the block's bits up to more than first_word_max bytes.
  static constexpr std::size_t start_step = 48;
  static_assert(64 - start_step > first_word_max && 64 - start_step >= 8,
                "message_start_finder: a word that may start a message ends within the block");

  // One bit per byte of p[0, 64) that is an ASCII letter or digit (alnum), or a letter. Ranges by
  // one signed comparison: adding 0x80 - lo maps lo..hi to -128..-128 + (hi - lo).
  static std::uint64_t alnum64(const char* p, std::uint64_t& letters) noexcept {
    // Written out for each 16 bytes: g++ keeps a loop here otherwise.
    const auto masks16 = [](const char* at, std::uint64_t& letter_bits) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
      const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
      const __m128i letter =
          _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8(0x80 - 'a')), _mm_set1_epi8(-128 + 26));
      const __m128i digit =
          _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x80 - '0')), _mm_set1_epi8(-128 + 10));
      letter_bits = static_cast<unsigned>(_mm_movemask_epi8(letter));
      return std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)))};
    };
    std::uint64_t l0 = 0, l1 = 0, l2 = 0, l3 = 0;
    const std::uint64_t a0 = masks16(p, l0);
    const std::uint64_t a1 = masks16(p + 16, l1);
    const std::uint64_t a2 = masks16(p + 32, l2);
    const std::uint64_t a3 = masks16(p + 48, l3);
    letters = l0 | l1 << 16 | l2 << 32 | l3 << 48;
    return a0 | a1 << 16 | a2 << 32 | a3 << 48;
  }
#endif

  const char* p_;
  std::size_t n_;
  char before_;
#if IPSECERR_ANNOTATE_SSE2
  // The block read last: positions [first, end) looked at (none at first).
  struct block_state {
    std::size_t first = 0;
    std::size_t end = 0;
    std::uint64_t bits = 0;   // its word starts not yet looked at
    std::uint64_t alnum = 0;  // its letters and digits
  };
  block_state block_;
#endif
  std::size_t word_end_ = 0;
  unsigned what_ = 0;
};

// Whether a word of text may start a message (one that message_start_finder stops at for a
// message text): where none does, find_messages() finds nothing, as the annotator's own search
// relies on. A table lookup a word instead of a walk of the message index and the zeroing of its
// result.
inline bool may_hold_message(std::string_view text) noexcept {
  message_start_finder starts(text.data(), text.size(), ' ');
  for (std::size_t s = 0; (s = starts.next(s)) < text.size(); s = starts.end()) {
    if ((starts.what() & start_text) != 0) return true;
  }
  return false;
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_ANNOTATE_WORDS_HPP
