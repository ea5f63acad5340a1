// SPDX-License-Identifier: MIT
// The entries of --list and --search in every output format (see entries.hpp).
#include "entries.hpp"

#include <algorithm>

#include "json.hpp"
#include "table.hpp"

namespace ipsecerr_tool {

void write_lines(const entry_list& entries, const palette& p) {
  std::size_t width = 0;
  for (const auto* e : entries) width = std::max(width, e->name.size());
  for (const auto* e : entries) {
    print("{:>5}  {:<6}  {}{}{}{:{}}  {}\n", ipsecerr::to_decimal(e->code).view(),
          ipsecerr::to_hex(e->code).view(), p.name(), e->name, p.reset(), "",
          width - e->name.size(), e->message);
  }
}

void write_brief(const ipsecerr::error_info& e, const palette& p) {
  print("{}{}{} {} {} {}\n", p.name(), e.name, p.reset(), ipsecerr::to_decimal(e.code).view(),
        ipsecerr::to_hex(e.code).view(), e.message);
}

void write_entries(const entry_list& entries, const options& o, const palette& p) {
  switch (o.output) {
    case format::text:
      if (o.brief) {
        for (const auto* e : entries) write_brief(*e, p);
      } else {
        write_lines(entries, p);
      }
      return;
    case format::json:
    case format::ndjson: write_entries_json(entries, o.output == format::ndjson); return;
    case format::csv:
    case format::tsv: write_entries_table(entries, o.output); return;
  }
}

}  // namespace ipsecerr_tool
