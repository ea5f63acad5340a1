// SPDX-License-Identifier: MIT
// The tool's JSON (nlohmann::ordered_json: members in the documented order): entries, lookups
// as one document or one object per line (NDJSON).
#ifndef IPSECERR_TOOL_JSON_HPP
#define IPSECERR_TOOL_JSON_HPP

#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/parse.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "entries.hpp"
#include "lookup.hpp"

namespace ipsecerr_tool {

/// One entry of the table.
nlohmann::ordered_json entry_json(const ipsecerr::error_info& e);

/// One token looked up: {"input", "readings"}.
nlohmann::ordered_json query_json(std::string_view input, const ipsecerr::readings& r);

/// `{"query": [...]}` written element by element, or one element per line (NDJSON).
std::unique_ptr<lookup_writer> json_lookups(bool one_per_line);

/// `{"entries": [...]}`, or one entry per line (NDJSON); with ranks (a search), each entry
/// starts with its "rank".
void write_entries_json(const entry_list& entries, bool one_per_line,
                        const rank_list* ranks = nullptr);

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_JSON_HPP
