// SPDX-License-Identifier: MIT
// The entries of --list and --search in every output format.
#ifndef IPSECERR_TOOL_ENTRIES_HPP
#define IPSECERR_TOOL_ENTRIES_HPP

#include <ipsecerr/ipsecerr.hpp>
#include <vector>

#include "options.hpp"
#include "output.hpp"

namespace ipsecerr_tool {

using entry_list = std::vector<const ipsecerr::error_info*>;

/// One line per entry: code, hex, name (padded to the longest), message.
void write_lines(const entry_list& entries, const palette& p);

/// One line: NAME CODE HEX MESSAGE, one space between (the message is the rest of the line).
void write_brief(const ipsecerr::error_info& e, const palette& p);

/// The entries in the format the options ask for.
void write_entries(const entry_list& entries, const options& o, const palette& p);

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_ENTRIES_HPP
