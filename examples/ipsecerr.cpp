// SPDX-License-Identifier: MIT
// ipsecerr: look up Windows IPsec/IKE error codes in any form, list, search, print JSON, and
// annotate logs with the names of the codes in them. Built on the library's public headers only.
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ipsecerr/annotate.hpp>
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/parse.hpp>
#include <ipsecerr/search.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ipsecerr_io.hpp"

namespace {

using namespace std::string_view_literals;

constexpr int found_all = 0;
constexpr int not_found = 1;
constexpr int usage_error = 2;  // also I/O errors

ipsecerr_io::output out;  // standard output, buffered

// ---- Identifiers used in JSON and on the command line (the C++ enumerators' names) ----

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

constexpr ipsecerr::component all_components[] = {
    ipsecerr::component::authip, ipsecerr::component::winsock, ipsecerr::component::policy_store,
    ipsecerr::component::ike,    ipsecerr::component::driver,  ipsecerr::component::dos_protection};

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

// ---- Colour ----

struct palette {
  bool on = false;
  std::string_view paint(std::string_view code) const { return on ? code : ""sv; }
  std::string_view bold() const { return paint("\033[1m"); }
  std::string_view label() const { return paint("\033[36m"); }
  std::string_view name() const { return paint("\033[1;32m"); }
  std::string_view missing() const { return paint("\033[33m"); }
  std::string_view reset() const { return paint("\033[0m"); }
};

// ---- JSON ----

// Appends s as a JSON string. Control bytes and DEL become \u00XX (\n, \r, \t, \b, \f short),
// '"' and '\\' are escaped, well-formed UTF-8 passes through, and every byte that does not start
// a well-formed UTF-8 sequence becomes \ufffd (the replacement character).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto at = [&s](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
  const unsigned char c = at(i);
  const std::size_t left = s.size() - i;
  std::size_t size = 0;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;  // the range of the second byte
  if (in(c, 0xC2, 0xDF)) {
    size = 2;
  } else if (in(c, 0xE0, 0xEF)) {
    size = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (in(c, 0xF0, 0xF4)) {
    size = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // at most U+10FFFF
  } else {
    return 0;
  }
  if (left < size || !in(at(i + 1), lo, hi)) return 0;
  for (std::size_t k = 2; k < size; ++k) {
    if (!in(at(i + k), 0x80, 0xBF)) return 0;
  }
  return size;
}

void append_json_string(std::string& o, std::string_view s) {
  static constexpr char digits[] = "0123456789abcdef";
  o += '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      o += '\\';
      o += static_cast<char>(c);
    } else if (c == '\n') {
      o += "\\n";
    } else if (c == '\r') {
      o += "\\r";
    } else if (c == '\t') {
      o += "\\t";
    } else if (c == '\b') {
      o += "\\b";
    } else if (c == '\f') {
      o += "\\f";
    } else if (c < 0x20 || c == 0x7F) {
      o += "\\u00";
      o += digits[c >> 4];
      o += digits[c & 0xF];
    } else if (c < 0x80) {
      o += static_cast<char>(c);
    } else if (const std::size_t n = utf8_sequence(s, i)) {
      o.append(s.data() + i, n);
      i += n;
      continue;
    } else {
      o += "\\ufffd";
    }
    ++i;
  }
  o += '"';
}

// A JSON writer with two-space indentation, one member or element per line.
class json_writer {
 public:
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k) {
    next();
    append_json_string(text_, k);
    text_ += ": ";
    after_key_ = true;
  }
  void string(std::string_view s) {
    next();
    append_json_string(text_, s);
  }
  void number(std::uint32_t n) {
    next();
    text_ += ipsecerr::to_decimal(n).view();
  }
  void boolean(bool b) {
    next();
    text_ += b ? "true" : "false";
  }
  void null() {
    next();
    text_ += "null";
  }
  void member(std::string_view k, std::string_view s) {
    key(k);
    string(s);
  }
  /// The document, with a final newline.
  std::string finish() { return text_ + '\n'; }

 private:
  void next() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!counts_.empty()) {
      if (counts_.back()++ > 0) text_ += ',';
      text_ += '\n';
      text_.append(2 * counts_.size(), ' ');
    }
  }
  void open(char bracket) {
    next();
    text_ += bracket;
    counts_.push_back(0);
  }
  void close(char bracket) {
    const bool empty = counts_.back() == 0;
    counts_.pop_back();
    if (!empty) {
      text_ += '\n';
      text_.append(2 * counts_.size(), ' ');
    }
    text_ += bracket;
  }

  std::string text_;
  std::vector<std::size_t> counts_;
  bool after_key_ = false;
};

void write_entry_json(json_writer& j, const ipsecerr::error_info& e) {
  j.begin_object();
  j.key("code");
  j.number(e.code);
  j.member("hex", ipsecerr::to_hex(e.code).view());
  j.member("hresult", ipsecerr::to_hex(ipsecerr::to_hresult(e.code)).view());
  j.member("name", e.name);
  j.member("kind", id_of(e.kind));
  j.member("category", id_of(e.category));
  j.member("phase", id_of(e.phase));
  j.member("message", e.message);
  j.member("hint", e.hint);
  j.key("ntstatus");
  if (e.ntstatus != 0) {
    j.string(ipsecerr::to_hex(e.ntstatus).view());
  } else {
    j.null();
  }
  j.key("related");
  j.begin_array();
  for (const ipsecerr::related_code& r : ipsecerr::related(e.code)) {
    j.begin_object();
    j.key("code");
    j.number(r.code);
    j.member("name", ipsecerr::find(r.code)->name);
    j.member("reason", id_of(r.reason));
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

// ---- Text ----

// The argument as it may be shown: surrounding whitespace off, other control bytes as \xNN.
std::string shown(std::string_view arg) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!arg.empty() && space(arg.front())) arg.remove_prefix(1);
  while (!arg.empty() && space(arg.back())) arg.remove_suffix(1);
  std::string s;
  for (char c : arg) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      s += "\\x";
      s += "0123456789abcdef"[u >> 4];
      s += "0123456789abcdef"[u & 0xF];
    } else {
      s += c;
    }
  }
  return s;
}

// The long form of an entry, labels in colour.
void write_block(const ipsecerr::error_info& e, const palette& p) {
  std::string text;
  ipsecerr::describe(e.code).long_form().write([&text](std::string_view piece) { text += piece; });
  text += '\n';
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at) + 1;
    const std::string_view line(text.data() + at, end - at);
    const std::size_t colon = line.find(':');
    if (p.on && line.front() != ' ' && colon != std::string_view::npos) {
      std::size_t value = colon + 1;
      while (value < line.size() && line[value] == ' ') ++value;
      out.write(p.label());
      out.write(line.substr(0, colon + 1));
      out.write(p.reset());
      out.write(line.substr(colon + 1, value - colon - 1));
      const bool is_name = line.substr(0, colon) == "name";
      if (is_name) out.write(p.name());
      out.write(line.substr(value, line.size() - value - 1));
      if (is_name) out.write(p.reset());
      out.put('\n');
    } else {
      out.write(line);
    }
    at = end;
  }
}

// Why a token has several readings.
std::string why_ambiguous(const ipsecerr::readings& r, std::string_view token) {
  bool decimal = false;
  bool bare_hex = false;
  std::size_t suffixes = 0;
  for (const ipsecerr::reading& x : r) {
    decimal |= x.form == ipsecerr::form::decimal || x.form == ipsecerr::form::hresult_decimal;
    bare_hex |= x.form == ipsecerr::form::bare_hex;
    suffixes += x.form == ipsecerr::form::name_suffix ? 1 : 0;
  }
  std::vector<std::string> reasons;
  if (decimal && bare_hex) reasons.emplace_back("digits alone can be decimal or hex");
  if (bare_hex && suffixes > 0) reasons.emplace_back("hex digits can also end a name");
  if (suffixes > 1) {
    std::string upper;
    for (char c : token) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    reasons.push_back(std::to_string(suffixes) + " names end with _" + upper);
  }
  if (reasons.empty()) reasons.emplace_back("it has several forms");
  std::string s;
  for (const std::string& reason : reasons) s += (s.empty() ? "" : "; ") + reason;
  return s;
}

void write_header(const std::string& token, const ipsecerr::reading& x, const palette& p) {
  out.write(p.bold());
  out.write(token);
  out.write(" read as ");
  out.write(ipsecerr::to_string(x.form));
  out.write(":");
  out.write(p.reset());
  out.put('\n');
}

int lookup_text(const std::vector<std::string_view>& args, const palette& p) {
  int status = found_all;
  bool first = true;
  for (std::string_view arg : args) {
    const ipsecerr::readings r = ipsecerr::parse(arg);
    const std::string token = shown(arg);
    if (r.empty()) {
      out.flush();
      std::fprintf(stderr, "ipsecerr: '%s': not a known IPsec error code or name\n", token.c_str());
      status = not_found;
      continue;
    }
    if (!first) out.put('\n');
    first = false;
    if (r.size() == 1) {
      write_header(token, r[0], p);
      write_block(*r[0].info(), p);
      continue;
    }
    out.write(p.bold());
    out.write(token + ": " + std::to_string(r.size()) + " readings (" + why_ambiguous(r, arg) +
              ")");
    out.write(p.reset());
    out.put('\n');
    for (const ipsecerr::reading& x : r) {
      out.write("  as ");
      out.write(ipsecerr::to_string(x.form));
      out.write(": ");
      out.write(ipsecerr::to_decimal(x.code).view());
      out.write(" (");
      out.write(ipsecerr::to_hex(x.code).view());
      out.write(")");
      if (x.known()) {
        out.put(' ');
        out.write(p.name());
        out.write(x.info()->name);
        out.write(p.reset());
      } else {
        out.write(", ");
        out.write(p.missing());
        out.write("not an IPsec error code");
        out.write(p.reset());
      }
      out.put('\n');
    }
    for (const ipsecerr::reading& x : r) {
      if (!x.known()) continue;
      out.put('\n');
      write_header(token, x, p);
      write_block(*x.info(), p);
    }
  }
  return status;
}

int lookup_json(const std::vector<std::string_view>& args) {
  int status = found_all;
  json_writer j;
  j.begin_object();
  j.key("query");
  j.begin_array();
  for (std::string_view arg : args) {
    const ipsecerr::readings r = ipsecerr::parse(arg);
    if (r.empty()) status = not_found;
    j.begin_object();
    j.member("input", arg);
    j.key("readings");
    j.begin_array();
    for (const ipsecerr::reading& x : r) {
      j.begin_object();
      j.member("form", id_of(x.form));
      j.key("code");
      j.number(x.code);
      j.key("known");
      j.boolean(x.known());
      if (x.known()) {
        j.key("entry");
        write_entry_json(j, *x.info());
      }
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.end_object();
  out.write(j.finish());
  return status;
}

// One line per entry: code, hex, name (padded to the longest), message.
void write_lines(const std::vector<const ipsecerr::error_info*>& entries, const palette& p) {
  std::size_t width = 0;
  for (const auto* e : entries) width = e->name.size() > width ? e->name.size() : width;
  for (const auto* e : entries) {
    const ipsecerr::code_text dec = ipsecerr::to_decimal(e->code);
    const ipsecerr::code_text hex = ipsecerr::to_hex(e->code);
    out.write(std::string(5 - (dec.size() < 5 ? dec.size() : 5), ' '));
    out.write(dec.view());
    out.write("  ");
    out.write(hex.view());
    out.write(std::string(8 - (hex.size() < 6 ? hex.size() : 6), ' '));
    out.write(p.name());
    out.write(e->name);
    out.write(p.reset());
    out.write(std::string(width - e->name.size() + 2, ' '));
    out.write(e->message);
    out.put('\n');
  }
}

void write_entries_json(const std::vector<const ipsecerr::error_info*>& entries) {
  json_writer j;
  j.begin_object();
  j.key("entries");
  j.begin_array();
  for (const auto* e : entries) write_entry_json(j, *e);
  j.end_array();
  j.end_object();
  out.write(j.finish());
}

// ---- Annotate ----

int annotate_files(std::vector<std::string_view> files, const palette& p) {
  if (files.empty()) files.emplace_back("-");
  static char buffer[ipsecerr_io::chunk_size];
  ipsecerr::annotator a;
  bool in_insert = false;
  const auto emit = [&](std::string_view bytes, bool inserted) {
    if (inserted != in_insert) {
      out.write(inserted ? p.name() : p.reset());
      in_insert = inserted;
    }
    out.write(bytes);
  };
  const auto end_insert = [&] {
    if (in_insert) out.write(p.reset());
    in_insert = false;
  };
  int status = found_all;
  for (std::string_view file : files) {
    const std::string path(file);
    ipsecerr_io::input in(path.c_str());
    if (!in.ok()) {
      out.flush();
      std::fprintf(stderr, "ipsecerr: cannot open '%s': %s\n", path.c_str(),
                   std::strerror(in.error()));
      status = usage_error;
      continue;
    }
    long n = 0;
    while ((n = in.read(buffer, sizeof buffer)) > 0) {
      a.feed(std::string_view(buffer, static_cast<std::size_t>(n)), emit);
      end_insert();
      if (!out.flush()) return usage_error;  // each chunk goes out as it comes (tail -f)
    }
    a.finish(emit);
    end_insert();
    if (n < 0) {
      out.flush();
      std::fprintf(stderr, "ipsecerr: cannot read '%s': %s\n", path.c_str(),
                   std::strerror(in.error()));
      status = usage_error;
    }
  }
  return status;
}

// ---- Command line ----

constexpr const char* usage_text =
    R"(Usage: ipsecerr [OPTION]... CODE...
       ipsecerr [--json] -l|--list [CATEGORY]
       ipsecerr [--json] -s|--search WORD...
       ipsecerr --annotate [FILE...]
Explains Windows IPsec/IKE error codes with Windows' own English text, anywhere.

  CODE...             look up each code: decimal (13894), hex (0x3646), HRESULT (0x80073646,
                      2147956294, -2147011002), NTSTATUS (0xC0073646, 0xC0360001), %%13894,
                      a name (ERROR_IPSEC_IKE_QM_EXPIRED) or its end (qm_expired); an ambiguous
                      token (3646) shows every reading
  -l, --list [CATEGORY]
                      one line per code (code, hex, name, message), all or one category:
                      authip, winsock, policy_store, ike, driver, dos_protection
  -s, --search WORD...
                      the codes whose name, message or hint contain every word (any case)
      --annotate [FILE...]
                      copy FILEs (or standard input, also for -) to standard output, adding
                      " [NAME]" after every known code in them
      --json          print the same information as one JSON document (not with --annotate)
      --color=WHEN    colour: never, always or auto (the default: on a terminal, without NO_COLOR)
  -h, --help          show this help
      --version       show the version
  --                  end of options (a leading - followed by a digit is a code, not an option)

Exit status: 0 when every code or word was found (--annotate: unless I/O failed), 1 when any
was not, 2 on a usage or I/O error.

Examples:
  ipsecerr 0x80073646
  ipsecerr 3646 qm_expired
  ipsecerr --list driver
  ipsecerr -s main mode --json | python3 -m json.tool
  journalctl -u ikeext --no-pager | ipsecerr --annotate
)";

int usage(const std::string& problem) {
  out.flush();
  std::fprintf(stderr, "ipsecerr: %s (try --help)\n", problem.c_str());
  return usage_error;
}

enum class mode { lookup, list, search, annotate };

std::string_view option_of(mode m) {
  switch (m) {
    case mode::lookup: return "";
    case mode::list: return "--list";
    case mode::search: return "--search";
    case mode::annotate: return "--annotate";
  }
  return "?";
}

int run(int argc, char** argv) {
  mode m = mode::lookup;
  bool json = false;
  bool help = false;
  bool version = false;
  std::string_view color = "auto";
  bool options_done = false;
  std::vector<std::string_view> operands;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    const bool is_option =
        !options_done && a.size() >= 2 && a[0] == '-' && !(a[1] >= '0' && a[1] <= '9');
    if (!is_option) {
      operands.push_back(a);
      continue;
    }
    mode wanted = m;
    if (a == "--") {
      options_done = true;
    } else if (a == "-h" || a == "--help") {
      help = true;
    } else if (a == "--version") {
      version = true;
    } else if (a == "--json") {
      json = true;
    } else if (a == "-l" || a == "--list") {
      wanted = mode::list;
    } else if (a == "-s" || a == "--search") {
      wanted = mode::search;
    } else if (a == "--annotate") {
      wanted = mode::annotate;
    } else if (a.substr(0, 8) == "--color=") {
      color = a.substr(8);
      if (color != "never" && color != "always" && color != "auto") {
        return usage("invalid --color value '" + std::string(color) +
                     "': use never, always or auto");
      }
    } else if (a == "--color") {
      return usage("--color needs a value: --color=never, --color=always or --color=auto");
    } else {
      return usage("unknown option '" + shown(a) + "'");
    }
    if (wanted != m) {
      if (m != mode::lookup) {
        return usage(std::string(option_of(m)) + " and " + std::string(option_of(wanted)) +
                     " cannot be used together");
      }
      m = wanted;
    }
  }
  if (help) {
    out.write(usage_text);
    return out.flush() ? found_all : usage_error;
  }
  if (version) {
    const int v = IPSECERR_VERSION;
    out.write("ipsecerr " + std::to_string(v / 10000) + "." + std::to_string(v / 100 % 100) + "." +
              std::to_string(v % 100) + "\n");
    return out.flush() ? found_all : usage_error;
  }

  palette p;
  if (color == "always") {
    p.on = true;
  } else if (color == "auto") {
#ifndef _WIN32  // Windows consoles need virtual terminal mode for escapes: only with always
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    p.on = ipsecerr_io::stdout_is_terminal() && (no_color == nullptr || *no_color == '\0') &&
           !(term != nullptr && std::strcmp(term, "dumb") == 0);
#endif
  }
  if (json) p.on = false;

  int status = found_all;
  switch (m) {
    case mode::lookup:
      if (operands.empty()) return usage("no code given");
      status = json ? lookup_json(operands) : lookup_text(operands, p);
      break;
    case mode::list: {
      if (operands.size() > 1) return usage("--list takes at most one category");
      ipsecerr::view<ipsecerr::error_info> rows = ipsecerr::all();
      if (!operands.empty()) {
        std::string wanted;
        for (char c : operands[0])
          wanted += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        bool known = false;
        for (ipsecerr::component c : all_components) {
          if (id_of(c) == wanted) {
            rows = ipsecerr::in_category(c);
            known = true;
          }
        }
        if (!known) {
          return usage("unknown category '" + shown(operands[0]) +
                       "': use authip, winsock, policy_store, ike, driver or dos_protection");
        }
      }
      std::vector<const ipsecerr::error_info*> entries;
      for (const ipsecerr::error_info& e : rows) entries.push_back(&e);
      if (json) {
        write_entries_json(entries);
      } else {
        write_lines(entries, p);
      }
      break;
    }
    case mode::search: {
      if (operands.empty()) return usage("--search needs at least one word");
      std::string words;
      for (std::string_view w : operands) (words += words.empty() ? "" : " ") += w;
      std::vector<const ipsecerr::error_info*> entries;
      for (const ipsecerr::error_info& e : ipsecerr::search_results(words)) entries.push_back(&e);
      if (json) {
        write_entries_json(entries);
      } else {
        write_lines(entries, p);
      }
      if (entries.empty()) {
        status = not_found;
        if (!json) {
          out.flush();
          std::fprintf(stderr, "ipsecerr: no code matches '%s'\n", shown(words).c_str());
        }
      }
      break;
    }
    case mode::annotate:
      if (json) return usage("--json does not apply to --annotate");
      status = annotate_files(operands, p);
      break;
  }
  if (!out.flush()) {
#ifdef EPIPE
    if (out.error() == EPIPE) return usage_error;  // the reader has gone: end quietly
#endif
    std::fprintf(stderr, "ipsecerr: cannot write to standard output: %s\n",
                 std::strerror(out.error()));
    return usage_error;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef SIGPIPE
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error (EPIPE), handled quietly
#endif
  ipsecerr_io::set_up_standard_streams();
  return run(argc, argv);
}
