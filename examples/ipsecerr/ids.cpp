// SPDX-License-Identifier: MIT
// The identifiers of the library's enumerators (see ids.hpp).
#include "ids.hpp"

namespace ipsecerr_tool {

std::string_view id_of(ipsecerr::kind k) {
  switch (k) {
    case ipsecerr::kind::error: return "error";
    case ipsecerr::kind::warning: return "warning";
    case ipsecerr::kind::marker: return "marker";
  }
  return "?";
}

std::string_view id_of(ipsecerr::component c) {
  switch (c) {
    case ipsecerr::component::authip: return "authip";
    case ipsecerr::component::winsock: return "winsock";
    case ipsecerr::component::policy_store: return "policy_store";
    case ipsecerr::component::ike: return "ike";
    case ipsecerr::component::driver: return "driver";
    case ipsecerr::component::dos_protection: return "dos_protection";
  }
  return "?";
}

std::string_view id_of(ipsecerr::phase p) {
  switch (p) {
    case ipsecerr::phase::none: return "none";
    case ipsecerr::phase::main_mode: return "main_mode";
    case ipsecerr::phase::quick_mode: return "quick_mode";
    case ipsecerr::phase::extended_mode: return "extended_mode";
    case ipsecerr::phase::any: return "any";
  }
  return "?";
}

std::string_view id_of(ipsecerr::link_reason r) {
  switch (r) {
    case ipsecerr::link_reason::same_text: return "same_text";
    case ipsecerr::link_reason::counterpart: return "counterpart";
    case ipsecerr::link_reason::same_object: return "same_object";
    case ipsecerr::link_reason::same_family: return "same_family";
    case ipsecerr::link_reason::cause_effect: return "cause_effect";
  }
  return "?";
}

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
  }
  return "?";
}

}  // namespace ipsecerr_tool
