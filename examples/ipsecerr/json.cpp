// SPDX-License-Identifier: MIT
// The tool's JSON (see json.hpp). Text is valid UTF-8: nlohmann_json's serializer writes each
// invalid sequence as U+FFFD.
#include "json.hpp"

#include <ipsecerr/ras.hpp>

#include "ids.hpp"
#include "output.hpp"

namespace ipsecerr_tool {
namespace {

using json = nlohmann::ordered_json;

// The text: two-space indentation (none for NDJSON), then `indent` more on every line after
// the first.
std::string json_text(const json& value, bool one_line, std::string_view indent = "") {
  std::string text = value.dump(one_line ? -1 : 2, ' ', false, json::error_handler_t::replace);
  if (indent.empty()) return text;
  std::string indented;
  for (char c : text) {
    indented += c;
    if (c == '\n') indented += indent;  // no string holds a raw newline: JSON escapes it
  }
  return indented;
}

class json_writer : public lookup_writer {
 public:
  explicit json_writer(bool one_per_line) : one_per_line_(one_per_line) {}
  void token(std::string_view input, const ipsecerr::readings& r) override {
    write(query_json(input, r));
  }
  // The element of a token found inside: no readings as a whole, and "found": where each code
  // is (byte offset and length in the input), its form, code and entry.
  void found(std::string_view input, const ipsecerr::found_codes& codes) override {
    json inside = json::array();
    for (const ipsecerr::found_code& c : codes) {
      inside.push_back({{"offset", c.offset},
                        {"length", c.length},
                        {"form", ipsecerr::to_id(c.form)},
                        {"code", c.entry->code},
                        {"entry", entry_json(*c.entry)}});
    }
    write_found(input, std::move(inside));
  }
  // The element of a message text: "found" holds each entry whose message it is or holds, with
  // "form": "message", how it matched and whether other entries share the message.
  void messages(std::string_view input, const ipsecerr::message_hits& hits) override {
    json inside = json::array();
    for (const ipsecerr::message_hit& h : hits) {
      inside.push_back({{"offset", h.offset},
                        {"length", h.size},
                        {"form", "message"},
                        {"match", ipsecerr::to_string(h.match)},
                        {"shared", h.shared},
                        {"code", h.entry->code},
                        {"entry", entry_json(*h.entry)}});
    }
    write_found(input, std::move(inside));
  }
  void finish() override {
    if (one_per_line_) return;
    out().write(count_ == 0 ? "{\n  \"query\": []\n}\n" : "\n  ]\n}\n");
  }

 private:
  // An element with no readings as a whole and what was found inside.
  void write_found(std::string_view input, json inside) {
    json element = query_json(input, ipsecerr::readings());
    element["found"] = std::move(inside);
    write(element);
  }
  void write(const json& element) {
    if (one_per_line_) {
      print("{}\n", json_text(element, true));
      return;
    }
    print("{}\n    {}", count_++ == 0 ? "{\n  \"query\": [" : ",",
          json_text(element, false, "    "));
  }

  bool one_per_line_;
  std::size_t count_ = 0;
};

}  // namespace

json entry_json(const ipsecerr::error_info& e) {
  json related = json::array();
  const auto add = [&related](const ipsecerr::related_code& r) {
    related.push_back({{"code", r.code},
                       {"space", ipsecerr::to_id(r.info()->space)},
                       {"name", r.info()->name},
                       {"reason", ipsecerr::to_id(r.reason)}});
  };
  for (const ipsecerr::related_code& r : ipsecerr::describe_entry(e).links()) add(r);
  if (e.space == ipsecerr::code_space::win32) {  // then its RAS codes, as a RAS entry has them
    for (const ipsecerr::related_code& r : ipsecerr::related_ras(e.code)) add(r);
  }
  return {{"code", e.code},
          {"space", ipsecerr::to_id(e.space)},  // the numbering of code: win32 or ras
          {"hex", ipsecerr::to_hex(e.code).view()},
          {"hresult", ipsecerr::to_hex(ipsecerr::to_hresult(e.code)).view()},
          {"name", e.name},
          {"kind", ipsecerr::to_id(e.kind)},
          {"category", ipsecerr::to_id(e.component)},  // the old name: goes in the next version
          {"component", ipsecerr::to_id(e.component)},
          {"phase", ipsecerr::to_id(e.phase)},
          {"message", e.message},
          {"hint", e.hint},
          {"ntstatus", e.ntstatus != 0 ? json(ipsecerr::to_hex(e.ntstatus).view()) : json()},
          {"related", std::move(related)}};
}

json query_json(std::string_view input, const ipsecerr::readings& r) {
  json readings = json::array();
  for (const ipsecerr::reading& x : r) {
    json reading = {{"form", ipsecerr::to_id(x.form)}, {"code", x.code}, {"known", x.known()}};
    if (x.known()) reading["entry"] = entry_json(*x.info());
    readings.push_back(std::move(reading));
  }
  return {{"input", input}, {"readings", std::move(readings)}};
}

std::unique_ptr<lookup_writer> json_lookups(bool one_per_line) {
  return std::make_unique<json_writer>(one_per_line);
}

void write_entries_json(const entry_list& entries, bool one_per_line, const rank_list* ranks) {
  json list = json::array();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    json entry = entry_json(*entries[i]);
    if (ranks != nullptr) {
      json ranked = {{"rank", (*ranks)[i]}};
      ranked.update(entry);
      entry = std::move(ranked);
    }
    if (one_per_line) {
      print("{}\n", json_text(entry, true));
    } else {
      list.push_back(std::move(entry));
    }
  }
  if (!one_per_line) print("{}\n", json_text({{"entries", std::move(list)}}, false));
}

}  // namespace ipsecerr_tool
