// SPDX-License-Identifier: MIT
// find_message(), find_messages(), match_field(): Windows message texts as users paste them and as
// logs hold them (ticket sentences, log prefixes, quotes, XML, JSON, `Failure Reason:` lines).
#include <catch2/catch.hpp>
#include <cstdint>
#include <initializer_list>
#include <ipsecerr/message.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "run_time.hpp"

namespace {

using ipsecerr::message_match;
using ipsecerr_test::at_run_time;

struct found {
  std::uint32_t code;
  message_match match;
  std::string text;  // the span in the input
  bool operator==(const found& o) const {
    return code == o.code && match == o.match && text == o.text;
  }
};

std::ostream& operator<<(std::ostream& os, const found& f) {
  return os << f.code << " " << to_string(f.match) << " '" << f.text << "'";
}

std::vector<found> hits_of(const ipsecerr::message_hits& hits, std::string_view text) {
  std::vector<found> out;
  for (const ipsecerr::message_hit& h : hits) {
    out.push_back({h.entry->code, h.match, std::string(text.substr(h.offset, h.size))});
  }
  return out;
}

std::vector<found> find(std::string_view text) {
  const std::string copy = at_run_time(text);
  return hits_of(ipsecerr::find_message(copy), copy);
}

std::vector<found> in_line(std::string_view text) {
  const std::string copy = at_run_time(text);
  return hits_of(ipsecerr::find_messages(copy), copy);
}

// Inputs that hold exactly one message: the input, the code, how and where it is found.
struct single {
  const char* input;
  std::uint32_t code;
  message_match match;
  const char* span;
};

void require_single(std::initializer_list<single> cases) {
  for (const single& c : cases) {
    CAPTURE(c.input);
    REQUIRE(find(c.input) == std::vector<found>{{c.code, c.match, c.span}});
  }
}

std::vector<std::uint32_t> codes(std::string_view text) {
  std::vector<std::uint32_t> out;
  for (const found& f : find(text)) out.push_back(f.code);
  return out;
}

}  // namespace

static_assert(ipsecerr::find_message("No policy configured.")[0].entry->code == 13825);
static_assert(ipsecerr::find_message("Failure Reason:\t\tNo policy configured").size() == 1);
static_assert(ipsecerr::find_message("the load failed twice").empty());
static_assert(noexcept(ipsecerr::find_message(std::string_view{})));
static_assert(ipsecerr::message_span_max == 2 * ipsecerr::longest_message_size);

TEST_CASE("find_message: compile time: a text is matched in a constant expression") {
  STATIC_REQUIRE(ipsecerr::find_message("Negotiation timed out")[0].match == message_match::exact);
  STATIC_REQUIRE(ipsecerr::find_message("negotiation took too long.").size() == 2);
  STATIC_REQUIRE(ipsecerr::find_messages("<Data>Load failed</Data>")[0].entry->code == 13876);
}

TEST_CASE("find_message: the whole text byte for byte is exact") {
  REQUIRE(find("Load failed") == std::vector<found>{{13876, message_match::exact, "Load failed"}});
  REQUIRE(find("The specified main mode policy was not found") ==
          std::vector<found>{
              {13004, message_match::exact, "The specified main mode policy was not found"}});
  // 13907's two spaces are Windows' own.
  const std::string_view m13907 =
      "SA establishment is not authorized.  You may need to enter updated or different "
      "credentials such as a smartcard.";
  REQUIRE(find(m13907) == std::vector<found>{{13907, message_match::exact, std::string(m13907)}});
}

TEST_CASE("find_message: case, quotes, punctuation, final period and spaces are ignored; fields") {
  constexpr message_match normalized = message_match::normalized;
  constexpr message_match field = message_match::field;
  require_single({
      {"no policy configured.", 13825, normalized, "no policy configured"},
      {"  'Negotiation timed out'  ", 13805, normalized, "Negotiation timed out"},
      {"\xE2\x80\x9CNegotiation timed out.\xE2\x80\x9D", 13805, normalized,
       "Negotiation timed out"},
      {"ipsec integrity check failed", 13915, normalized, "ipsec integrity check failed"},
      {"IKE   authentication\tcredentials are UNACCEPTABLE!!", 13801, normalized,
       "IKE   authentication\tcredentials are UNACCEPTABLE"},
      // A short message as a whole field (see below for the rule).
      // The rest of a line after a label (the rendered text of events 4653/4654).
      {"\tFailure Reason:\t\tNo policy configured", 13825, field, "No policy configured"},
      {"Failure Reason: Negotiation timed out.", 13805, field, "Negotiation timed out"},
      // An XML element's text (event 4653 as XML).
      {"<Data Name=\"FailureReason\">No policy configured</Data>", 13825, field,
       "No policy configured"},
      // A JSON string value.
      {"{\"EventID\":4653,\"FailureReason\":\"Load failed\",\"ProcessId\":4}", 13876, field,
       "Load failed"},
  });
  // One space where Windows has two, and a typographic apostrophe for '.
  REQUIRE(codes("SA establishment is not authorized. You may need to enter updated or different "
                "credentials such as a smartcard.") == std::vector<std::uint32_t>{13907});
  REQUIRE(codes("Peer\xE2\x80\x99s certificate did not have a public key") ==
          std::vector<std::uint32_t>{13828});
  REQUIRE(codes("Don't know how to process critical payload.") ==
          std::vector<std::uint32_t>{13823});
}

TEST_CASE("find_message: codes that share a text are all returned, and say so") {
  const std::string text = at_run_time("negotiation request sat in queue too long");
  const auto hits = ipsecerr::find_message(text);
  REQUIRE(hits.size() == 4);
  REQUIRE(hits.shared());
  for (std::size_t i = 0; i < 4; ++i) {
    REQUIRE(hits[i].entry->code == 13809 + i);
    REQUIRE(hits[i].shared);
    REQUIRE(hits[i].match == message_match::normalized);
  }
  REQUIRE(codes("Negotiation took too long") == std::vector<std::uint32_t>{13814, 13815});
  REQUIRE_FALSE(ipsecerr::find_message(at_run_time("Load failed")).shared());
}

TEST_CASE("find_message: a distinctive message inside a ticket sentence or after a log prefix") {
  REQUIRE(find("Hi team, since Monday the VPN fails with IKE authentication credentials are "
               "unacceptable when users connect from home.") ==
          std::vector<found>{{13801, message_match::contained,
                              "IKE authentication credentials are unacceptable"}});
  REQUIRE(find("2024-02-11 08:15:02.114 [IKEEXT] IKE SA deleted by peer before establishment "
               "completed (peer 203.0.113.7)") ==
          std::vector<found>{{13807, message_match::contained,
                              "IKE SA deleted by peer before establishment completed"}});
  // A word after it.
  REQUIRE(codes("IKE authentication credentials are unacceptable error") ==
          std::vector<std::uint32_t>{13801});
  const auto queue = find("Mar  3 09:12:01 gw01 IKEEXT: Negotiation request sat in Queue too long");
  REQUIRE(queue.size() == 4);
  REQUIRE(queue.front().match == message_match::field);  // the rest of the line after "IKEEXT:"
}

TEST_CASE("find_message: a short message is found only as a whole field") {
  // Inside a longer sentence: never.
  REQUIRE(find("The firmware load failed twice before the reboot").empty());
  REQUIRE(find("Negotiation timed out after 30 seconds, retrying").empty());
  REQUIRE(find("There is no policy configured for this user yet").empty());
  REQUIRE(find("error: Policy match error while adding the route").empty());
  // A quoted string in a sentence, with typographic quotes too.
  REQUIRE(codes("the client said \"Negotiation timed out\" again") ==
          std::vector<std::uint32_t>{13805});
  REQUIRE(codes("the client said \xE2\x80\x9CPolicy match error\xE2\x80\x9D again") ==
          std::vector<std::uint32_t>{13868});
  // A quote opened must be closed.
  REQUIRE(find("he wrote 'Load failed and left").empty());
  // A whole line inside a longer text, and a tab-separated cell.
  REQUIRE(codes("Event 4653\r\nNo policy configured\r\nMore text here") ==
          std::vector<std::uint32_t>{13825});
  REQUIRE(codes("4653\tNo policy configured\t10.0.0.1") == std::vector<std::uint32_t>{13825});
}

TEST_CASE("find_message: matches end at word boundaries") {
  REQUIRE(find("XIKE authentication credentials are unacceptable").empty());
  REQUIRE(find("IKE authentication credentials are unacceptableness").empty());
  REQUIRE(find("Load failedx").empty());
  REQUIRE(codes("(IKE authentication credentials are unacceptable)") ==
          std::vector<std::uint32_t>{13801});
}

TEST_CASE("find_message: the longest message starting at a word wins") {
  // 13905's text is the start of 13906's and 13908's.
  REQUIRE(codes("Reason: SA establishment is not authorized because there is not a sufficiently "
                "strong PKINIT-based credential.") == std::vector<std::uint32_t>{13906});
  REQUIRE(codes("Reason: SA establishment is not authorized.") ==
          std::vector<std::uint32_t>{13905});
  // 13860's long text holds "negotiation took too long", a short message inside a sentence.
  REQUIRE(codes("Failed to add Security Association to IPsec Driver. The most common cause for "
                "this is if the IKE negotiation took too long to complete. If the problem "
                "persists, reduce the load on the faulting machine.") ==
          std::vector<std::uint32_t>{13860});
}

TEST_CASE("find_messages: every message of a line, in order, with its span") {
  const std::string line = at_run_time(
      "IKEEXT: Negotiation timed out | Reason: Load failed | IKE SA deleted before "
      "establishment completed");
  const auto hits = in_line(line);
  REQUIRE(hits ==
          std::vector<found>{
              {13805, message_match::field, "Negotiation timed out"},
              {13876, message_match::field, "Load failed"},
              {13808, message_match::field, "IKE SA deleted before establishment completed"},
          });
  // The whole text is only a field here, never exact or normalized.
  REQUIRE(in_line("Load failed") ==
          std::vector<found>{{13876, message_match::field, "Load failed"}});
  REQUIRE(in_line("nothing to see here").empty());
}

TEST_CASE("find_messages: from a byte on, and more hits than the capacity") {
  std::string line;
  for (int i = 0; i < 40; ++i) line += "Load failed\t";
  const auto first = ipsecerr::find_messages(line);
  REQUIRE(first.size() == ipsecerr::message_hits::capacity);
  REQUIRE(first.truncated());
  REQUIRE(first.resume() == std::size_t{32} * 12);
  const auto rest = ipsecerr::find_messages(line, first.resume());
  REQUIRE(rest.size() == 8);
  REQUIRE_FALSE(rest.truncated());
  REQUIRE(rest.resume() == line.size());
  REQUIRE(rest[0].offset == std::size_t{32} * 12);
  // Starting inside a word skips that word.
  REQUIRE(ipsecerr::find_messages("Load failed", 1).empty());
  REQUIRE(ipsecerr::find_messages("Load failed", 100).empty());
}

TEST_CASE("match_field: the whole field only") {
  REQUIRE(ipsecerr::match_field(at_run_time("Load failed"))[0].match == message_match::exact);
  REQUIRE(ipsecerr::match_field(at_run_time("\"load failed.\""))[0].match ==
          message_match::normalized);
  REQUIRE(ipsecerr::match_field(at_run_time("Failure Reason: Load failed")).empty());
  REQUIRE(ipsecerr::match_field(at_run_time("")).empty());
  REQUIRE(ipsecerr::match_field(at_run_time("...")).empty());
}

TEST_CASE("find_message: range markers only as the whole text") {
  REQUIRE(codes("ERROR_IPSEC_IKE_NEG_STATUS_BEGIN") == std::vector<std::uint32_t>{13800});
  REQUIRE(codes("see ERROR_IPSEC_IKE_NEG_STATUS_BEGIN in winerror.h").empty());
}

TEST_CASE("is_distinctive: five words, or four with an IPsec term") {
  REQUIRE(ipsecerr::is_distinctive(*ipsecerr::find(13801)));        // 5 words
  REQUIRE(ipsecerr::is_distinctive(*ipsecerr::find(13803)));        // "IKE Negotiation in progress"
  REQUIRE(ipsecerr::is_distinctive(*ipsecerr::find(13845)));        // "Soft SA torn down"
  REQUIRE_FALSE(ipsecerr::is_distinctive(*ipsecerr::find(13805)));  // Negotiation timed out
  REQUIRE_FALSE(ipsecerr::is_distinctive(*ipsecerr::find(13813)));  // No response from peer
  REQUIRE_FALSE(ipsecerr::is_distinctive(*ipsecerr::find(13814)));  // Negotiation took too long
  REQUIRE_FALSE(ipsecerr::is_distinctive(*ipsecerr::find(13800)));  // a range marker
}

TEST_CASE("find_message: every message of the table finds its own entry") {
  for (const ipsecerr::error_info& e : ipsecerr::all()) {
    CAPTURE(e.code);
    const std::string m = at_run_time(e.message);
    const auto exact = ipsecerr::find_message(m);
    REQUIRE_FALSE(exact.empty());
    bool self = false;
    for (const auto& h : exact) {
      self = self || h.entry == &e;
      REQUIRE(h.match == message_match::exact);
      REQUIRE(h.entry->message == e.message);
    }
    REQUIRE(self);
    // In lower case, in a `Reason:` line: always a whole field (markers excepted).
    std::string lower = "Reason: " + m;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const auto field = ipsecerr::find_messages(lower);
    if (e.kind == ipsecerr::kind::marker) {
      REQUIRE(field.empty());
    } else {
      REQUIRE_FALSE(field.empty());
      REQUIRE(field[0].match == message_match::field);
      REQUIRE(field[0].entry->message == e.message);
      REQUIRE(field[0].offset == 8);
    }
    REQUIRE(e.message.size() <= ipsecerr::longest_message_size);
  }
}

TEST_CASE("find_message: what may stand between the first two words does not hide a message") {
  // The message index passes over rows whose second word starts with another letter (a speed-up);
  // each gap that the comparison allows must still find the entry: blanks for a Win32 text, any
  // punctuation for a RAS one.
  const auto found = [](const std::string& text, const ipsecerr::error_info& e) {
    for (const auto& h : ipsecerr::find_messages(text)) {
      if (h.entry == &e) return true;
    }
    return false;
  };
  const auto with_gap = [](std::string_view m, std::string_view gap) {
    const std::size_t w = ipsecerr::detail::first_word_size(m);
    std::size_t k = w;
    while (k < m.size() && !ipsecerr::detail::msg_alnum(m[k])) ++k;
    return std::string(m.substr(0, w)) + std::string(gap) + std::string(m.substr(k));
  };
  for (std::size_t row = 0; row < ipsecerr::detail::message_rows; ++row) {
    const ipsecerr::error_info& e = ipsecerr::detail::message_entry(row);
    if (e.kind == ipsecerr::kind::marker) continue;
    CAPTURE(e.code);
    const std::string m = at_run_time(e.message);
    const std::size_t w = ipsecerr::detail::first_word_size(m);
    if (w == m.size()) continue;  // one word
    if (m[w] == ' ') {
      REQUIRE(found("Reason: " + with_gap(m, "\t \t"), e));
      REQUIRE(found("Reason: " + with_gap(m, "   "), e));
    }
    if (e.space == ipsecerr::code_space::ras) {
      REQUIRE(found("Reason: " + with_gap(m, " - "), e));
      REQUIRE(found("Reason: " + with_gap(m, ", \u201C"), e));
    }
  }
}

TEST_CASE("find_message: bad input is read safely") {
  REQUIRE(find(std::string_view("\0\0\0", 3)).empty());
  REQUIRE(find("\xE2").empty());
  REQUIRE(find("\xE2\x80").empty());
  REQUIRE(find("Don\xE2\x80").empty());
  REQUIRE(find("Load failed\xC2").empty());  // a broken UTF-8 byte closes no field
  std::string spaces = "Failure Reason:" + std::string(300, ' ') + "Load failed";
  REQUIRE(find(spaces).empty());  // further from its label than field_context_max
  std::string runs = "IKE" + std::string(ipsecerr::message_span_max, ' ') +
                     "authentication credentials are unacceptable";
  REQUIRE(find(runs).empty());  // a run of spaces longer than message_span_max
  std::string ras_runs =
      "Mobility is" + std::string(ipsecerr::message_span_max, '.') + "disabled for this connection";
  REQUIRE(find(ras_runs).empty());                         // the same for a RAS text's separators
  REQUIRE(find("Mobility is disabled for this").empty());  // a RAS text cut short
  REQUIRE(find("(e.g, firewalls, NAT, routers, etc)").empty());  // a RAS text's part alone
}

// ---- RAS entries (ipsecerr/ras.hpp): the SDK's text, and as Windows builds print it ----

namespace {

// 809's text as RasError.h (SDK 10.0.26100) gives it, written out here, not read from the table.
constexpr std::string_view sdk_809 =
    "The network connection between your computer and the VPN server could not be established "
    "because the remote server is not responding. This could be because one of the network "
    "devices (e.g, firewalls, NAT, routers, etc) between your computer and the remote server is "
    "not configured to allow VPN connections. Please contact your Administrator or your service "
    "provider to determine which device may be causing the problem.";
// The other two run-time wordings of the example list (reference README), whole.
constexpr std::string_view run_time_809_dotted =
    "The network connection between your computer and the VPN server could not be established "
    "because the remote server is not responding. This could be because one of the network "
    "devices (e.g. firewalls, NAT, routers, etc.) between your computer and the remote server is "
    "not configured to allow VPN connections. Please contact your Administrator or your service "
    "provider to determine which device may be causing the problem.";
constexpr std::string_view run_time_809_router =
    "The network connection between your computer and the VPN server could not be established "
    "because the remote server is not responding. This could be because one of the network "
    "devices (e.g., firewalls, NAT, Router etc.) between your computer and the remote server is "
    "not configured to allow VPN connections. Please contact your Administrator or your service "
    "provider to determine which device may be causing the problem.";

}  // namespace

static_assert(ipsecerr::find_message(sdk_809)[0].entry->space == ipsecerr::code_space::ras);
static_assert(ipsecerr::find_message(run_time_809_router)[0].entry->code == 809);

TEST_CASE("find_message: RAS texts: the SDK's text is exact, and finds the RAS entry") {
  REQUIRE(sdk_809 == ipsecerr::find_ras(809)->message);
  const auto hits = ipsecerr::find_message(at_run_time(sdk_809));
  REQUIRE(hits.size() == 1);
  REQUIRE(hits[0].entry == ipsecerr::find_ras(809));
  REQUIRE(hits[0].entry->space == ipsecerr::code_space::ras);
  REQUIRE(hits[0].match == message_match::exact);
  REQUIRE_FALSE(hits.shared());
}

TEST_CASE("find_message: RAS texts: the three documented wordings of 809 all find it") {
  for (const std::string_view text : {sdk_809, run_time_809_dotted, run_time_809_router}) {
    CAPTURE(text);
    const std::string whole(text);
    const auto as_text = find(whole);
    REQUIRE(as_text.size() == 1);
    REQUIRE(as_text[0].code == 809);
    // A normalized match spans the text without its final period, as for Win32 texts.
    const bool exact = text == sdk_809;
    REQUIRE(as_text[0].match == (exact ? message_match::exact : message_match::normalized));
    REQUIRE(as_text[0].text == (exact ? whole : whole.substr(0, whole.size() - 1)));
    // As RasClient's event 20227 text or a ticket holds it: after a prefix, before more words.
    const std::string line =
        "CoId={4E1D}: The user dialed a connection named Work VPN which has "
        "failed. Error 809: " +
        whole + " Any idea?";
    const auto inside = find(line);
    REQUIRE(inside.size() == 1);
    REQUIRE(inside[0].code == 809);
    REQUIRE(inside[0].match == message_match::contained);
    REQUIRE(inside[0].text == whole);
    // Lower case, and in an XML element: a whole field.
    std::string lower = "<Data Name=\"Reason\">" + whole + "</Data>";
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const auto field = in_line(lower);
    REQUIRE(field.size() == 1);
    REQUIRE(field[0].code == 809);
    REQUIRE(field[0].match == message_match::field);
  }
}

TEST_CASE("find_message: RAS texts: punctuation and spacing may differ, words may not") {
  // 766 and 870: the SDK's double spaces collapsed.
  require_single({
      {"A certificate could not be found. Connections that use the L2TP protocol over IPSec "
       "require the installation of a machine certificate, also known as a computer certificate.",
       766, message_match::normalized,
       "A certificate could not be found. Connections that use the L2TP protocol over IPSec "
       "require the installation of a machine certificate, also known as a computer certificate"},
      {"The Interface could not be enabled as more than one interface with same destination has "
       "been created with authentication method as Pre Shared Key. Change the destination/auth "
       "method and enable the interface",
       870, message_match::normalized,
       "The Interface could not be enabled as more than one interface with same destination has "
       "been created with authentication method as Pre Shared Key. Change the destination/auth "
       "method and enable the interface"},
      // Quotes as Windows may print them, typographic or none, and no final period.
      {"The VPN connection cannot be completed because the \xE2\x80\x98IKE and AuthIP IPSec Keying "
       "Modules\xE2\x80\x99 service and/or the \xE2\x80\x98"
       "Base Filtering Engine\xE2\x80\x99 "
       "service is not running. These services are required to establish the connection. Please "
       "ensure that these services have been started before dialing the connection",
       827, message_match::normalized,
       "The VPN connection cannot be completed because the \xE2\x80\x98IKE and AuthIP IPSec Keying "
       "Modules\xE2\x80\x99 service and/or the \xE2\x80\x98"
       "Base Filtering Engine\xE2\x80\x99 "
       "service is not running. These services are required to establish the connection. Please "
       "ensure that these services have been started before dialing the connection"},
      {"mobility is disabled for this connection", 843, message_match::normalized,
       "mobility is disabled for this connection"},
      {"Error: Mobility is disabled for this connection.", 843, message_match::field,
       "Mobility is disabled for this connection."},
  });
  // A changed word is another text: "routers" stays as it is outside the example list.
  std::string other(sdk_809);
  other.replace(other.find("VPN server"), 10, "RAS server");
  REQUIRE(find(other).empty());
  // Words must stay apart: "e.g" is two words, "eg" is one.
  std::string merged(sdk_809);
  merged.replace(merged.find("(e.g,"), 5, "(eg,");
  REQUIRE(find(merged).empty());
  // The list must still end with "etc".
  std::string no_etc(sdk_809);
  no_etc.replace(no_etc.find("etc)"), 4, ")");
  REQUIRE(find(no_etc).empty());
}

TEST_CASE("find_message: every RAS message finds its own entry, also in lower case after a label") {
  for (const ipsecerr::error_info& e : ipsecerr::all_ras()) {
    CAPTURE(e.code);
    const auto exact = ipsecerr::find_message(at_run_time(e.message));
    REQUIRE(exact.size() == 1);
    REQUIRE(exact[0].entry == &e);
    REQUIRE(exact[0].match == message_match::exact);
    REQUIRE(ipsecerr::is_distinctive(e));
    std::string lower = "Reason: " + std::string(e.message);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const auto field = ipsecerr::find_messages(lower);
    REQUIRE(field.size() == 1);
    REQUIRE(field[0].entry == &e);
    REQUIRE(field[0].match == message_match::field);
    REQUIRE(field[0].offset == 8);
    REQUIRE(e.message.size() <= ipsecerr::longest_message_size);
  }
  // The longest message is a RAS one (811): message_span_max covers both tables.
  REQUIRE(ipsecerr::longest_message_size == ipsecerr::find_ras(811)->message.size());
}
