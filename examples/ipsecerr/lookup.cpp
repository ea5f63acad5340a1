// SPDX-License-Identifier: MIT
// Lookups (see lookup.hpp): the text blocks, the -b lines, and the loop over standard input.
#include "lookup.hpp"

#include <algorithm>
#include <cstring>
#include <ipsecerr/ras.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "entries.hpp"

namespace ipsecerr_tool {
namespace {

// The long form of an entry: labels and names in colour (the library tells the parts apart). A
// Win32 entry's links to RAS codes (related_ras()) follow its Win32 ones, as in a RAS entry's.
void write_block(const ipsecerr::error_info& e, const palette& p) {
  using ipsecerr::long_part;
  std::string_view colour;  // the colour in effect
  const auto paint = [&colour, &p](std::string_view wanted) {
    if (wanted == colour) return;
    if (!colour.empty()) out().write(p.reset());
    out().write(wanted);
    colour = wanted;
  };
  const ipsecerr::description d = ipsecerr::describe_entry(e);
  const auto ras = e.space == ipsecerr::code_space::win32
                       ? ipsecerr::related_ras(e.code)
                       : ipsecerr::view<ipsecerr::related_code>{};
  bool drop_none = false;  // "related:   none" when RAS links follow
  d.long_form().write_parts([&](std::string_view piece, long_part part) {
    if (drop_none && (part == long_part::space || part == long_part::value)) return;
    if (part == long_part::label && piece == "related")
      drop_none = d.links().empty() && !ras.empty();
    paint(part == long_part::label ? p.label() : part == long_part::name ? p.name() : "");
    out().write(piece);
  });
  paint("");
  for (const ipsecerr::related_code& r : ras) {
    print("\n  {} {} {}{}{} ({})", ipsecerr::to_string(r.info()->space), r.code, p.name(),
          r.info()->name, p.reset(), ipsecerr::to_string(r.reason));
  }
  out().put('\n');
}

// Why a token has several readings.
std::string why_ambiguous(const ipsecerr::readings& r, std::string_view token) {
  bool decimal = false;
  bool bare_hex = false;
  bool ras = false;
  std::size_t suffixes = 0;
  for (const ipsecerr::reading& x : r) {
    decimal |= x.form == ipsecerr::form::decimal || x.form == ipsecerr::form::hresult_decimal;
    bare_hex |= x.form == ipsecerr::form::bare_hex;
    ras |= x.form == ipsecerr::form::ras;
    suffixes += x.form == ipsecerr::form::name_suffix ? 1 : 0;
  }
  std::vector<std::string> reasons;
  if (decimal && bare_hex) reasons.emplace_back("digits alone can be decimal or hex");
  if (ras) reasons.emplace_back("RAS and Win32 codes share numbers");
  if (bare_hex && suffixes > 0) reasons.emplace_back("hex digits can also end a name");
  if (suffixes > 1) {
    std::string upper(token);
    for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    reasons.push_back(fmt::format("{} names end with _{}", suffixes, upper));
  }
  if (reasons.empty()) reasons.emplace_back("it has several forms");
  return fmt::format("{}", fmt::join(reasons, "; "));
}

// The code of the RAS reading among r, or 0 for none.
std::uint32_t ras_code(const ipsecerr::readings& r) {
  for (const ipsecerr::reading& x : r) {
    if (x.form == ipsecerr::form::ras) return x.code;
  }
  return 0;
}

void write_header(const std::string& token, const ipsecerr::reading& x, const palette& p) {
  print("{}{} read as {}:{}\n", p.bold(), token, ipsecerr::to_string(x.form), p.reset());
}

// The blocks of one argument that has readings.
void write_readings(const ipsecerr::readings& r, std::string_view arg, const palette& p) {
  const std::string token = shown(arg);
  if (r.size() == 1) {
    write_header(token, r[0], p);
    write_block(*r[0].info(), p);
    return;
  }
  print("{}{}: {} readings ({}){}\n", p.bold(), token, r.size(), why_ambiguous(r, arg), p.reset());
  const std::uint32_t ras = ras_code(r);
  for (const ipsecerr::reading& x : r) {
    print("  as {}: {} ({})", ipsecerr::to_string(x.form), ipsecerr::to_decimal(x.code).view(),
          ipsecerr::to_hex(x.code).view());
    if (x.known()) {
      print(" {}{}{}\n", p.name(), x.info()->name, p.reset());
    } else if (ras != 0 && x.code == ras) {  // the same number as a Win32 code: another code
      print(", {}not an IPsec error code{} (as a Win32 error code, unrelated to RAS error {})\n",
            p.missing(), p.reset(), ras);
    } else {
      print(", {}not an IPsec error code{}\n", p.missing(), p.reset());
    }
  }
  for (const ipsecerr::reading& x : r) {
    if (!x.known()) continue;
    out().put('\n');
    write_header(token, x, p);
    write_block(*x.info(), p);
  }
}

class text_writer : public lookup_writer {
 public:
  explicit text_writer(const palette& p) : p_(p) {}
  void token(std::string_view input, const ipsecerr::readings& r) override {
    if (r.empty()) {
      tell("'{}': not a known IPsec error code or name", shown(input));
      return;
    }
    separate();
    write_readings(r, input, p_);
  }
  void found(std::string_view input, const ipsecerr::found_codes& codes) override {
    for (const ipsecerr::found_code& c : codes) {
      separate();
      print("{}'{}': found {} read as {}:{}\n", p_.bold(), shown(input),
            shown(input.substr(c.offset, c.length)), ipsecerr::to_string(c.form), p_.reset());
      write_block(*c.entry, p_);
    }
    if (codes.truncated()) {
      tell("'{}': more than {} codes, the first {} shown", shown(input), codes.size(),
           codes.size());
    }
  }

 private:
  void separate() {
    if (!first_) out().put('\n');
    first_ = false;
  }
  palette p_;
  bool first_ = true;
};

class brief_writer : public lookup_writer {
 public:
  explicit brief_writer(const palette& p) : p_(p) {}
  void token(std::string_view input, const ipsecerr::readings& r) override {
    if (r.empty()) tell("'{}': not a known IPsec error code or name", shown(input));
    for (const ipsecerr::reading& x : r) {
      if (x.known()) write_brief(*x.info(), p_);
    }
  }
  void found(std::string_view, const ipsecerr::found_codes& codes) override {
    for (const ipsecerr::found_code& c : codes) write_brief(*c.entry, p_);
  }

 private:
  palette p_;
};

// The codes found inside a text and those that phrases name with their space (`RAS error 809`,
// RasClient's "The error code returned on failure is 809.": find_ras_phrase()), in text order;
// a code at the same place as one of found is kept once, as found has it.
ipsecerr::found_codes with_phrases(std::string_view text, const ipsecerr::found_codes& found) {
  ipsecerr::found_codes all;
  std::size_t next = 0;  // the first of found not yet in all
  for (auto m = ipsecerr::find_ras_phrase(text); m; m = ipsecerr::find_ras_phrase(text, m.last)) {
    if (m.info() == nullptr) continue;
    for (; next < found.size() && found[next].offset < m.number; ++next) all.push_back(found[next]);
    if (next < found.size() && found[next].offset == m.number) continue;
    const bool ras = m.space == ipsecerr::code_space::ras;
    all.push_back({m.number, m.last - m.number, ras ? ipsecerr::form::ras : ipsecerr::form::decimal,
                   m.info()});
  }
  for (; next < found.size(); ++next) all.push_back(found[next]);
  if (found.truncated()) all.push_back({});  // all is full: this marks it truncated
  return all;
}

// One token: its readings as a whole, else the codes inside it. Whether it gave a code.
bool look_up_one(std::string_view token, lookup_writer& w) {
  const ipsecerr::readings r = ipsecerr::parse(token);
  if (r.empty()) {
    const ipsecerr::found_codes inside = with_phrases(token, ipsecerr::find_in(token));
    if (!inside.empty()) {
      w.found(token, inside);
      return true;
    }
  }
  w.token(token, r);
  return !r.empty();
}

// The longest line of standard input that is looked up; a longer one is reported, not read
// whole, so that memory stays bounded.
constexpr std::size_t line_limit = std::size_t{64} * 1024;

// Each non-blank line of standard input, looked up. found_all when each had a reading.
int look_up_lines(lookup_writer& w) {
  static ipsecerr_io::input in("-");  // one stream, however many '-' there are
  static ipsecerr_io::line_reader lines(in, line_limit);
  int status = found_all;
  std::string_view line;
  for (std::size_t number = 1; lines.next(line); ++number) {
    if (lines.too_long()) {
      tell("standard input, line {}: longer than {} bytes, not looked up", number, line_limit);
      status = not_found;
      continue;
    }
    if (line.find_first_not_of(" \t\v\f\r") == std::string_view::npos) continue;  // blank
    if (!look_up_one(line, w)) status = not_found;
  }
  if (lines.failed()) {
    complain("cannot read standard input: {}", std::strerror(in.error()));
    return usage_error;
  }
  return status;
}

}  // namespace

std::unique_ptr<lookup_writer> text_lookups(const palette& p) {
  return std::make_unique<text_writer>(p);
}

std::unique_ptr<lookup_writer> brief_lookups(const palette& p) {
  return std::make_unique<brief_writer>(p);
}

int look_up(const options& o, lookup_writer& w) {
  std::vector<std::string> operands = o.operands;
  if (operands.empty()) {
    if (!ipsecerr_io::stdin_is_pipe_or_file()) return usage_error_for("no code given");
    operands.emplace_back("-");
  }
  int status = found_all;
  for (const std::string& arg : operands) {
    if (arg == "-") {
      status = std::max(status, look_up_lines(w));
      continue;
    }
    if (!look_up_one(arg, w)) status = std::max(status, not_found);
  }
  w.finish();
  return status;
}

}  // namespace ipsecerr_tool
