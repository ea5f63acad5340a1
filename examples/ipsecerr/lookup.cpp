// SPDX-License-Identifier: MIT
// Lookups (see lookup.hpp): the text blocks, the -b lines, and the loop over standard input.
#include "lookup.hpp"

#include <algorithm>
#include <cstring>
#include <ipsecerr/ras.hpp>
#include <ipsecerr/search.hpp>
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

// Whether a token is an event log parameter id, %%N (and blanks around it): the number of a
// message in the event source's parameter file (for the Security log, msobjs.dll: %%13824 is
// the audit subcategory "User Account Management"), never an IPsec code.
bool event_parameter_id(std::string_view token) {
  const std::size_t first = token.find_first_not_of(" \t\r");
  const std::size_t last = token.find_last_not_of(" \t\r");
  if (first == std::string_view::npos || last - first < 2) return false;
  const std::string_view t = token.substr(first, last - first + 1);
  return t.substr(0, 2) == "%%" && t.find_first_not_of("0123456789", 2) == std::string_view::npos;
}

void tell_not_found(std::string_view input) {
  if (event_parameter_id(input)) {
    tell(
        "'{}': an event log parameter id (%%N: a message of the event source's parameter "
        "file, such as an audit subcategory), not an IPsec error code",
        shown(input));
    return;
  }
  // Numbers that have a code's shape but that their line says are something else (a syslog tag's
  // pid, a port, a byte count): say which, and how to look one up anyway.
  const ipsecerr::found_codes passed = ipsecerr::find_in(input);
  if (passed.empty() && passed.passed_over() > 0) {
    const ipsecerr::found_code first = passed.first_passed_over();
    const std::string number = shown(input.substr(first.offset, first.length));
    const std::size_t more = passed.passed_over() - 1;
    if (more == 0) {
      tell(
          "'{}': no IPsec error code: {} is a process id, port, index or size there, by what "
          "surrounds it; 'ipsecerr {}' looks the number up alone",
          shown(input), number, number);
    } else {
      tell(
          "'{}': no IPsec error code: {} and {} more number{} are process ids, ports, indexes or "
          "sizes there, by what surrounds them; 'ipsecerr {}' looks a number up alone",
          shown(input), number, more, more == 1 ? "" : "s", number);
    }
    return;
  }
  // Words (two or more) that are no code and no message may still name one in other words, or
  // hold a message among other words: point to -s when it finds codes for most of them.
  const ipsecerr::ranked_results ranked = ipsecerr::rank_search(input);
  const bool partial = !ranked.empty() && ranked.begin()->rank == ipsecerr::search_rank::partial;
  if (!ranked.empty() && ranked.begin()->words > 1 &&
      (!partial || ranked.begin()->matched * 2 > ranked.begin()->words)) {
    tell("'{}': not a known IPsec error code or name; ipsecerr -s finds {} code{} for {} words",
         shown(input), ranked.size(), ranked.size() == 1 ? "" : "s",
         partial ? "some of these" : "these");
    return;
  }
  tell("'{}': not a known IPsec error code or name", shown(input));
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
      tell_not_found(input);
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
  // `'TEXT': message of NAME (how found):`; codes that share the message say so.
  void messages(std::string_view input, const ipsecerr::message_hits& hits) override {
    for (const ipsecerr::message_hit& h : hits) {
      separate();
      print("{}'{}': message of {}{}{}{} ({}){}{}:{}\n", p_.bold(), shown(input), p_.reset(),
            p_.name(), h.entry->name, p_.reset(), ipsecerr::to_string(h.match), p_.bold(),
            sharers(hits, h), p_.reset());
      write_block(*h.entry, p_);
    }
  }

 private:
  // ", shared with NAME, NAME" for a hit whose message other entries have too.
  static std::string sharers(const ipsecerr::message_hits& hits, const ipsecerr::message_hit& h) {
    std::string names;
    for (const ipsecerr::message_hit& o : hits) {
      if (!h.shared || o.entry == h.entry || o.offset != h.offset || o.size != h.size) continue;
      names += names.empty() ? ", shared with " : ", ";
      names += o.entry->name;
    }
    return names;
  }

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
    if (r.empty()) tell_not_found(input);
    for (const ipsecerr::reading& x : r) {
      if (x.known()) write_brief(*x.info(), p_);
    }
  }
  void found(std::string_view, const ipsecerr::found_codes& codes) override {
    for (const ipsecerr::found_code& c : codes) write_brief(*c.entry, p_);
  }
  void messages(std::string_view, const ipsecerr::message_hits& hits) override {
    for (const ipsecerr::message_hit& h : hits) write_brief(*h.entry, p_);
  }

 private:
  palette p_;
};

// The codes found inside a text and those that the text names as RAS codes or with their space
// (`RAS error 809`, `VPN error 809`, RasClient's "The error code returned on failure is 809.":
// find_ras_phrase() and find_ras_code(), the annotator's rule), in text order; a code at the same
// place as one of found is kept once, as found has it.
ipsecerr::found_codes with_phrases(std::string_view text, const ipsecerr::found_codes& found) {
  std::vector<ipsecerr::found_code> named;
  for (auto m = ipsecerr::find_ras_phrase(text); m; m = ipsecerr::find_ras_phrase(text, m.last)) {
    if (m.info() == nullptr) continue;
    const bool ras = m.space == ipsecerr::code_space::ras;
    named.push_back({m.number, m.last - m.number,
                     ras ? ipsecerr::form::ras : ipsecerr::form::decimal, m.info()});
  }
  for (auto m = ipsecerr::find_ras_code(text); m; m = ipsecerr::find_ras_code(text, m.last)) {
    const bool known = std::any_of(named.begin(), named.end(), [&](const ipsecerr::found_code& c) {
      return c.offset == m.number;
    });
    if (!known) named.push_back({m.number, m.last - m.number, ipsecerr::form::ras, m.info()});
  }
  std::stable_sort(named.begin(), named.end(),
                   [](const ipsecerr::found_code& a, const ipsecerr::found_code& b) {
                     return a.offset < b.offset;
                   });
  ipsecerr::found_codes all;
  std::size_t next = 0;  // the first of found not yet in all
  for (const ipsecerr::found_code& c : named) {
    for (; next < found.size() && found[next].offset < c.offset; ++next) all.push_back(found[next]);
    if (next < found.size() && found[next].offset == c.offset) continue;
    all.push_back(c);
  }
  for (; next < found.size(); ++next) all.push_back(found[next]);
  if (found.truncated()) all.push_back({});  // all is full: this marks it truncated
  return all;
}

// The size of a typographic quote (“ ” ‘ ’ « ») at text[i], or 0.
std::size_t quote_at(std::string_view text, std::size_t i) {
  const std::string_view quotes[] = {"\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"};
  for (const std::string_view q : quotes) {
    if (text.substr(i, q.size()) == q) return q.size();
  }
  return 0;
}

// The size of a typographic quote that ends text[..end), or 0.
std::size_t quote_before(std::string_view text, std::size_t end) {
  for (std::size_t n = 2; n <= 3 && n <= end; ++n) {
    if (quote_at(text, end - n) == n) return n;
  }
  return 0;
}

bool alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// [first, last) without the blanks, ASCII punctuation and typographic quotes around it (a '-'
// before a digit stays: -2147011002; a '%' too: %%13824 is an event parameter id, no code).
void trim(std::string_view token, std::size_t& first, std::size_t& last) {
  for (;;) {
    if (first < last && !alnum(token[first]) && token[first] != '%' &&
        static_cast<unsigned char>(token[first]) < 0x80 &&
        !(token[first] == '-' && first + 1 < last && token[first + 1] >= '0' &&
          token[first + 1] <= '9')) {
      ++first;
    } else if (const std::size_t q = first < last ? quote_at(token, first) : 0) {
      first += q;
    } else {
      break;
    }
  }
  for (;;) {
    if (last > first && !alnum(token[last - 1]) &&
        static_cast<unsigned char>(token[last - 1]) < 0x80) {
      --last;
    } else if (const std::size_t q = quote_before(token, last); q != 0 && last - q >= first) {
      last -= q;
    } else {
      break;
    }
  }
}

// Whether token[first, last) starts (at_end: ends) with the word `label` in any case, separated
// from the rest by blanks, ':', '=' or '#'; if so, takes it away.
bool take_label(std::string_view token, std::size_t& first, std::size_t& last,
                std::string_view label, bool at_end) {
  const std::size_t n = label.size();
  if (last - first <= n) return false;
  const std::size_t at = at_end ? last - n : first;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = token[at + i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != label[i]) return false;
  }
  const char next = at_end ? token[at - 1] : token[at + n];
  if (next != ' ' && next != '\t' && next != ':' && next != '=' && next != '#') return false;
  if (at_end) {
    last = at;
  } else {
    first = at + n;
  }
  return true;
}

// The code of a token as a user copies it, read as a whole once what surrounds it is taken
// away: punctuation, quotes and blanks (`809.”`, `(13894)`), a label before it (`error 809`,
// `Error code: 809`, `rc=13801`) or the word error after it (`789 error`). Forms that count only
// as a whole token stay out after a label (hex without 0x) and always (a name's end: `Failed!`).
ipsecerr::found_codes core_codes(std::string_view token) {
  std::size_t first = 0;
  std::size_t last = token.size();
  trim(token, first, last);
  bool labelled = false;
  for (const std::string_view label : {"error code", "errorcode", "error", "err", "code", "rc"}) {
    if (take_label(token, first, last, label, false)) {
      labelled = true;
      break;
    }
  }
  labelled = take_label(token, first, last, "error", true) || labelled;
  trim(token, first, last);
  ipsecerr::found_codes codes;
  if (first == 0 && last == token.size()) return codes;  // nothing around it: parse() said no
  for (const ipsecerr::reading& x : ipsecerr::parse(token.substr(first, last - first))) {
    if (!x.known() || x.form == ipsecerr::form::name_suffix ||
        (labelled && x.form == ipsecerr::form::bare_hex)) {
      continue;
    }
    codes.push_back({first, last - first, x.form, x.info()});
  }
  return codes;
}

// One token: its readings as a whole, else the codes inside it, else the code of its core, else
// the entries whose message it is or holds. Whether it gave a code.
bool look_up_one(std::string_view token, lookup_writer& w) {
  const ipsecerr::readings r = ipsecerr::parse(token);
  if (r.empty()) {
    for (const ipsecerr::found_codes& inside :
         {with_phrases(token, ipsecerr::find_in(token)), core_codes(token)}) {
      if (!inside.empty()) {
        w.found(token, inside);
        return true;
      }
    }
    const ipsecerr::message_hits texts = ipsecerr::find_message(token);
    if (!texts.empty()) {
      w.messages(token, texts);
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
  static ipsecerr_io::text_input text(in);
  static ipsecerr_io::line_reader lines(text, line_limit);
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
