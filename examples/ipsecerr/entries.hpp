// SPDX-License-Identifier: MIT
// The entries of --list and --search in every output format.
#ifndef IPSECERR_TOOL_ENTRIES_HPP
#define IPSECERR_TOOL_ENTRIES_HPP

#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/search.hpp>
#include <string_view>
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

/// The rank class of each entry of a search, by to_string(search_rank): "code", "exact", ...
using rank_list = std::vector<std::string_view>;

/// The results of --search, best first, in the format the options ask for. Text: the lines of
/// write_lines(), each rank class under a heading when there are several or the matches are
/// partial; -b: the brief lines alone; JSON, CSV and TSV: each entry with its "rank" first.
void write_search(const ipsecerr::ranked_results& hits, const options& o, const palette& p);

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_ENTRIES_HPP
