// SPDX-License-Identifier: MIT
// The list of component ids for messages and help (see ids.hpp).
#include "ids.hpp"

#include <fmt/format.h>

#include <ipsecerr/ipsecerr.hpp>

namespace ipsecerr_tool {

std::string component_ids() {
  std::string ids;
  const auto all = ipsecerr::enumerators<ipsecerr::component>();
  for (const ipsecerr::component c : all) {
    fmt::format_to(std::back_inserter(ids), "{}{}",
                   ids.empty()          ? ""
                   : c == all.end()[-1] ? " or "
                                        : ", ",
                   ipsecerr::to_id(c));
  }
  return ids;
}

}  // namespace ipsecerr_tool
