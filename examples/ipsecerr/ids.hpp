// SPDX-License-Identifier: MIT
// Identifiers for JSON and the command line that the library does not spell yet: the ids of
// parse()'s forms, and the list of component ids for messages.
#ifndef IPSECERR_TOOL_IDS_HPP
#define IPSECERR_TOOL_IDS_HPP

#include <ipsecerr/parse.hpp>
#include <string>
#include <string_view>

namespace ipsecerr_tool {

/// The form's id (the enumerator's name), as the README's JSON section lists them. parse.hpp
/// has only to_string(form), a label for people.
std::string_view id_of(ipsecerr::form f);

/// "authip, winsock, ..., or dos_protection": every component's id, for messages and help.
std::string component_ids();

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_IDS_HPP
