// SPDX-License-Identifier: MIT
// CSV and TSV (see table.hpp). A value becomes a field as follows: a string as it is, a number
// in decimal, null as an empty field, an array (related) as its elements' codes separated by
// spaces.
#include "table.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "json.hpp"

namespace ipsecerr_tool {
namespace {

using json = nlohmann::ordered_json;

std::string field_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return {};
  if (!value.is_array()) return value.dump();
  std::string codes;
  for (const json& element : value) {
    if (!codes.empty()) codes += ' ';
    codes += field_of(element.is_object() ? element.at("code") : element);
  }
  return codes;
}

class table {
 public:
  // Writes the header: `first` columns, then the entry's members.
  table(format f, std::vector<std::string> first) : csv_(f == format::csv) {
    const json sample = entry_json(*ipsecerr::all().begin());  // every entry has these members
    for (const auto& member : sample.items()) first.push_back(member.key());
    row(first);
  }

  // The row of one entry, after the `first` fields.
  void entry(std::vector<std::string> first, const json& e) {
    for (const auto& member : e.items()) first.push_back(field_of(member.value()));
    row(first);
  }

 private:
  void row(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) line += csv_ ? ',' : '\t';
      if (csv_) {
        quote(line, fields[i]);
      } else {
        escape(line, fields[i]);
      }
    }
    line += csv_ ? "\r\n" : "\n";
    out().write(line);
  }
  // RFC 4180: a field with a quote, comma, CR or LF is quoted, its quotes doubled.
  static void quote(std::string& line, std::string_view f) {
    if (f.find_first_of("\",\r\n") == std::string_view::npos) {
      line += f;
      return;
    }
    line += '"';
    for (char c : f) line.append(c == '"' ? 2 : 1, c);
    line += '"';
  }
  // TSV: tab, CR, LF and backslash as \t \r \n \\ (no field of the table holds one).
  static void escape(std::string& line, std::string_view f) {
    for (char c : f) {
      const char* escaped = c == '\t'   ? "\\t"
                            : c == '\r' ? "\\r"
                            : c == '\n' ? "\\n"
                            : c == '\\' ? "\\\\"
                                        : nullptr;
      if (escaped != nullptr) {
        line += escaped;
      } else {
        line += c;
      }
    }
  }

  bool csv_;
};

class table_writer : public lookup_writer {
 public:
  explicit table_writer(format f) : table_(f, {"input", "form"}) {}
  void token(std::string_view input, const ipsecerr::readings& r) override {
    for (const ipsecerr::reading& x : r) {
      if (x.known()) row(input, ipsecerr::to_id(x.form), *x.info());
    }
  }
  void found(std::string_view input, const ipsecerr::found_codes& codes) override {
    for (const ipsecerr::found_code& c : codes) row(input, ipsecerr::to_id(c.form), *c.entry);
  }
  void messages(std::string_view input, const ipsecerr::message_hits& hits) override {
    for (const ipsecerr::message_hit& h : hits) row(input, "message", *h.entry);
  }

 private:
  void row(std::string_view input, std::string_view form, const ipsecerr::error_info& e) {
    table_.entry({std::string(input), std::string(form)}, entry_json(e));
  }
  table table_;
};

}  // namespace

void write_entries_table(const entry_list& entries, format f, const rank_list* ranks) {
  table t(f, ranks != nullptr ? std::vector<std::string>{"rank"} : std::vector<std::string>{});
  for (std::size_t i = 0; i < entries.size(); ++i) {
    t.entry(ranks != nullptr ? std::vector<std::string>{std::string((*ranks)[i])}
                             : std::vector<std::string>{},
            entry_json(*entries[i]));
  }
}

std::unique_ptr<lookup_writer> table_lookups(format f) { return std::make_unique<table_writer>(f); }

}  // namespace ipsecerr_tool
