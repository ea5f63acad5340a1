// SPDX-License-Identifier: MIT
// ipsecerr internals: the annotator's scanner, the search for bytes that can start a code (SSE2 or
// portable), and the rules that recognise memory dumps. Message texts and RAS phrases:
// annotate_words.hpp.
#ifndef IPSECERR_DETAIL_ANNOTATE_SCAN_HPP
#define IPSECERR_DETAIL_ANNOTATE_SCAN_HPP

#include <cstddef>
#include <cstdint>

#include "../find.hpp"

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

// Every code's decimal form starts with 11, 13 or 14 (1469, 11033, 13000 to 13932), and its
// HRESULT as unsigned (2147942400 to 2148007935) and as signed decimal (-2146959361 to
// -2147024896) with 21; leading zeros may come first. So a decimal token to annotate starts with
// 0, 11, 13, 14 or 21.
constexpr bool decimal_prefix(char a, char b) noexcept {
  return a == '0' || (a == '1' && (b == '1' || b == '3' || b == '4')) || (a == '2' && b == '1');
}
constexpr bool codes_have_decimal_prefixes() noexcept {
  for (const error_info& e : table) {
    const code_text t = to_decimal(e.code);
    if (!decimal_prefix(t.data()[0], t.data()[1])) return false;
  }
  // The ends of each range: numbers of as many digits between them share their first digits.
  for (const std::uint32_t v : {0x80070000u, 0x8007FFFFu, 0u - 0x80070000u, 0u - 0x8007FFFFu}) {
    const code_text t = to_decimal(v);
    if (t.view().size() != 10 || !decimal_prefix(t.data()[0], t.data()[1])) return false;
  }
  return true;
}
static_assert(codes_have_decimal_prefixes(),
              "ipsecerr: the annotator looks for decimal codes starting with 0, 11, 13, 14 or 21");

// Whether p[k] starts "0x" or "0X", or a run of decimal digits (the byte before is none, or k is
// 0) of at least 4 that starts with decimal_prefix(), within p[0, n): every token that can be
// annotated starts so, so every other byte is passed over without a closer look.
inline bool starts_candidate(const char* p, std::size_t k, std::size_t n) noexcept {
  if (k + 1 < n && p[k] == '0' && (p[k + 1] == 'x' || p[k + 1] == 'X')) return true;
  return k + 4 <= n && (k == 0 || !detail::is_digit_byte(p[k - 1])) &&
         decimal_prefix(p[k], p[k + 1]) && detail::is_digit_byte(p[k]) &&
         detail::is_digit_byte(p[k + 1]) && detail::is_digit_byte(p[k + 2]) &&
         detail::is_digit_byte(p[k + 3]);
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

// The candidates of one block: a bit per position that may be a candidate (every one that
// starts_candidate is), for the first `step` positions of the block (the last few need bytes
// after the block, so the next block starts there).
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
  // Runs of 4 digits from 0-2, not after a digit (position 0: the byte before is not read); the
  // first two digits are looked at when the position comes up (candidate_finder::next).
  const std::uint64_t found =
      (low & ~(digit << 1) & (digit >> 1) & (digit >> 2) & (digit >> 3)) | (zero & (ex >> 1));
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
        // The block's bits are a first cut; starts_candidate() decides.
        for (std::uint64_t left = bits_ >> (bits_per_byte * (i - block_)); left != 0;
             left &= left - 1) {
          const std::size_t k = i + lowest_bit(left) / bits_per_byte;
          if (starts_candidate(p_, k, n_)) return k;
        }
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

// The end of the word bytes starting at p[i].
inline std::size_t word_end(const char* p, std::size_t i, std::size_t n) noexcept {
  while (i < n && detail::is_word_byte(p[i])) ++i;
  return i;
}

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
