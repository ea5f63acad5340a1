// SPDX-License-Identifier: MIT
// ipsecerr::annotator: a streaming filter that copies text byte for byte and inserts " [NAME]"
// after every token that is a known IPsec code; bounded memory, no allocation.
#ifndef IPSECERR_ANNOTATE_HPP
#define IPSECERR_ANNOTATE_HPP

#include <cstring>

#include "find.hpp"
#include "form.hpp"
#include "parse.hpp"

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
inline sse2_masks masks16(const char* p) noexcept {
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
inline std::uint64_t block_candidates(const char* p) noexcept {
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
inline std::uint64_t block_candidates(const char* p) noexcept {
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
  std::size_t next(std::size_t i) noexcept {
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

// The end of the word bytes starting at p[i].
inline std::size_t word_end(const char* p, std::size_t i, std::size_t n) noexcept {
  while (i < n && detail::is_word_byte(p[i])) ++i;
  return i;
}

}  // namespace detail

/// A streaming filter: copies its input byte for byte and inserts " [NAME]" after every token that
/// is a known IPsec code, for any chunking of the input, with at most max_carry bytes held.
///
/// Token rules. A word is a maximal run of ASCII letters, digits and '_'; every other byte
/// (punctuation, space, control bytes, NUL, bytes >= 0x80) separates words. A word can be a code
/// only if it starts with a digit, is not preceded by a word byte, and is either 0x (or 0X)
/// followed by 3 to 8 hex digits, or 4 to 10 decimal digits (so `113894`, `A13894`, `13894abc`,
/// `x13894` are not codes). Just before the word: a `%` makes it no code (`%1` is a placeholder,
/// `%%13824` an event log parameter message id, e.g. an audit subcategory); a `-` that
/// is not preceded by a word byte is a minus sign, so `-2147011002` is a signed HRESULT and any
/// other negative number (`-13894`, `-0x3646`) is no code, while a `-` after a word byte separates
/// (`2026-11-27`, `13000-13894`). A word preceded by a digit and '.' or followed by '.' and a digit
/// is part of a dotted number (`1.13894`, `13894.5`); a '.' before anything else ends a sentence
/// (`code=13894.`). The token (prefix and word) is then read by parse(), and annotated when it
/// has exactly one known reading other than hex without 0x: decimal, 0x hex, HRESULT (hex,
/// unsigned or signed decimal), NTSTATUS_FROM_WIN32, the driver's NTSTATUS twins and their
/// HRESULT_FROM_NT. So `3646` (known only as hex without 0x) is left alone, and
/// names are never annotated. The annotation, " [" NAME "]", follows the token's last byte.
///
/// Use: `a.feed(chunk, out)` for each chunk, then `a.finish(out)`; `out(std::string_view bytes,
/// bool inserted)` receives the output in order (the views are valid only during the call), and
/// the pieces with `inserted == false` are exactly the input.
class annotator {
 public:
  /// The most bytes held between chunks: a candidate word (a number and a literal suffix) and a
  /// '.' after it.
  static constexpr std::size_t max_carry = detail::code_word_max + 1;

  /// An annotator of the forms in form_set::annotate_default().
  annotator() noexcept = default;
  /// An annotator of the forms in `forms` only (e.g. parse_form_list("hresult").forms). It looks
  /// only at tokens that start like a number code, so names and bare_hex are never annotated,
  /// whatever the set; event_insert never is either (%%N is no code).
  explicit annotator(form_set forms) noexcept : forms_(annotatable(forms)) {}

  /// The forms this annotator marks.
  [[nodiscard]] form_set forms() const noexcept { return forms_; }

  /// Passes a chunk through out(bytes, inserted), holding back at most max_carry bytes of a
  /// token that the next chunk may continue.
  template <class Out>
  void feed(std::string_view chunk, Out&& out) {
    const char* p = chunk.data();
    std::size_t n = chunk.size();
    if (n == 0) return;
    if (carry_size_ > 0) {
      // Join the held bytes with the chunk's start; the held token is decided within it.
      char joined[joined_capacity];
      const std::size_t held = carry_size_;
      const std::size_t take = n < joined_capacity - held ? n : joined_capacity - held;
      std::memcpy(joined, carry_, held);
      std::memcpy(joined + held, p, take);
      carry_size_ = 0;
      const std::size_t done = scan(joined, held + take, false, out);
      if (take == n) return;  // the whole chunk was in `joined`; scan kept what it must
      // done >= held + take - max_carry > held: the rest is in the chunk, scanned from there.
      carry_size_ = 0;
      p += done - held;
      n -= done - held;
    }
    scan(p, n, false, out);
  }

  /// Passes the held bytes through (the input has ended) and resets for a new input.
  template <class Out>
  void finish(Out&& out) {
    char held[max_carry];
    const std::size_t size = carry_size_;
    if (size > 0) std::memcpy(held, carry_, size);
    carry_size_ = 0;
    if (size > 0) scan(held, size, true, out);
    reset();
  }

  /// The number of input bytes held back, waiting for the next chunk (at most max_carry).
  [[nodiscard]] std::size_t carried() const noexcept { return carry_size_; }

  /// Forgets any held bytes and starts a new input.
  void reset() noexcept {
    carry_size_ = 0;
    before_[0] = before_[1] = ' ';
  }

 private:
  static constexpr form_set annotatable(form_set forms) noexcept {
    return forms - form_set::names() - form::bare_hex - form::event_insert;
  }

  static constexpr std::size_t joined_capacity = 64;
  static_assert(joined_capacity > 2 * max_carry, "annotator: the join must pass the held bytes");

  // The byte k (1 or 2) positions before p[i], from p or from the bytes before p.
  char back(const char* p, std::size_t i, std::size_t k) const noexcept {
    return i >= k ? p[i - k] : before_[k - i - 1];
  }

  // Emits the decided part of p[0, n) with its annotations, holds the rest (an undecided token
  // at the end, unless `last`) and returns the size of the decided part.
  template <class Out>
  std::size_t scan(const char* p, std::size_t n, bool last, Out& out) {
    std::size_t emitted = 0;
    std::size_t done = n;
    std::size_t i = 0;
    detail::candidate_finder candidates(p, n);
    while ((i = candidates.next(i)) < n) {
      // A word that can be a code starts with its candidate (i is never inside a word, except
      // at 0, where the word may go on from before p), so one inside a word is none.
      const std::size_t start = i;
      const std::size_t end = detail::word_end(p, i + 1, n);
      i = end;
      if (detail::is_word_byte(back(p, start, 1))) continue;
      const bool fits = end - start <= detail::code_word_max;
      // Undecided: the word may go on in the next chunk, or a '.' may be followed by a digit.
      if (!last && fits && (end == n || (end + 1 == n && p[end] == '.'))) {
        done = start;
        break;
      }
      if (!fits) continue;
      const char a1 = end < n ? p[end] : ' ';
      const char a2 = end + 1 < n ? p[end + 1] : ' ';
      const error_info* hit =
          detail::code_of_word(std::string_view(p + start, end - start), back(p, start, 1),
                               back(p, start, 2), a1, a2, forms_)
              .entry;
      if (hit != nullptr) {
        out(std::string_view(p + emitted, end - emitted), false);
        out(std::string_view(" [", 2), true);
        out(hit->name, true);
        out(std::string_view("]", 1), true);
        emitted = end;
      }
    }
    if (!last && done == n) {
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
    if (done > emitted) out(std::string_view(p + emitted, done - emitted), false);
    const char b1 = back(p, done, 1);
    const char b2 = back(p, done, 2);
    before_[0] = b1;
    before_[1] = b2;
    carry_size_ = n - done;
    if (carry_size_ > 0) std::memcpy(carry_, p + done, carry_size_);
    return done;
  }

  char carry_[max_carry] = {};
  std::size_t carry_size_ = 0;
  char before_[2] = {' ', ' '};  // the two bytes before the next byte to scan, nearest first
  form_set forms_ = annotatable(form_set::annotate_default());
};

/// Annotates a whole text at once: feed(text, out) then finish(out).
template <class Out>
void annotate(std::string_view text, Out&& out) {
  annotator a;
  a.feed(text, out);
  a.finish(out);
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_ANNOTATE_HPP
