// SPDX-License-Identifier: MIT
// The tool's command line (see options.hpp). CLI11 reads it; the rules it does not have are
// here: --color takes a value only after '=' (a flag whose value may be given with '='), an
// argument that starts with '-' and a digit is a code (CLI11 does this when no option is named
// like -1 ... -9), and the messages keep the "ipsecerr: ... (try --help)" form.
#include "options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ipsecerr/ipsecerr.hpp>
#include <string_view>

#include "ids.hpp"
#include "output.hpp"

namespace ipsecerr_tool {
namespace {

constexpr std::string_view usage_lines =
    "Usage: ipsecerr [OPTION]... CODE...\n"
    "  or:  ipsecerr [OPTION]... [-] < CODES\n"
    "  or:  ipsecerr [--format=FORMAT] -l|--list [COMPONENT]\n"
    "  or:  ipsecerr [--format=FORMAT] -s|--search WORD...\n"
    "  or:  ipsecerr --annotate [--annotate-forms=LIST] [FILE...]\n";

constexpr std::string_view footer_text =
    R"(  --                    end of options (an argument that starts with - and a digit is a code,
                        not an option)

Exit status: 0 when every code, line of standard input or word was found (--annotate: unless
I/O failed), 1 when any was not, 2 on a usage or I/O error.

Examples:
  ipsecerr 0x80073646
  ipsecerr 3646 qm_expired
  ipsecerr --list driver
  ipsecerr --list --format=csv > ipsec_codes.csv
  cut -f3 events.tsv | ipsecerr -b
  ipsecerr -s main mode --json | python3 -m json.tool
  journalctl -u ikeext --no-pager | ipsecerr --annotate)";

// CLI11's layout (usage, description, "Positionals:" and "Options:" groups, footer), with the
// tool's usage lines, GNU-style option names, and descriptions wrapped in a column.
class help_layout : public CLI::Formatter {
 public:
  std::string make_description(const CLI::App*) const override { return ""; }
  std::string make_usage(const CLI::App* app, std::string) const override {
    return std::string(usage_lines) + app->get_description() + '\n';
  }
  std::string make_option(const CLI::Option* opt, bool positional) const override {
    std::string names = "  ";
    if (positional) {
      names += opt->get_name() + "...";
    } else {
      const auto& shorts = opt->get_snames();
      names += shorts.empty() ? "    " : "-" + shorts.front() + ", ";
      names += "--" + opt->get_lnames().front() + opt->get_option_text();
    }
    const bool fits = names.size() + 2 <= description_column;  // help2man needs two spaces
    std::string text = fits ? names : names + "\n";
    std::size_t column = fits ? names.size() : 0;
    for (std::string_view words = opt->get_description(); !words.empty();) {
      const std::size_t end = std::min(words.find(' '), words.size());
      const std::string_view word = words.substr(0, end);
      words.remove_prefix(std::min(end + 1, words.size()));
      if (column > description_column && column + 1 + word.size() > line_width) {
        text += '\n';
        column = 0;
      }
      text.append(column < description_column ? description_column - column : 1, ' ');
      column = std::max(column + 1, description_column) + word.size();
      text += word;
    }
    return text + '\n';
  }

 private:
  static constexpr std::size_t description_column = 24;
  static constexpr std::size_t line_width = 100;
};

// The form ids, for the help and for errors: "decimal, hex, ...".
std::string form_ids() {
  std::string ids;
  for (std::size_t i = 0; i < ipsecerr::form_count; ++i) {
    ids += i == 0 ? "" : ", ";
    ids += ipsecerr::to_id(static_cast<ipsecerr::form>(i));
  }
  return ids;
}

std::string_view option_of(mode m) {
  switch (m) {
    case mode::lookup: return "";
    case mode::list: return "--list";
    case mode::search: return "--search";
    case mode::annotate: return "--annotate";
  }
  return "?";
}

// The command line's declarations; what CLI11 cannot check is checked by problem_with().
struct command_line {
  CLI::App app{"Explains Windows IPsec/IKE error codes with Windows' own English text, anywhere.",
               "ipsecerr"};
  bool json = false;
  bool version = false;
  std::string format_name = "text";
  std::optional<std::string> forms_list;
  std::vector<std::pair<const CLI::Option*, mode>> modes;

  explicit command_line(options& o) {
    app.formatter(std::make_shared<help_layout>());
    app.footer(std::string(footer_text));
    app.allow_windows_style_options(false);  // on Windows too, /path is an operand
    app.allow_extras();  // unknown options are reported by problem_with(), in the tool's words
    app.set_help_flag("-h,--help", "show this help");
    app.add_option(
        "CODE", o.operands,
        "look up each code: decimal (13894), hex (0x3646), HRESULT (0x80073646, "
        "2147956294, -2147011002), NTSTATUS (0xC0073646, 0xC0360001), %%13894, a name "
        "(ERROR_IPSEC_IKE_QM_EXPIRED) or its end (qm_expired); an ambiguous token "
        "(3646) shows every reading; in an argument with no reading as a whole (hr=0x80073646; "
        "or a log line) the codes inside are found, else a Windows message text (\"No policy "
        "configured\", a whole field, or a longer message anywhere). - reads standard input, "
        "each line a code (as no CODE does when standard input is a pipe or a file); blank "
        "lines are skipped; UTF-16 with a byte order mark (Windows PowerShell 5.1's > and "
        "Out-File) is read as text");
    mode_flag("-l,--list", mode::list,
              "one line per code (code, hex, name, message): every Win32 IPsec code, one "
              "component (the part of Windows that reports it: " +
                  component_ids() +
                  "), or a code space: win32 (the same as none) or ras (the RAS codes of VPN "
                  "clients)")
        ->option_text(" [COMPONENT]");
    mode_flag("-s,--search", mode::search,
              "the codes whose message or name match the words, best first: the code or name, the "
              "message itself, the message inside the words, the words as a phrase, every word "
              "(whole or a prefix; words of 3 letters or fewer whole), every word inside longer "
              "words, with keywords (\"no proposal chosen\"), then the best partial matches")
        ->option_text(" WORD...");
    mode_flag("--annotate", mode::annotate,
              "copy FILEs (or standard input, also for -) to standard output, adding a space "
              "and [NAME] after every known code in them; a file in UTF-16 with a byte order "
              "mark is read as text and written in UTF-16")
        ->option_text(" [FILE...]");
    app.add_option("--annotate-forms", forms_list,
                   "what --annotate marks: a comma-separated list of form ids (" + form_ids() +
                       ") and groups (all; default: every number form, message texts and "
                       "RAS codes the line names as such (ras); "
                       "hresult: every HRESULT form; message: Windows message texts; name); "
                       "-NAME takes NAME away (default,-message). Never annotated, whatever the "
                       "list: names, bare_hex and event_insert")
        ->option_text("=LIST");
    flag("-b,--brief", o.brief,
         "one line per code found: NAME CODE HEX MESSAGE, one space between (for scripts)");
    flag("-q,--quiet", o.quiet,
         "print nothing: the exit status alone tells (usage and I/O "
         "errors are still reported)");
    flag("--json", json, "the same as --format=json");
    app.add_option("--format", format_name,
                   "text (the default), json (one document), ndjson (one JSON object per line: "
                   "an entry, or a lookup's query element), csv (RFC 4180, CRLF line ends) or "
                   "tsv (LF line ends; tab, CR, LF and backslash as \\t \\r \\n \\\\); csv "
                   "and tsv have a header row, the JSON entry's members as columns (a lookup "
                   "adds input and form first), related codes separated by spaces, and an "
                   "empty field for null")
        ->option_text("=FORMAT");
    app.add_flag("--color{auto}", o.color,
                 "colour: never, always or auto (the default: on a terminal, without "
                 "NO_COLOR); a value only after '='")
        ->option_text("=WHEN");
    flag("--version", version, "show the version");
  }

  CLI::Option* flag(const char* names, bool& value, const char* text) {
    return app.add_flag(names, value, text)->disable_flag_override();
  }
  CLI::Option* mode_flag(const char* names, mode m, const std::string& text) {
    CLI::Option* given = app.add_flag(names)->description(text)->disable_flag_override();
    modes.emplace_back(given, m);
    return given;
  }

  // What is wrong with the command line as given, or nothing.
  std::optional<std::string> problem_with(options& o) const {
    bool dashes = false;
    for (const std::string& extra : app.remaining()) {
      if (extra == "--" && !dashes) {
        dashes = true;
        continue;
      }
      return fmt::format("unknown option '{}'", shown(extra));
    }
    for (const CLI::Option* given : app.parse_order()) {  // the first two modes given, in order
      for (const auto& [option, m] : modes) {
        if (option != given || m == o.what) continue;
        if (o.what != mode::lookup) {
          return fmt::format("{} and {} cannot be used together", option_of(o.what), option_of(m));
        }
        o.what = m;
      }
    }
    if (o.color != "never" && o.color != "always" && o.color != "auto") {
      return fmt::format("invalid --color value '{}': use never, always or auto", shown(o.color));
    }
    const format formats[] = {format::text, format::json, format::ndjson, format::csv, format::tsv};
    const auto* named = std::find_if(std::begin(formats), std::end(formats),
                                     [this](format f) { return name_of(f) == format_name; });
    if (named == std::end(formats)) {
      return fmt::format("invalid --format value '{}': use text, json, ndjson, csv or tsv",
                         shown(format_name));
    }
    o.output = *named;
    if (json && o.output != format::text && o.output != format::json) {
      return fmt::format("--json and --format={} cannot be used together", format_name);
    }
    if (json) o.output = format::json;
    if (auto problem = forms_problem(o)) return problem;
    return conflict(o);
  }

  // Reads --annotate-forms into o.forms; what is wrong with it, or nothing.
  std::optional<std::string> forms_problem(options& o) const {
    if (!forms_list) return std::nullopt;
    if (o.what != mode::annotate) return std::string("--annotate-forms applies only to --annotate");
    const ipsecerr::form_list read = ipsecerr::parse_form_list(*forms_list);
    if (!read.ok()) {
      const std::string_view item =
          std::string_view(*forms_list).substr(read.error_at, read.error_size);
      if (item.empty())
        return fmt::format("empty item in --annotate-forms '{}'", shown(*forms_list));
      return fmt::format(
          "unknown form '{}' in --annotate-forms: use all, default, hresult, "
          "message, name or a form id ({})",
          shown(item), form_ids());
    }
    const ipsecerr::form_set marked = read.forms - ipsecerr::form_set::names() -
                                      ipsecerr::form::bare_hex - ipsecerr::form::event_insert;
    if (marked.empty()) {
      return fmt::format(
          "--annotate-forms '{}' marks nothing (names, bare_hex and event_insert "
          "are never annotated)",
          shown(*forms_list));
    }
    o.forms = read.forms;
    return std::nullopt;
  }

  // Options that do not go together.
  static std::optional<std::string> conflict(const options& o) {
    if (o.what == mode::annotate) {
      if (o.output == format::json) return "--json does not apply to --annotate";
      if (o.output != format::text) return "--format does not apply to --annotate";
      if (o.brief || o.quiet) return "--brief and --quiet do not apply to --annotate";
    }
    if (o.brief && o.output != format::text) {
      return fmt::format("--brief and --format={} cannot be used together", name_of(o.output));
    }
    return std::nullopt;
  }
};

}  // namespace

std::string_view name_of(format f) {
  switch (f) {
    case format::text: return "text";
    case format::json: return "json";
    case format::ndjson: return "ndjson";
    case format::csv: return "csv";
    case format::tsv: return "tsv";
  }
  return "?";
}

std::optional<options> parse_options(int argc, char** argv, int& status) {
  options o;
  command_line line(o);
  try {
    line.app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out().write(line.app.help());
    status = found_all;
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    status = usage_error_for(e.what());
    return std::nullopt;
  }
  if (const auto problem = line.problem_with(o)) {
    status = usage_error_for(*problem);
    return std::nullopt;
  }
  if (line.version) {
    const int v = IPSECERR_VERSION;
    print("ipsecerr {}.{}.{}\n", v / 10000, v / 100 % 100, v % 100);
    status = found_all;
    return std::nullopt;
  }
  return o;
}

}  // namespace ipsecerr_tool
