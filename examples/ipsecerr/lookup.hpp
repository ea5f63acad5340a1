// SPDX-License-Identifier: MIT
// The tool's text output: a lookup's blocks (every reading of each argument, in colour on
// request), and the one-line-per-entry table of --list and --search.
#ifndef IPSECERR_TOOL_LOOKUP_HPP
#define IPSECERR_TOOL_LOOKUP_HPP

#include <ipsecerr/ipsecerr.hpp>
#include <string>
#include <vector>

#include "output.hpp"

namespace ipsecerr_tool {

/// Looks up each argument and writes its blocks; not_found when any has no reading.
int lookup_text(const std::vector<std::string>& args, const palette& p);

/// One line per entry: code, hex, name (padded to the longest), message.
void write_lines(const std::vector<const ipsecerr::error_info*>& entries, const palette& p);

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_LOOKUP_HPP
