// SPDX-License-Identifier: MIT
// ipsecerr: look up Windows IPsec/IKE error codes in any form, list, search, print JSON, and
// annotate logs with the names of the codes in them. This file runs the mode the command line
// asks for; each job has its own file (options, lookup, json, annotate).
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/ras.hpp>
#include <ipsecerr/search.hpp>
#include <iterator>
#include <string>
#include <vector>

#include "annotate.hpp"
#include "entries.hpp"
#include "ids.hpp"
#include "json.hpp"
#include "lookup.hpp"
#include "options.hpp"
#include "output.hpp"
#include "table.hpp"

namespace ipsecerr_tool {

ipsecerr_io::output& out() {
  static ipsecerr_io::output standard_output;
  return standard_output;
}

namespace {

palette colours(const options& o) {
  palette p;
  if (o.output != format::text) return p;  // JSON, CSV and TSV are never coloured
  if (o.color == "always") {
    p.on = true;
  } else if (o.color == "auto") {
#ifndef _WIN32  // Windows consoles need virtual terminal mode for escapes: only with always
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    p.on = ipsecerr_io::stdout_is_terminal() && (no_color == nullptr || *no_color == '\0') &&
           !(term != nullptr && std::strcmp(term, "dumb") == 0);
#endif
  }
  return p;
}

int list(const options& o, const palette& p) {
  if (o.operands.size() > 1) return usage_error_for("--list takes at most one component");
  entry_list entries;
  const std::string_view what =
      o.operands.empty() ? std::string_view("win32") : std::string_view(o.operands[0]);
  if (const auto* space = ipsecerr::from_id<ipsecerr::code_space>(what)) {  // a whole space
    const auto rows = *space == ipsecerr::code_space::ras ? ipsecerr::all_ras() : ipsecerr::all();
    for (const ipsecerr::error_info& e : rows) entries.push_back(&e);
  } else {
    const ipsecerr::component* known = ipsecerr::from_id<ipsecerr::component>(o.operands[0]);
    if (known == nullptr) {
      return usage_error_for(
          fmt::format("unknown component '{}': use a component ({}) or a code space (win32 or ras)",
                      shown(o.operands[0]), component_ids()));
    }
    for (const ipsecerr::error_info& e : ipsecerr::in_component(*known)) entries.push_back(&e);
    for (const ipsecerr::error_info& e : ipsecerr::all_ras()) {  // VPN clients' RAS codes
      if (e.component == *known) entries.push_back(&e);
    }
  }
  write_entries(entries, o, p);
  return found_all;
}

// The query without event log parameter ids (%%13824, the audit subcategory "User Account
// Management" in a Security event): they are no codes, so they must not lead a search as one.
std::string without_parameter_ids(std::string query) {
  for (std::size_t at = query.find("%%"); at != std::string::npos; at = query.find("%%", at)) {
    std::size_t end = at + 2;
    while (end < query.size() && query[end] >= '0' && query[end] <= '9') ++end;
    if (end > at + 2) query.replace(at, end - at, end - at, ' ');
    at = end;
  }
  return query;
}

int search(const options& o, const palette& p) {
  if (o.operands.empty()) return usage_error_for("--search needs at least one word");
  const std::string words = fmt::format("{}", fmt::join(o.operands, " "));
  const ipsecerr::ranked_results hits = ipsecerr::rank_search(without_parameter_ids(words));
  write_search(hits, o, p);
  if (!hits.empty()) return found_all;
  if (o.output == format::text) tell("no code matches '{}'", shown(words));
  return not_found;
}

std::unique_ptr<lookup_writer> lookup_writer_for(const options& o, const palette& p) {
  switch (o.output) {
    case format::text: return o.brief ? brief_lookups(p) : text_lookups(p);
    case format::json:
    case format::ndjson: return json_lookups(o.output == format::ndjson);
    case format::csv:
    case format::tsv: return table_lookups(o.output);
  }
  return text_lookups(p);
}

int run(const options& o) {
  const palette p = colours(o);
  if (o.quiet) {
    quiet() = true;
    out().discard();
  }
  switch (o.what) {
    case mode::lookup: return look_up(o, *lookup_writer_for(o, p));
    case mode::list: return list(o, p);
    case mode::search: return search(o, p);
    case mode::annotate: return annotate_files(o.operands, o.forms, p);
  }
  return usage_error;
}

// Writes out what is left; a write error is reported (unless the reader of a pipe has gone).
int finish(int status) {
  if (out().flush()) return status;
#ifdef EPIPE
  if (out().error() == EPIPE) return usage_error;  // the reader has gone: end quietly
#endif
  complain("cannot write to standard output: {}", std::strerror(out().error()));
  return usage_error;
}

}  // namespace
}  // namespace ipsecerr_tool

int main(int argc, char** argv) {
#ifdef SIGPIPE
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error (EPIPE), handled quietly
#endif
  ipsecerr_io::set_up_standard_streams();
  try {
    int status = ipsecerr_tool::found_all;
    if (const auto o = ipsecerr_tool::parse_options(argc, argv, status)) {
      status = ipsecerr_tool::run(*o);
    }
    return ipsecerr_tool::finish(status);
  } catch (const std::exception& e) {  // out of memory, at most
    std::fprintf(stderr, "ipsecerr: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "ipsecerr: unexpected error\n");
  }
  return ipsecerr_tool::usage_error;
}
