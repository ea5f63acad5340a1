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

#include "output.hpp"

namespace ipsecerr_tool {
namespace {

constexpr std::string_view usage_lines =
    "Usage: ipsecerr [OPTION]... CODE...\n"
    "  or:  ipsecerr [--json] -l|--list [CATEGORY]\n"
    "  or:  ipsecerr [--json] -s|--search WORD...\n"
    "  or:  ipsecerr --annotate [FILE...]\n";

constexpr std::string_view footer_text =
    R"(  --                    end of options (an argument that starts with - and a digit is a code,
                        not an option)

Exit status: 0 when every code or word was found (--annotate: unless I/O failed), 1 when any
was not, 2 on a usage or I/O error.

Examples:
  ipsecerr 0x80073646
  ipsecerr 3646 qm_expired
  ipsecerr --list driver
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

std::string_view option_of(mode m) {
  switch (m) {
    case mode::lookup: return "";
    case mode::list: return "--list";
    case mode::search: return "--search";
    case mode::annotate: return "--annotate";
  }
  return "?";
}

}  // namespace

std::optional<options> parse_options(int argc, char** argv, int& status) {
  options o;
  CLI::App app("Explains Windows IPsec/IKE error codes with Windows' own English text, anywhere.",
               "ipsecerr");
  app.formatter(std::make_shared<help_layout>());
  app.footer(std::string(footer_text));
  app.allow_extras();  // unknown options are reported below, in the tool's words
  app.set_help_flag("-h,--help", "show this help");
  bool version = false;
  std::vector<std::pair<const CLI::Option*, mode>> modes;
  const auto mode_flag = [&](const char* names, mode m, const char* text) {
    CLI::Option* flag = app.add_flag(names)->description(text)->disable_flag_override();
    modes.emplace_back(flag, m);
    return flag;
  };
  app.add_option("CODE", o.operands,
                 "look up each code: decimal (13894), hex (0x3646), HRESULT (0x80073646, "
                 "2147956294, -2147011002), NTSTATUS (0xC0073646, 0xC0360001), %%13894, a name "
                 "(ERROR_IPSEC_IKE_QM_EXPIRED) or its end (qm_expired); an ambiguous token (3646) "
                 "shows every reading");
  mode_flag("-l,--list", mode::list,
            "one line per code (code, hex, name, message), all or one category: authip, "
            "winsock, policy_store, ike, driver, dos_protection")
      ->option_text(" [CATEGORY]");
  mode_flag("-s,--search", mode::search,
            "the codes whose name, message or hint contain every word (any case)")
      ->option_text(" WORD...");
  mode_flag("--annotate", mode::annotate,
            "copy FILEs (or standard input, also for -) to standard output, adding a space and "
            "[NAME] after every known code in them")
      ->option_text(" [FILE...]");
  app.add_flag("--json", o.json,
               "print the same information as one JSON document (not with "
               "--annotate)")
      ->disable_flag_override();
  app.add_flag("--color{auto}", o.color,
               "colour: never, always or auto (the default: on a terminal, without NO_COLOR); "
               "a value only after '='")
      ->option_text("=WHEN");
  app.add_flag("--version", version, "show the version")->disable_flag_override();
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out().write(app.help());
    status = found_all;
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    status = usage_error_for(e.what());
    return std::nullopt;
  }

  bool dashes = false;
  for (const std::string& extra : app.remaining()) {
    if (extra == "--" && !dashes) {
      dashes = true;
      continue;
    }
    status = usage_error_for(fmt::format("unknown option '{}'", shown(extra)));
    return std::nullopt;
  }
  for (const CLI::Option* given : app.parse_order()) {  // the first two modes given, in order
    for (const auto& [flag, m] : modes) {
      if (flag != given || m == o.what) continue;
      if (o.what != mode::lookup) {
        status = usage_error_for(
            fmt::format("{} and {} cannot be used together", option_of(o.what), option_of(m)));
        return std::nullopt;
      }
      o.what = m;
    }
  }
  if (o.color != "never" && o.color != "always" && o.color != "auto") {
    status = usage_error_for(
        fmt::format("invalid --color value '{}': use never, always or auto", shown(o.color)));
    return std::nullopt;
  }
  if (version) {
    const int v = IPSECERR_VERSION;
    print("ipsecerr {}.{}.{}\n", v / 10000, v / 100 % 100, v % 100);
    status = found_all;
    return std::nullopt;
  }
  return o;
}

}  // namespace ipsecerr_tool
