// SPDX-License-Identifier: MIT
// The identifiers of the library's enumerators used in JSON and on the command line (the C++
// enumerators' names).
#ifndef IPSECERR_TOOL_IDS_HPP
#define IPSECERR_TOOL_IDS_HPP

#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/parse.hpp>
#include <string_view>

namespace ipsecerr_tool {

std::string_view id_of(ipsecerr::kind k);
std::string_view id_of(ipsecerr::component c);
std::string_view id_of(ipsecerr::phase p);
std::string_view id_of(ipsecerr::link_reason r);
std::string_view id_of(ipsecerr::form f);

/// Every component, in the order of the table's components.
inline constexpr ipsecerr::component all_components[] = {
    ipsecerr::component::authip, ipsecerr::component::winsock, ipsecerr::component::policy_store,
    ipsecerr::component::ike,    ipsecerr::component::driver,  ipsecerr::component::dos_protection};

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_IDS_HPP
