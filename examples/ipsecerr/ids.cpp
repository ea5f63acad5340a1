// SPDX-License-Identifier: MIT
// Identifiers the library does not spell yet (see ids.hpp).
#include "ids.hpp"

#include <fmt/format.h>

#include <ipsecerr/ipsecerr.hpp>

namespace ipsecerr_tool {

std::string_view id_of(ipsecerr::form f) {
  switch (f) {
    case ipsecerr::form::decimal: return "decimal";
    case ipsecerr::form::hex: return "hex";
    case ipsecerr::form::bare_hex: return "bare_hex";
    case ipsecerr::form::hresult: return "hresult";
    case ipsecerr::form::hresult_decimal: return "hresult_decimal";
    case ipsecerr::form::hresult_signed: return "hresult_signed";
    case ipsecerr::form::ntstatus_win32: return "ntstatus_win32";
    case ipsecerr::form::ntstatus: return "ntstatus";
    case ipsecerr::form::hresult_from_nt: return "hresult_from_nt";
    case ipsecerr::form::event_insert: return "event_insert";
    case ipsecerr::form::name_exact: return "name_exact";
    case ipsecerr::form::name_case_insensitive: return "name_case_insensitive";
    case ipsecerr::form::name_suffix: return "name_suffix";
    case ipsecerr::form::ras: return "ras";
  }
  return "?";
}

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
