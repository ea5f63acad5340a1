// SPDX-License-Identifier: MIT
// ipsecerr internals: the annotator's scanner, the search for bytes that can start a code (SSE2 or
// portable), and the rules that recognise memory dumps.
#ifndef IPSECERR_DETAIL_ANNOTATE_SCAN_HPP
#define IPSECERR_DETAIL_ANNOTATE_SCAN_HPP

#include <cstddef>
#include <cstdint>

#include "../find.hpp"
#include "../message.hpp"
#include "../ras.hpp"

// SSE2 (every x86-64) finds candidates 64 bytes at a time; elsewhere, or with
// IPSECERR_ANNOTATE_PORTABLE defined, a portable 8-byte loop does.
#if !defined(IPSECERR_ANNOTATE_PORTABLE) && \
    (defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
#  include <emmintrin.h>
#  define IPSECERR_ANNOTATE_SSE2 1
#else
#  define IPSECERR_ANNOTATE_SSE2 0
#endif

namespace ipsecerr {
inline namespace v1 {

namespace detail {

// Every code's decimal form starts with 1 or 2 (1469 to 13932), and so do its HRESULT as
// unsigned (2147942400 to 2148007935) and signed decimal (-2146959361 to -2147024896); a leading
// zero may come first. So a decimal token to annotate starts with 0, 1 or 2.
constexpr bool codes_start_with_1_or_2() noexcept {
  for (const error_info& e : table) {
    const char first = to_decimal(e.code).data()[0];
    if (first != '1' && first != '2') return false;
  }
  return to_decimal(0x80070000u).data()[0] == '2' && to_decimal(0x8007FFFFu).data()[0] == '2' &&
         to_decimal(0u - 0x80070000u).data()[0] == '2' &&
         to_decimal(0u - 0x8007FFFFu).data()[0] == '2';
}
static_assert(codes_start_with_1_or_2(),
              "ipsecerr: the annotator looks for decimal codes starting with 0, 1 or 2 only");

// Whether p[k] starts 0, 1 or 2 followed by 3 decimal digits, or "0x" / "0X", within p[0, n):
// every token that can be annotated starts so, so every other byte is passed over without a
// closer look.
inline bool starts_candidate(const char* p, std::size_t k, std::size_t n) noexcept {
  if (k + 1 < n && p[k] == '0' && (p[k + 1] == 'x' || p[k + 1] == 'X')) return true;
  return k + 4 <= n && p[k] >= '0' && p[k] <= '2' && detail::is_digit_byte(p[k + 1]) &&
         detail::is_digit_byte(p[k + 2]) && detail::is_digit_byte(p[k + 3]);
}

// The index of the lowest set bit of a nonzero value.
inline std::size_t lowest_bit(std::uint64_t v) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return static_cast<std::size_t>(__builtin_ctzll(v));
#else
  std::size_t k = 0;
  while (((v >> k) & 1u) == 0) ++k;
  return k;
#endif
}

// The candidates of one block: a bit per position that starts_candidate, for the first `step`
// positions of the block (the last few need bytes after the block, so the next block starts there).
#if IPSECERR_ANNOTATE_SSE2
// With SSE2, 64 bytes at a time: one bit per byte for digits, 0-2, '0', and 'x' or 'X', from each
// 16 bytes; a block's last 3 positions need the next bytes, so blocks move by 61.
struct sse2_masks {
  unsigned digit, low, zero, ex;
};
IPSECERR_ALWAYS_INLINE inline sse2_masks masks16(const char* p) noexcept {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed compares: bytes >= 0x80 are negative, so below '0'.
  const __m128i at_least_0 = _mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1));
  const __m128i digit = _mm_and_si128(at_least_0, _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
  const __m128i low = _mm_and_si128(at_least_0, _mm_cmplt_epi8(x, _mm_set1_epi8('3')));
  const __m128i zero = _mm_cmpeq_epi8(x, _mm_set1_epi8('0'));
  const __m128i ex = _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8('x'));
  return {static_cast<unsigned>(_mm_movemask_epi8(digit)),
          static_cast<unsigned>(_mm_movemask_epi8(low)),
          static_cast<unsigned>(_mm_movemask_epi8(zero)),
          static_cast<unsigned>(_mm_movemask_epi8(ex))};
}
inline constexpr std::size_t block_bytes = 64;   // read for one block
inline constexpr std::size_t block_step = 61;    // positions per block
inline constexpr std::size_t bits_per_byte = 1;  // bit k for position k
IPSECERR_ALWAYS_INLINE inline std::uint64_t block_candidates(const char* p) noexcept {
  const sse2_masks a = masks16(p);
  const sse2_masks b = masks16(p + 16);
  const sse2_masks c = masks16(p + 32);
  const sse2_masks d = masks16(p + 48);
  const auto join = [](unsigned m0, unsigned m1, unsigned m2, unsigned m3) {
    return std::uint64_t{m0} | std::uint64_t{m1} << 16 | std::uint64_t{m2} << 32 |
           std::uint64_t{m3} << 48;
  };
  const std::uint64_t digit = join(a.digit, b.digit, c.digit, d.digit);
  const std::uint64_t low = join(a.low, b.low, c.low, d.low);
  const std::uint64_t zero = join(a.zero, b.zero, c.zero, d.zero);
  const std::uint64_t ex = join(a.ex, b.ex, c.ex, d.ex);
  const std::uint64_t found =
      (low & (digit >> 1) & (digit >> 2) & (digit >> 3)) | (zero & (ex >> 1));
  return found & ((std::uint64_t{1} << block_step) - 1);
}
#else
// Portably, eight bytes at a time, read as a little-endian number. Per byte, with no carries
// between bytes: the high bit of `digit` is set for 0x30-0x39, of `low` for 0x30-0x32, of `zero`
// for '0', of `ex` for 'x' and 'X'.
inline constexpr std::size_t block_bytes = 8;
inline constexpr std::size_t block_step = 5;
inline constexpr std::size_t bits_per_byte = 8;  // bit 8k + 7 for position k
IPSECERR_ALWAYS_INLINE inline std::uint64_t block_candidates(const char* p) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t low7 = ones * 0x7F;
  constexpr std::uint64_t high = ones * 0x80;
  const std::uint64_t x = load8(p);  // byte k of p is byte k of x
  const std::uint64_t y = x & low7;
  const std::uint64_t at_least_0 = ~x & (y + ones * (0x7F - 0x2F)) & high;
  const std::uint64_t digit = (ones * (0x7F + 0x3A) - y) & at_least_0;
  const std::uint64_t low = (ones * (0x7F + 0x33) - y) & at_least_0;
  const std::uint64_t z = x ^ (ones * '0');
  const std::uint64_t zero = ~(((z & low7) + low7) | z | low7);
  const std::uint64_t w = (x | (ones * 0x20)) ^ (ones * 'x');
  const std::uint64_t ex = ~(((w & low7) + low7) | w | low7);
  const std::uint64_t found =
      (low & (digit >> 8) & (digit >> 16) & (digit >> 24)) | (zero & (ex >> 8));
  return found & ((std::uint64_t{1} << (8 * block_step)) - 1);
}
#endif

// The positions of p[0, n) that starts_candidate, in order: each block is examined once, and its
// bits serve every later call that falls inside it.
class candidate_finder {
 public:
  candidate_finder(const char* p, std::size_t n) noexcept : p_(p), n_(n) {}

  /// The first candidate at or after i (i never decreases from call to call), or n.
  IPSECERR_ALWAYS_INLINE std::size_t next(std::size_t i) noexcept {
    for (;;) {
      if (i < end_) {
        const std::uint64_t left = bits_ >> (bits_per_byte * (i - block_));
        if (left != 0) return i + lowest_bit(left) / bits_per_byte;
        i = end_;
      }
      if (i > n_ || n_ - i < block_bytes) break;
      block_ = i;
      end_ = i + block_step;
      bits_ = block_candidates(p_ + i);
    }
    for (; i < n_; ++i) {
      if (starts_candidate(p_, i, n_)) return i;
    }
    return n_;
  }

 private:
  const char* p_;
  std::size_t n_;
  std::size_t block_ = 0;   // the block examined last: positions [block_, end_)
  std::size_t end_ = 0;     // (none at first)
  std::uint64_t bits_ = 0;  // its candidates
};

// The first words of the messages that the annotator looks for (not range markers): by their
// first two bytes in lower case (the second 0 for a one-letter word), one bit per pair; by their
// first byte (in lower case) and length, bit `size` of sizes[byte]; the bytes that follow a first
// word in a message (a space, an apostrophe, a hyphen ...), and, per bucket of the message index,
// the first letters of second words (bit 31: a second word after no space, so any). A word that
// these do not admit starts no message, so the message index is asked only for the others.
inline constexpr std::size_t triple_bits = 16;
// The index of a word's first three bytes, each folded (| 0x20; 0 for a byte that ends the word).
constexpr std::size_t triple_index(unsigned c0, unsigned c1, unsigned c2) noexcept {
  return ((c0 * 0x9E37u) ^ (c1 * 0x85EBu) ^ (c2 * 0xC2B3u) ^ (c1 << 7) ^ (c2 << 11)) &
         ((std::size_t{1} << triple_bits) - 1);
}
struct message_start_bits {
  std::uint64_t triples[(std::size_t{1} << triple_bits) / 64];
  std::uint64_t one_letter[2];  // first bytes of one-letter first words
  std::uint32_t sizes[128];
  std::uint64_t follow[2];
  std::uint32_t second[message_buckets];
};
constexpr message_start_bits make_message_starts() noexcept {
  message_start_bits m{};
  for (const error_info& e : table) {
    if (e.kind == kind::marker) continue;
    const std::string_view t = e.message;
    const std::size_t size = first_word_size(t);
    const auto c0 = static_cast<unsigned char>(to_lower(t[0]));
    // Folded as message_triple() folds the text.
    const unsigned f0 = (static_cast<unsigned char>(t[0]) | 0x20u) & 127u;
    if (size == 1) {
      m.one_letter[f0 / 64] |= std::uint64_t{1} << (f0 % 64);
    } else {
      const unsigned f1 = (static_cast<unsigned char>(t[1]) | 0x20u) & 127u;
      const unsigned f2 = size > 2 ? (static_cast<unsigned char>(t[2]) | 0x20u) & 127u : 0u;
      const std::size_t x = triple_index(f0, f1, f2);
      m.triples[x / 64] |= std::uint64_t{1} << (x % 64);
    }
    m.sizes[c0] |= std::uint32_t{1} << size;
    if (&e == &table[0]) {  // and the words that start a RAS phrase: RAS, error
      for (const char* w : {"ras", "error"}) {
        const std::size_t x =
            triple_index(static_cast<unsigned char>(w[0]), static_cast<unsigned char>(w[1]),
                         static_cast<unsigned char>(w[2]));
        m.triples[x / 64] |= std::uint64_t{1} << (x % 64);
      }
    }
    const auto f = size < t.size() ? static_cast<unsigned char>(t[size]) : 0u;
    m.follow[f / 64] |= std::uint64_t{1} << (f % 64);
    const std::size_t bucket = first_word_hash(t.data(), size);
    if (f == ' ' && size + 1 < t.size() && msg_alnum(t[size + 1])) {
      m.second[bucket] |= std::uint32_t{1} << (static_cast<unsigned char>(t[size + 1]) & 31u);
    } else {
      m.second[bucket] |= std::uint32_t{1} << 31;
    }
  }
  return m;
}
inline constexpr message_start_bits message_starts = make_message_starts();
static_assert(first_word_max <= 31, "ipsecerr: a first word's length is a bit of a 32-bit mask");
constexpr bool no_message_starts_with_a_digit() noexcept {
  for (const error_info& e : table) {
    if (e.kind != kind::marker && is_digit_byte(e.message[0])) return false;
  }
  return true;
}
static_assert(no_message_starts_with_a_digit(), "ipsecerr: message starts skip words of digits");

// Whether the word p[s, w) may start a message (n: where the known bytes end): its first byte
// and length, the byte after it, and the first letter of the next word.
inline bool may_start_message(const char* p, std::size_t s, std::size_t w, std::size_t n) noexcept {
  if (w - s > 31) return false;
  const auto c0 = static_cast<unsigned char>(to_lower(p[s])) & 127u;
  if ((message_starts.sizes[c0] >> (w - s) & 1u) == 0) return false;
  if (w == n) return true;
  const auto f = static_cast<unsigned char>(p[w]);
  const bool blank = f == ' ' || f == '\t';
  if (!blank && (f >= 128 || (message_starts.follow[f / 64] >> (f % 64) & 1u) == 0)) return false;
  const std::uint32_t second = message_starts.second[first_word_hash(p + s, w - s)];
  if ((second >> 31) != 0) return true;
  if (!blank) return false;
  std::size_t k = w;
  while (k < n && (p[k] == ' ' || p[k] == '\t')) ++k;
  if (k == n) return true;
  return msg_alnum(p[k]) && (second >> (static_cast<unsigned char>(p[k]) & 31u) & 1u) != 0;
}

// Whether the word starting at p[k] may start a message (or a RAS phrase) by its first three
// bytes (folded; a filter only). p[k + 1] and p[k + 2] must be readable.
inline bool message_triple(const char* p, std::size_t k) noexcept {
  const unsigned f0 = (static_cast<unsigned char>(p[k]) | 0x20u) & 127u;
  if (!msg_alnum(p[k + 1])) return (message_starts.one_letter[f0 / 64] >> (f0 % 64) & 1u) != 0;
  const unsigned f1 = (static_cast<unsigned char>(p[k + 1]) | 0x20u) & 127u;
  const unsigned f2 = msg_alnum(p[k + 2]) ? (static_cast<unsigned char>(p[k + 2]) | 0x20u) : 0u;
  const std::size_t x = triple_index(f0, f1, f2);
  return (message_starts.triples[x / 64] >> (x % 64) & 1u) != 0;
}

// ---- RAS codes where the line says it is one. ----

// A RAS code found in a text: the entry and where its number ends (the place for the name).
struct ras_hit {
  const error_info* entry = nullptr;
  std::size_t end = 0;
};

// Whether the line of text[at] holds, between `from` and `to`, a word that says it is about a
// VPN connection: VPN, L2TP, IPsec, IKE, IKEv2, RasClient (any case, whole words), or the
// RasClient phrase "dialed a connection". The line ends the search both ways.
constexpr bool vpn_context(std::string_view text, std::size_t at, std::size_t from,
                           std::size_t to) noexcept {
  std::size_t b = at;
  while (b > from && text[b - 1] != '\n') --b;
  std::size_t e = at;
  while (e < to && text[e] != '\n') ++e;
  for (std::size_t k = b; k < e; ++k) {
    if (k > b && msg_alnum(text[k - 1])) continue;
    for (const std::string_view w :
         {"vpn", "l2tp", "ipsec", "ike", "ikev2", "rasclient", "dialed a connection"}) {
      if (k + w.size() <= e && whole_word_at(text.substr(0, e), k, w)) return true;
    }
  }
  return false;
}

// How far around `error 809` ras_at() looks for the words that say the line is about a VPN.
inline constexpr std::size_t ras_context_before = 90;
inline constexpr std::size_t ras_context_after = 400;

// The RAS code named at the word text[s, w): `RAS 809`, `RAS error 809`, `RAS error code: 809`
// and RasClient's sentence `The error code returned on failure is 809.` (find_ras_phrase(),
// where only a RAS reading counts: 13801 there is an IPsec Win32 code, annotated as a token);
// or `error 809` / `Error 789:` when the line says it is about a VPN connection (vpn_context()
// within `before` bytes before the phrase and `after` bytes after it). The code must be in the
// RAS table. The text must hold the bytes that decide: `after` + 64 bytes after s, or the line end.
constexpr ras_hit ras_at(std::string_view text, std::size_t s, std::size_t w, std::size_t before,
                         std::size_t after) noexcept {
  if (!(w - s == 3 && word_at(text, s, "ras")) && !(w - s == 5 && word_at(text, s, "error"))) {
    return {};
  }
  const std::size_t view_end = text.size() - s > 64 ? s + 64 : text.size();
  const phrase_match m = find_ras_phrase(text.substr(0, view_end), s);
  if (m.found() && m.first == s) {
    if (m.space != code_space::ras) return {};
    const error_info* e = find_ras(m.code);
    return e == nullptr ? ras_hit{} : ras_hit{e, m.last};
  }
  if (w - s != 5) return {};
  const std::size_t p = skip_blanks(text.substr(0, view_end), w);
  if (p == w) return {};
  const std::size_t end = number_end(text.substr(0, view_end), p);
  if (end == 0 || end - p != 3) return {};
  const error_info* e = find_ras(static_cast<std::uint32_t>(
      (text[p] - '0') * 100 + (text[p + 1] - '0') * 10 + (text[p + 2] - '0')));
  if (e == nullptr) return {};
  const std::size_t from = s > before ? s - before : 0;
  const std::size_t to = text.size() - end > after ? end + after : text.size();
  return vpn_context(text, s, from, to) ? ras_hit{e, end} : ras_hit{};
}

// The starts of words (runs of ASCII letters and digits) of p[0, n) whose first two bytes may
// start a message, in order. `before` is the byte before p[0].
class message_start_finder {
 public:
  message_start_finder(const char* p, std::size_t n, char before) noexcept
      : p_(p), n_(n), before_(before) {}

  /// The first such word start at or after i (i never decreases from call to call), or n.
  std::size_t next(std::size_t i) noexcept {
    for (;;) {
      if (i < end_) {
        std::uint64_t left = i - block_ < 64 ? bits_ >> (i - block_) << (i - block_) : 0;
        while (left != 0) {
          const std::size_t k = block_ + lowest_bit(left);
          if (message_triple(p_, k)) return k;
          left &= left - 1;
        }
        i = end_;
      }
#if IPSECERR_ANNOTATE_SSE2
      if (i > n_ || n_ - i < 66) break;  // a block and the two bytes after it
      block_ = i;
      end_ = i + 64;
      std::uint64_t letters = 0;
      const std::uint64_t alnum = alnum64(p_ + i, letters);
      const std::uint64_t prev = msg_alnum(i == 0 ? before_ : p_[i - 1]) ? 1u : 0u;
      bits_ = letters & ~(alnum << 1 | prev);  // no message starts with a digit
#else
      break;
#endif
    }
    for (; i < n_; ++i) {
      const char b = i == 0 ? before_ : p_[i - 1];
      if (msg_alnum(p_[i]) && !is_digit_byte(p_[i]) && !msg_alnum(b) &&
          (i + 2 >= n_ || message_triple(p_, i))) {
        return i;
      }
    }
    return n_;
  }

 private:
#if IPSECERR_ANNOTATE_SSE2
  // One bit per byte of p[0, 64) that is an ASCII letter or digit (alnum), or a letter.
  static std::uint64_t alnum64(const char* p, std::uint64_t& letters) noexcept {
    std::uint64_t bits = 0;
    letters = 0;
    for (std::size_t q = 0; q < 4; ++q) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * q));
      const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
      const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                           _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                          _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
      const auto m = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
      bits |= std::uint64_t{m} << (16 * q);
      letters |= std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(letter))} << (16 * q);
    }
    return bits;
  }
#endif

  const char* p_;
  std::size_t n_;
  char before_;
  std::size_t block_ = 0;
  std::size_t end_ = 0;
  std::uint64_t bits_ = 0;
};

// The end of the word bytes starting at p[i].
inline std::size_t word_end(const char* p, std::size_t i, std::size_t n) noexcept {
  while (i < n && detail::is_word_byte(p[i])) ++i;
  return i;
}

// Whether a dump line starts at p[ls], or after a run of hex words: yes, no, or more bytes needed.
enum class verdict : std::uint8_t { no, yes, more };

// The blanks that separate the words of a memory dump.
constexpr bool dump_blank(char c) noexcept { return c == ' ' || c == '\t'; }

// The bytes from a line's start that decide whether it is a dump line (see dump_line).
inline constexpr std::size_t dump_window = 2 + 16 + 9 + 1 + 5 + 2 * (2 + 16 + 5) + 1;

// A line of a memory dump: an address column, `(0x)?[0-9a-fA-F]{8,16}` (WinDbg's
// `00000000`00a3f7c8` too), then ':' or a blank and up to 4 blanks, then two hex words of one
// width (2, 4, 8 or 16 digits, 0x or not) separated by 1 to 4 blanks, the second followed by a
// blank or the line's end: hexdump -C, xxd, od -A x -t x1, WinDbg db/dw/dd/dq, gdb x/. So a log
// line that starts with a date or an id and a number (`20261127 13801 failed`) is none. `n` is
// where the known bytes end; `last` says no bytes follow them.
inline verdict dump_line(const char* p, std::size_t ls, std::size_t n, bool last) noexcept {
  std::size_t i = ls;
  const verdict short_of_bytes = last ? verdict::no : verdict::more;
  // Hex digits from i: their count, or 0 with `more` set when the known bytes end among them.
  const auto hex_digits = [&](bool& more) {
    std::size_t count = 0;
    while (i < n && is_hex_byte(p[i]) && count <= 16) {
      ++i;
      ++count;
    }
    more = i == n && count <= 16;
    return count;
  };
  const auto prefix = [&] {
    if (i + 1 < n && p[i] == '0' && (p[i + 1] == 'x' || p[i + 1] == 'X')) i += 2;
  };
  const auto blanks = [&] {
    std::size_t b = 0;
    while (i < n && dump_blank(p[i]) && b <= 4) {
      ++i;
      ++b;
    }
    return b;
  };
  bool more = false;
  if (i + 1 >= n) return short_of_bytes;
  prefix();
  std::size_t count = hex_digits(more);
  if (more) return short_of_bytes;
  if (count < 8 || count > 16) return verdict::no;
  if (i == n) return short_of_bytes;
  if (p[i] == '`') {
    ++i;
    count = hex_digits(more);
    if (more) return short_of_bytes;
    if (count != 8 || i == n) return i == n ? short_of_bytes : verdict::no;
  }
  if (p[i] != ':' && !dump_blank(p[i])) return verdict::no;
  std::size_t gap = p[i] == ':' ? 0 : 1;
  ++i;
  gap += blanks();
  std::size_t width = 0;
  for (int word = 0; word < 2; ++word) {
    if (i == n) return short_of_bytes;
    if (gap == 0 || gap > 4) return verdict::no;
    const std::size_t start = i;
    prefix();
    count = hex_digits(more);
    if (more) return short_of_bytes;
    if (count != 2 && count != 4 && count != 8 && count != 16) return verdict::no;
    if (word == 1 && i - start != width) return verdict::no;
    width = i - start;
    if (i == n) return short_of_bytes;
    if (word == 1)
      return dump_blank(p[i]) || p[i] == '\n' || p[i] == '\r' ? verdict::yes : verdict::no;
    gap = blanks();
  }
  return verdict::no;
}

// A hex word: 0x or 0X and hex digits, or hex digits alone.
constexpr bool is_hex_word(const char* w, std::size_t size) noexcept {
  std::size_t i = size >= 3 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X') ? 2 : 0;
  if (i == size) return false;
  for (; i < size; ++i) {
    if (!is_hex_byte(w[i])) return false;
  }
  return true;
}

}  // namespace detail
}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_DETAIL_ANNOTATE_SCAN_HPP
