// SPDX-License-Identifier: MIT
// The tool's command line (CLI11): what to do, how to print it, and the operands in order.
#ifndef IPSECERR_TOOL_OPTIONS_HPP
#define IPSECERR_TOOL_OPTIONS_HPP

#include <ipsecerr/form.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipsecerr_tool {

enum class mode { lookup, list, search, annotate };

/// --format: text (blocks or lines), json (one document), ndjson (one JSON object per line),
/// csv (RFC 4180, CRLF) or tsv (LF, backslash escapes).
enum class format { text, json, ndjson, csv, tsv };

std::string_view name_of(format f);

struct options {
  mode what = mode::lookup;
  format output = format::text;
  bool brief = false;          ///< -b: one line per code found
  bool quiet = false;          ///< -q: only the exit status
  std::string color = "auto";  ///< never, always or auto
  /// --annotate-forms: what --annotate marks (form ids and groups, parse_form_list()).
  ipsecerr::form_set forms = ipsecerr::form_set::annotate_default();
  std::vector<std::string> operands;
};

/// Reads the command line. Returns the options, or the exit status when it is all done (help,
/// version, or a usage error already reported on standard error).
std::optional<options> parse_options(int argc, char** argv, int& status);

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_OPTIONS_HPP
