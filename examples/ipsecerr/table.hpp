// SPDX-License-Identifier: MIT
// CSV (RFC 4180: quoted where needed, CRLF line ends) and TSV (LF line ends, backslash escapes)
// for lookup tables: a header row, then one row per entry; the columns are the JSON entry's
// members in their order.
#ifndef IPSECERR_TOOL_TABLE_HPP
#define IPSECERR_TOOL_TABLE_HPP

#include <memory>

#include "entries.hpp"
#include "lookup.hpp"
#include "options.hpp"

namespace ipsecerr_tool {

/// The entries, one row each (format::csv or format::tsv); with ranks (a search), a first
/// column "rank".
void write_entries_table(const entry_list& entries, format f, const rank_list* ranks = nullptr);

/// Each token's known readings, one row each: input and form first, then the entry's columns.
std::unique_ptr<lookup_writer> table_lookups(format f);

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_TABLE_HPP
