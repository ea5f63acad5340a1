// SPDX-License-Identifier: MIT
// The tool's JSON documents (nlohmann::ordered_json: members in the documented order).
#ifndef IPSECERR_TOOL_JSON_HPP
#define IPSECERR_TOOL_JSON_HPP

#include <ipsecerr/ipsecerr.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace ipsecerr_tool {

/// One entry of the table as a JSON object.
nlohmann::ordered_json entry_json(const ipsecerr::error_info& e);

/// The document's text: two-space indentation, a final newline, valid UTF-8 (each invalid
/// sequence becomes U+FFFD).
std::string json_text(const nlohmann::ordered_json& document);

/// `{"query": [...]}` for the arguments; not_found when any has no reading.
int lookup_json(const std::vector<std::string>& args);

/// `{"entries": [...]}`.
void write_entries_json(const std::vector<const ipsecerr::error_info*>& entries);

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_JSON_HPP
