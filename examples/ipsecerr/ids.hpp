// SPDX-License-Identifier: MIT
// The list of component ids for messages and help (the ids themselves are the library's
// to_id()).
#ifndef IPSECERR_TOOL_IDS_HPP
#define IPSECERR_TOOL_IDS_HPP

#include <string>

namespace ipsecerr_tool {

/// "authip, winsock, ..., or dos_protection": every component's id, for messages and help.
std::string component_ids();

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_IDS_HPP
