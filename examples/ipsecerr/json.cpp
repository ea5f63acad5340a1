// SPDX-License-Identifier: MIT
// The tool's JSON documents (see json.hpp).
#include "json.hpp"

#include <ipsecerr/parse.hpp>

#include "ids.hpp"
#include "output.hpp"

namespace ipsecerr_tool {

using json = nlohmann::ordered_json;

json entry_json(const ipsecerr::error_info& e) {
  json related = json::array();
  for (const ipsecerr::related_code& r : ipsecerr::related(e.code)) {
    related.push_back(
        {{"code", r.code}, {"name", ipsecerr::find(r.code)->name}, {"reason", id_of(r.reason)}});
  }
  return {{"code", e.code},
          {"hex", ipsecerr::to_hex(e.code).view()},
          {"hresult", ipsecerr::to_hex(ipsecerr::to_hresult(e.code)).view()},
          {"name", e.name},
          {"kind", id_of(e.kind)},
          {"category", id_of(e.category)},
          {"phase", id_of(e.phase)},
          {"message", e.message},
          {"hint", e.hint},
          {"ntstatus", e.ntstatus != 0 ? json(ipsecerr::to_hex(e.ntstatus).view()) : json()},
          {"related", std::move(related)}};
}

std::string json_text(const json& document) {
  return document.dump(2, ' ', false, json::error_handler_t::replace) + '\n';
}

int lookup_json(const std::vector<std::string>& args) {
  int status = found_all;
  json query = json::array();
  for (const std::string& arg : args) {
    const ipsecerr::readings r = ipsecerr::parse(arg);
    if (r.empty()) status = not_found;
    json readings = json::array();
    for (const ipsecerr::reading& x : r) {
      json reading = {{"form", id_of(x.form)}, {"code", x.code}, {"known", x.known()}};
      if (x.known()) reading["entry"] = entry_json(*x.info());
      readings.push_back(std::move(reading));
    }
    query.push_back({{"input", arg}, {"readings", std::move(readings)}});
  }
  out().write(json_text({{"query", std::move(query)}}));
  return status;
}

void write_entries_json(const std::vector<const ipsecerr::error_info*>& entries) {
  json list = json::array();
  for (const auto* e : entries) list.push_back(entry_json(*e));
  out().write(json_text({{"entries", std::move(list)}}));
}

}  // namespace ipsecerr_tool
