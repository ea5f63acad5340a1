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

TEST_CASE("find_message: bad input is read safely") {
  REQUIRE(find(std::string_view("\0\0\0", 3)).empty());
  REQUIRE(find("\xE2").empty());
  REQUIRE(find("\xE2\x80").empty());
  REQUIRE(find("Don\xE2\x80").empty());
  REQUIRE(find("Load failed\xC2").empty());  // a broken UTF-8 byte closes no field
  std::string spaces = "Failure Reason:" + std::string(300, ' ') + "Load failed";
  REQUIRE(find(spaces).empty());  // further from its label than field_context_max
  std::string runs = "IKE" + std::string(600, ' ') + "authentication credentials are unacceptable";
  REQUIRE(find(runs).empty());  // a run of spaces longer than message_span_max
}
