// SPDX-License-Identifier: MIT
// ipsecerr::annotator: a streaming filter that copies text byte for byte, inserts " [NAME]" after
// every token that is a known IPsec code, and a member into JSON lines; bounded memory.
#ifndef IPSECERR_ANNOTATE_HPP
#define IPSECERR_ANNOTATE_HPP

#include <cstring>

#include "detail/annotator_core.hpp"

namespace ipsecerr {
inline namespace v1 {

/// A streaming filter: copies its input byte for byte and inserts annotations, for any chunking
/// of the input, with bounded memory and no allocation.
///
/// Plain lines. " [NAME]" follows every token that is a known IPsec code by the token rules of
/// find_in() (detail::code_of_word): a number (decimal, 0x hex, HRESULT as hex, unsigned or signed
/// decimal, NTSTATUS_FROM_WIN32, the driver's NTSTATUS twins and their HRESULT_FROM_NT),
/// optionally with a language literal suffix (0x3646L, 13894u), standing alone (not inside a
/// longer word or a dotted number such as 1.13894), with exactly one known reading in the forms
/// of the annotator (form_set::annotate_default() unless given). Never annotated: names, hex
/// without 0x (3646), anything after '%' (%1 placeholders, %%13824 event log parameter ids such as
/// the audit subcategory "User Account Management"), and memory dumps: a hex word (0x and hex
/// digits, or hex digits alone) of 4, 8 or 16 digits that stands in a run of three or more hex
/// words of the same length separated by 1 to 4 blanks, and every token on a line that starts with
/// an address column (see detail::dump_line: hexdump -C, xxd, WinDbg, gdb). Nor a number that its
/// line says is a process id, port, index or size, by the rule find_in() applies
/// (detail::context_says_no_code: `pid=13894`, `Source Port:\t13801`,
/// `<Data Name="ProcessID">13894</Data>`, `charon[13894]:`, `192.0.2.10:13801`, `udp/13806`,
/// `(13885 bytes)`); it reads up to 48 bytes of the line before the token and 16 after it.
///
/// JSON lines. A line whose first non-blank byte is '{' is never changed inside. It is read as
/// one JSON object while it streams (detail::json_line: RFC 8259, UTF-8 checked, nesting up to
/// json_max_depth). If it is one complete valid object followed only by blanks up to the end of
/// the line (at most json_tail_max bytes), holds codes in its numbers or string values (not in
/// the value of a member named as a process id, port or size: "pid", "ProcessID", "port",
/// "bytes"; detail::is_id_key; nor, in a string value of at most json_value_max bytes, a number
/// that the context rule of plain lines, with the value as the line, says is none:
/// `"MESSAGE":"charon[13894]: ... (13885 bytes)"`), and has no member "ipsecerr" already, then
/// `,"ipsecerr":[...]` is inserted just before its final '}' (the comma is left out for an empty
/// object): one element
/// `{"code":13801,"name":"ERROR_IPSEC_IKE_AUTH_FAIL","at":"/ErrorCode"}` per code in text order,
/// `at` the RFC 6901 JSON Pointer of the value (null when longer than 256 bytes), at most
/// json_max_codes elements, then `{"truncated":true}` when the line held more. With message
/// texts, a string value of at most json_value_max bytes (as written) that is or holds a Windows
/// message (find_messages() on the value, which is a whole field) adds one element per entry,
/// marked: `{"code":13825,"name":"ERROR_IPSEC_IKE_NO_POLICY","at":"/FailureReason",
/// "match":"message"}` (entries that share the text: one element each). Anything else
/// (invalid JSON, a second value on the line, a line that ends before the object does, such as
/// pretty-printed JSON) passes through unchanged. A JSON line of any length takes no more memory.
/// For speed, a JSON line is recognised at a token that the plain rules take for a code (or at a
/// message text or RAS phrase the plain rules find), or as the line in progress at the end of a
/// chunk; so a JSON line whose only codes follow an escape
/// (`"\n13801"`) gets no member (and stays unchanged, like every JSON line).
///
/// RAS codes (form::ras, in default_forms()) only where the line says the number is one, with
/// " [NAME]" after the number (`RAS error 809 [ERROR_VPN_TIMEOUT]`): `RAS 809`, `RAS error 809`,
/// `RAS error code: 809`, RasClient's sentence `The error code returned on failure is 809.`
/// (find_ras_phrase(); a number there that is an IPsec Win32 code, as IKEv2 clients write 13801,
/// is annotated once, by the token rules), and `error 809` / `Error 789:` (a 3-digit number of the
/// RAS table right after the word error) on a line about a VPN connection: the line holds, within
/// 90 bytes before the word error or 400 bytes after the number, one of the whole words VPN, L2TP,
/// IPsec, IKE, IKEv2, RasClient (any case) or the phrase "dialed a connection". Never a bare
/// number (form::ras never makes a token a code: 789, 0789, 0x315 stay as they are), never
/// `Error 766` of an unrelated program. The default includes RAS: RasClient events (20227 and
/// its sentence) are the most common VPN client logs, and the rule only fires where the line
/// names the space or is about a VPN; form_set::annotate_default() (the tool's "default" list)
/// holds it.
///
/// Windows event System fields are never annotated: the text of <Task>, <Opcode>, <Keywords>,
/// <EventID>, <EventRecordID>, <Level> and <Version> (`<Task>13824</Task>` is the audit category
/// "User Account Management"), and ProcessID= / ThreadID= attribute values; the name must stand
/// within history_size (96) bytes before the value.
///
/// Message texts (form_set::messages(), in the default set). In a plain or XML line, a Windows
/// message found by the rule of find_messages() gets " [NAME]" right after the text (before an
/// extra final period or a closing quote): a distinctive text (is_distinctive(): five words or
/// more, or four with an IPsec term) anywhere at word boundaries; any other text (`No policy
/// configured`, `Negotiation timed out`) only as a whole field: the whole line, a quoted string,
/// an XML element's text, a tab-separated cell, or the rest of the line after a `Label:`. Where
/// several entries share the text, one bracket per entry in code order:
/// `Negotiation took too long [ERROR_IPSEC_IKE_MM_DELAY_DROP] [ERROR_IPSEC_IKE_QM_DELAY_DROP]`.
/// Where several messages start at one word the longest wins; found messages do not overlap.
/// A message on a JSON line makes it read as JSON, as a code does (see JSON lines).
///
/// Held between chunks: with message texts, at most max_carry = message_lookahead input bytes of
/// a plain line (message_span_max + field_context_max + 1 = 949 with today's tables: a word is
/// decided when that many bytes follow its start, or its line has ended), and history_size (96)
/// bytes before them for the field rule's look back; without message texts, at most
/// token_carry (96) bytes (a token and what decides it). Then json_tail_max bytes after a JSON
/// line's final '}', and the JSON reader's fixed state. No allocation, whatever the line length.
///
/// A UTF-8 byte order mark (EF BB BF) at the start of the input passes through as it is, and the
/// first line starts after it: a JSON object or a message text that is the first line of a file
/// saved with one (Windows PowerShell 5.1 writes it for UTF-8) is read as on any other line.
///
/// Use: `a.feed(chunk, out)` for each chunk, then `a.finish(out)`; `out(std::string_view bytes,
/// bool inserted)` receives the output in order (the views are valid only during the call), and
/// the pieces with `inserted == false` are exactly the input.
class annotator : private detail::annotator_core {
 public:
  /// The most bytes held between chunks and the JSON limits (see the class comment):
  /// token_carry, message_lookahead, max_carry, json_max_depth, json_max_codes, json_tail_max,
  /// json_value_max.
  using annotator_core::json_max_codes;
  using annotator_core::json_max_depth;
  using annotator_core::json_tail_max;
  using annotator_core::json_value_max;
  using annotator_core::max_carry;
  using annotator_core::message_lookahead;
  using annotator_core::token_carry;

  /// What an annotator marks unless told otherwise: form_set::annotate_default(), which holds
  /// RAS codes named as such (form::ras; see the class comment for why).
  [[nodiscard]] static constexpr form_set default_forms() noexcept {
    return form_set::annotate_default();
  }

  /// An annotator of the forms in default_forms().
  annotator() noexcept { reset(); }
  /// An annotator of the forms in `forms` only (e.g. parse_form_list("hresult").forms). It looks
  /// only at tokens that start like a number code, so names and bare_hex are never annotated,
  /// whatever the set; event_insert never is either (%%N is no code).
  explicit annotator(form_set forms) noexcept : annotator_core(forms) { reset(); }

  /// The forms this annotator marks.
  [[nodiscard]] form_set forms() const noexcept { return forms_; }

  /// Passes a chunk through out(bytes, inserted), holding back what the next chunk decides.
  template <class Out>
  void feed(std::string_view chunk, Out&& out) {
    if (signature_ < signature_decided) {
      chunk = take_signature(chunk, out);
      if (chunk.empty()) return;
    }
    feed_text(chunk, out);
  }

  /// Passes the held bytes through (the input has ended) and resets for a new input.
  template <class Out>
  void finish(Out&& out) {
    if (signature_ < signature_decided) no_signature(out);  // the input ended inside a BOM's start
    char held[max_carry];
    const std::size_t size = carry_size_;
    if (size > 0) std::memcpy(held, carry_, size);
    carry_size_ = 0;
    scan(held, size, true, out);
    reset();
  }

  /// The number of input bytes of a plain line held back (at most max_carry).
  [[nodiscard]] std::size_t carried() const noexcept { return carry_size_; }

  /// Forgets any held bytes and starts a new input.
  void reset() noexcept {
    reset_state();
    signature_ = 0;
  }

 private:
  // The UTF-8 byte order mark, and how much of it the input has started with (0 to 2), or
  // signature_decided once the input's first bytes are known to hold it or not.
  static constexpr char utf8_bom[] = "\xEF\xBB\xBF";
  static constexpr std::size_t signature_decided = 3;
  std::size_t signature_ = 0;

  // At the input's start: passes a UTF-8 byte order mark through as it is, so that the first
  // line starts after it, and returns the rest of the chunk. Bytes that turn out not to be one
  // are text.
  template <class Out>
  std::string_view take_signature(std::string_view chunk, Out& out) {
    while (!chunk.empty() && signature_ < signature_decided) {
      if (chunk.front() != utf8_bom[signature_]) {
        no_signature(out);
        return chunk;
      }
      ++signature_;
      chunk.remove_prefix(1);
    }
    if (signature_ == signature_decided) out(std::string_view(utf8_bom, 3), false);
    return chunk;
  }

  // Decides that the input starts with no BOM: the bytes of one taken so far are text.
  template <class Out>
  void no_signature(Out& out) {
    const std::size_t seen = signature_;
    signature_ = signature_decided;
    if (seen > 0) feed_text(std::string_view(utf8_bom, seen), out);
  }

  template <class Out>
  void feed_text(std::string_view chunk, Out& out) {
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
