// SPDX-License-Identifier: MIT
// Lookups in every output format: each token (an argument, or a line of standard input) goes to
// a writer as it is read, so that standard input streams with bounded memory.
#ifndef IPSECERR_TOOL_LOOKUP_HPP
#define IPSECERR_TOOL_LOOKUP_HPP

#include <ipsecerr/find.hpp>
#include <ipsecerr/message.hpp>
#include <ipsecerr/parse.hpp>
#include <memory>
#include <string_view>

#include "options.hpp"
#include "output.hpp"

namespace ipsecerr_tool {

/// Receives each token looked up, in order, with its readings, and writes it in its format.
class lookup_writer {
 public:
  lookup_writer() = default;
  lookup_writer(const lookup_writer&) = delete;
  lookup_writer& operator=(const lookup_writer&) = delete;
  virtual ~lookup_writer() = default;
  /// A token and its readings as a whole (none: not found).
  virtual void token(std::string_view input, const ipsecerr::readings& r) = 0;
  /// A token with no reading as a whole, and the codes find_in() found inside it (some).
  virtual void found(std::string_view input, const ipsecerr::found_codes& codes) = 0;
  /// A token with no code in it, and the entries whose Windows message it is or holds
  /// (find_message(): some).
  virtual void messages(std::string_view input, const ipsecerr::message_hits& hits) = 0;
  virtual void finish() {}
};

/// Text: every reading's block, blank lines between tokens; not found on standard error.
std::unique_ptr<lookup_writer> text_lookups(const palette& p);

/// -b: one line per code found, NAME CODE HEX MESSAGE; not found on standard error.
std::unique_ptr<lookup_writer> brief_lookups(const palette& p);

/// Looks up the operands in order, '-' (or nothing, when standard input is a pipe or a file)
/// meaning each line of standard input. A token with no reading as a whole is searched for
/// codes inside it (find_in: `hr=0x80073646;`, a pasted log line), and, with none there, for a
/// Windows message text (find_message: the whole token as a field, a field of it, or a
/// distinctive message inside it). found_all when every token gave a code.
int look_up(const options& o, lookup_writer& w);

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_LOOKUP_HPP
