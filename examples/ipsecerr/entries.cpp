// SPDX-License-Identifier: MIT
// The entries of --list and --search in every output format (see entries.hpp).
#include "entries.hpp"

#include <algorithm>

#include "json.hpp"
#include "table.hpp"

namespace ipsecerr_tool {

namespace {

std::size_t name_width(const entry_list& entries) {
  std::size_t width = 0;
  for (const auto* e : entries) width = std::max(width, e->name.size());
  return width;
}

void write_line(const ipsecerr::error_info& e, std::size_t width, const palette& p) {
  print("{:>5}  {:<6}  {}{}{}{:{}}  {}\n", ipsecerr::to_decimal(e.code).view(),
        ipsecerr::to_hex(e.code).view(), p.name(), e.name, p.reset(), "", width - e.name.size(),
        e.message);
}

// What a rank class means, for the heading of its group.
std::string_view rank_meaning(ipsecerr::search_rank r) {
  switch (r) {
    case ipsecerr::search_rank::code: return "the code or name";
    case ipsecerr::search_rank::exact: return "the message itself";
    case ipsecerr::search_rank::message: return "the message inside the query";
    case ipsecerr::search_rank::phrase: return "the words as a phrase";
    case ipsecerr::search_rank::all_words: return "every word";
    case ipsecerr::search_rank::all_substrings: return "every word, inside longer words";
    case ipsecerr::search_rank::keyword: return "every word, with the keywords";
    case ipsecerr::search_rank::partial: break;
  }
  return "?";
}

// The text lines of a search: a heading before each rank class when there are several classes
// or the matches are partial ("partial: 2 of 3 words").
void write_ranked_lines(const ipsecerr::ranked_results& hits, const palette& p) {
  entry_list entries;
  bool several = false;
  for (const ipsecerr::search_hit& h : hits) {
    several = several || h.rank != hits.begin()->rank;
    entries.push_back(h.entry);
  }
  const std::size_t width = name_width(entries);
  const ipsecerr::search_hit* previous = nullptr;
  for (const ipsecerr::search_hit& h : hits) {
    const bool partial = h.rank == ipsecerr::search_rank::partial;
    if ((several || partial) && (previous == nullptr || previous->rank != h.rank)) {
      print("{}{}: {}{}\n", p.bold(), ipsecerr::to_string(h.rank),
            partial ? fmt::format("{} of {} words", h.matched, h.words)
                    : std::string(rank_meaning(h.rank)),
            p.reset());
    }
    write_line(*h.entry, width, p);
    previous = &h;
  }
}

// The entries in the format the options ask for; text() writes the lines of plain text (-b: the
// brief lines), ranks (a search) go first in JSON, CSV and TSV.
template <class Text>
void write_in_format(const entry_list& entries, const rank_list* ranks, const options& o,
                     const palette& p, Text text) {
  switch (o.output) {
    case format::text:
      if (o.brief) {
        for (const auto* e : entries) write_brief(*e, p);
      } else {
        text();
      }
      return;
    case format::json:
    case format::ndjson: write_entries_json(entries, o.output == format::ndjson, ranks); return;
    case format::csv:
    case format::tsv: write_entries_table(entries, o.output, ranks); return;
  }
}

}  // namespace

void write_lines(const entry_list& entries, const palette& p) {
  const std::size_t width = name_width(entries);
  for (const auto* e : entries) write_line(*e, width, p);
}

void write_search(const ipsecerr::ranked_results& hits, const options& o, const palette& p) {
  entry_list entries;
  rank_list ranks;
  for (const ipsecerr::search_hit& h : hits) {
    entries.push_back(h.entry);
    ranks.push_back(ipsecerr::to_string(h.rank));
  }
  write_in_format(entries, &ranks, o, p, [&hits, &p] { write_ranked_lines(hits, p); });
}

void write_brief(const ipsecerr::error_info& e, const palette& p) {
  print("{}{}{} {} {} {}\n", p.name(), e.name, p.reset(), ipsecerr::to_decimal(e.code).view(),
        ipsecerr::to_hex(e.code).view(), e.message);
}

void write_entries(const entry_list& entries, const options& o, const palette& p) {
  write_in_format(entries, nullptr, o, p, [&entries, &p] { write_lines(entries, p); });
}

}  // namespace ipsecerr_tool
