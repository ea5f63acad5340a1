// SPDX-License-Identifier: MIT
// Meaning: phases, hints, related-code links and the long form of describe(), with the checks
// behind them shown to reject broken data.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <iomanip>
#include <ipsecerr/ipsecerr.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "run_time.hpp"

namespace {

using ipsecerr::errc;
using ipsecerr::link_reason;
using ipsecerr::phase;

using ipsecerr_test::at_run_time;

std::string long_text(std::uint32_t code) {
  std::ostringstream os;
  os << ipsecerr::describe(code).long_form();
  return os.str();
}

// The related codes of a code, as a map code -> reason.
std::map<std::uint32_t, link_reason> links_of(std::uint32_t code) {
  std::map<std::uint32_t, link_reason> out;
  for (const auto& r : ipsecerr::related(at_run_time(code))) out.emplace(r.code, r.reason);
  return out;
}

bool linked(std::uint32_t a, std::uint32_t b, link_reason reason) {
  const auto la = links_of(a);
  const auto lb = links_of(b);
  const auto ia = la.find(b);
  const auto ib = lb.find(a);
  return ia != la.end() && ib != lb.end() && ia->second == reason && ib->second == reason;
}

}  // namespace

// ---- Compile time: the examples of the README. ----
static_assert(ipsecerr::find(13894)->phase == phase::quick_mode);
static_assert(ipsecerr::related(13894).size() == 2);
static_assert(ipsecerr::related(13894)[0].code == 13885);
static_assert(ipsecerr::related(13894)[0].reason == link_reason::cause_effect);
static_assert(ipsecerr::related(0x80073646).size() == 2);
static_assert(ipsecerr::related(errc::ike_invalid_mm_for_qm).size() == 2);
static_assert(ipsecerr::related(12345).empty());
static_assert(ipsecerr::to_string(link_reason::cause_effect) == "cause or effect");
static_assert(ipsecerr::describe(13894).long_form().size() > 0);
static_assert(noexcept(ipsecerr::related(std::uint32_t{1})) && noexcept(ipsecerr::related(
    errc::ike_qm_expired)) && noexcept(ipsecerr::describe(std::uint32_t{1}).long_form()));

TEST_CASE("related: is a constexpr range of code and reason, in code order") {
  constexpr auto r = ipsecerr::related(13894);
  STATIC_REQUIRE(r.size() == 2);
  STATIC_REQUIRE(r[0].code == 13885);
  STATIC_REQUIRE(r[1].code == 13886);
  STATIC_REQUIRE(r[1].reason == link_reason::cause_effect);
  std::vector<std::uint32_t> codes;
  for (const auto& e : ipsecerr::related(at_run_time(13894))) codes.push_back(e.code);
  REQUIRE(codes == std::vector<std::uint32_t>{13885, 13886});
}

TEST_CASE("related: takes HRESULT, NTSTATUS_FROM_WIN32 and errc forms, and unknown codes") {
  const auto plain = ipsecerr::related(at_run_time(13894));
  REQUIRE(ipsecerr::related(at_run_time(0x80073646u)).begin() == plain.begin());
  REQUIRE(ipsecerr::related(at_run_time(0xC0073646u)).begin() == plain.begin());
  REQUIRE(ipsecerr::related(errc::ike_invalid_mm_for_qm).begin() == plain.begin());
  REQUIRE(ipsecerr::related(at_run_time(12345)).empty());
  REQUIRE(ipsecerr::related(at_run_time(0)).empty());
  REQUIRE(ipsecerr::related(at_run_time(0xFFFFFFFFu)).empty());
}

TEST_CASE("related: links are symmetric, resolve, have no self links or duplicates, at most 8") {
  std::set<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::set<std::uint32_t> at_cap;
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    const auto r = ipsecerr::related(at_run_time(e.code));
    REQUIRE(r.size() <= 8);
    if (r.size() == 8) at_cap.insert(e.code);
    std::set<std::uint32_t> seen;
    for (const auto& l : r) {
      REQUIRE(l.code != e.code);
      REQUIRE(ipsecerr::is_known(l.code));
      REQUIRE(seen.insert(l.code).second);
      REQUIRE(linked(e.code, l.code, l.reason));
      pairs.emplace(std::min(e.code, l.code), std::max(e.code, l.code));
    }
  }
  REQUIRE(pairs.size() == ipsecerr::detail::link_count);
  REQUIRE(at_cap == std::set<std::uint32_t>{13801});  // the one code at the cap
}

TEST_CASE("related: the links by reason") {
  std::map<link_reason, std::size_t> by_reason;
  for (const auto& l : ipsecerr::detail::links) ++by_reason[l.reason];
  REQUIRE(ipsecerr::detail::link_count == 161);
  REQUIRE(by_reason == std::map<link_reason, std::size_t>{{link_reason::same_text, 7},
                                                          {link_reason::counterpart, 10},
                                                          {link_reason::same_object, 32},
                                                          {link_reason::same_family, 100},
                                                          {link_reason::cause_effect, 12}});
}

TEST_CASE("related: every error has a link except the seven the header names") {
  std::set<std::uint32_t> unlinked;
  for (const auto& e : ipsecerr::all()) {
    if (ipsecerr::related(e.code).empty()) unlinked.insert(e.code);
  }
  // The markers (13800, 13897, 13909) need none; 11033, 13876, 13878, 13898, 13902, 13904 and
  // 13931 have none that can be defended. The warnings 13024 and 13025 do have links.
  REQUIRE(unlinked == std::set<std::uint32_t>{11033, 13800, 13876, 13878, 13897, 13898, 13902,
                                              13904, 13909, 13931});
  std::set<std::uint32_t> listed;
  for (const auto c : ipsecerr::detail::unlinked_errors)
    listed.insert(static_cast<std::uint32_t>(c));
  REQUIRE(listed == std::set<std::uint32_t>{11033, 13876, 13878, 13898, 13902, 13904, 13931});
}

TEST_CASE("related: the queue-drop codes 13809-13812 all share their text and link to each other") {
  const std::uint32_t queue[] = {13809, 13810, 13811, 13812};
  for (const auto a : queue) {
    for (const auto b : queue) {
      if (a == b) continue;
      CAPTURE(a, b);
      REQUIRE(ipsecerr::find(a)->message == ipsecerr::find(b)->message);
      REQUIRE(linked(a, b, link_reason::same_text));
    }
  }
  REQUIRE(linked(13814, 13815, link_reason::same_text));
}

TEST_CASE("related: every same_text link joins two codes with the identical message") {
  std::size_t same_text = 0;
  for (const auto& e : ipsecerr::all()) {
    for (const auto& l : ipsecerr::related(e.code)) {
      if (l.reason != link_reason::same_text) continue;
      ++same_text;
      REQUIRE(ipsecerr::find(l.code)->message == e.message);
    }
  }
  REQUIRE(same_text == 14);  // 7 links, both directions: 13809-13812 (6 links) and 13814/13815
}

TEST_CASE("related: main mode and quick mode counterparts") {
  REQUIRE(linked(13885, 13895, link_reason::counterpart));  // MM expired / QM expired
  REQUIRE(linked(13003, 13000, link_reason::counterpart));  // policy exists, MM / QM
  REQUIRE(linked(13004, 13001, link_reason::counterpart));  // policy not found, MM / QM
  REQUIRE(linked(13005, 13002, link_reason::counterpart));  // policy in use, MM / QM
  REQUIRE(linked(13021, 13023, link_reason::counterpart));  // policy pending deletion
  REQUIRE(linked(13024, 13025, link_reason::counterpart));  // policy pruned, MM / QM
}

TEST_CASE("related: 13894 points to what breaks its main mode, as cause or effect") {
  REQUIRE(links_of(13894) ==
          std::map<std::uint32_t, link_reason>{{13885, link_reason::cause_effect},
                                               {13886, link_reason::cause_effect}});
  REQUIRE(linked(13805, 13813, link_reason::cause_effect));  // silent peer -> time-out
  REQUIRE(linked(13815, 13860, link_reason::cause_effect));  // slow quick mode -> SA refused
}

TEST_CASE("related: 13801 leads to the certificate and authorization failures behind it") {
  REQUIRE(links_of(13801) ==
          std::map<std::uint32_t, link_reason>{{13806, link_reason::same_family},
                                               {13818, link_reason::cause_effect},
                                               {13827, link_reason::same_family},
                                               {13847, link_reason::same_family},
                                               {13870, link_reason::same_family},
                                               {13887, link_reason::cause_effect},
                                               {13889, link_reason::same_family},
                                               {13905, link_reason::same_family}});
  REQUIRE(linked(13806, 13818, link_reason::same_family));  // certificate unusable for IKE
  REQUIRE(linked(13865, 13868, link_reason::same_family));  // DH group vs policy mismatch
}

TEST_CASE("related: links that only look alike are not counterparts or causes") {
  // Different limits (MM SAs to a peer, QMs per MM), and not cause and effect.
  REQUIRE(linked(13882, 13884, link_reason::same_family));
  REQUIRE(linked(13806, 13887, link_reason::same_family));
  // Links no source supports are gone, in both directions.
  const std::pair<std::uint32_t, std::uint32_t> dropped[] = {
      {13894, 13895}, {13900, 13904}, {13808, 13902}, {13925, 13931}};
  for (const auto& d : dropped) {
    CAPTURE(d.first, d.second);
    REQUIRE(links_of(d.first).count(d.second) == 0);
    REQUIRE(links_of(d.second).count(d.first) == 0);
  }
}

TEST_CASE("related: the policy store objects link their outcomes as same_object") {
  const std::uint32_t qm_policy[] = {13000, 13001, 13002, 13023};
  for (const auto a : qm_policy) {
    for (const auto b : qm_policy) {
      if (a < b) REQUIRE(linked(a, b, link_reason::same_object));
    }
  }
  REQUIRE(linked(13010, 13011, link_reason::same_object));  // auth list exists / not found
}

TEST_CASE("phase: the clear cases") {
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.name);
    const std::string name(e.name);
    const bool ike = e.component == ipsecerr::component::ike;
    if (ike && name.rfind("ERROR_IPSEC_IKE_MM_", 0) == 0) REQUIRE(e.phase == phase::main_mode);
    if (ike && name.rfind("ERROR_IPSEC_IKE_QM_", 0) == 0) REQUIRE(e.phase == phase::quick_mode);
    // Stored policy, packets in the driver, DoS Protection and markers are outside negotiation.
    if (!ike && e.component != ipsecerr::component::authip) REQUIRE(e.phase == phase::none);
    if (e.kind == ipsecerr::kind::marker) REQUIRE(e.phase == phase::none);
  }
  REQUIRE(ipsecerr::find(at_run_time(13894))->phase == phase::quick_mode);
  REQUIRE(ipsecerr::find(at_run_time(13886))->phase == phase::main_mode);
  REQUIRE(ipsecerr::find(at_run_time(13850))->phase == phase::main_mode);
  REQUIRE(ipsecerr::find(at_run_time(13802))->phase == phase::any);   // MM and QM offers
  REQUIRE(ipsecerr::find(at_run_time(13833))->phase == phase::any);   // a payload of both modes
  REQUIRE(ipsecerr::find(at_run_time(13851))->phase == phase::none);  // service start-up
  REQUIRE(ipsecerr::find(at_run_time(13890))->phase == phase::main_mode);  // answers message 1
}

TEST_CASE("phase: how many rows have each phase") {
  std::map<phase, std::size_t> count;
  for (const auto& e : ipsecerr::all()) ++count[e.phase];
  REQUIRE(count ==
          std::map<phase, std::size_t>{
              {phase::none, 53}, {phase::main_mode, 7}, {phase::quick_mode, 8}, {phase::any, 87}});
}

TEST_CASE("hints: present, short, printable, not the message, never repeated on another code") {
  std::map<std::string, std::uint32_t> seen;
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    REQUIRE(!e.hint.empty());
    REQUIRE(e.hint.size() <= 240);
    REQUIRE(e.hint != e.message);
    REQUIRE(e.hint.find(e.message) == std::string_view::npos);
    for (const char c : e.hint) REQUIRE((c >= 0x20 && c <= 0x7E));
    REQUIRE(e.hint.front() != ' ');
    REQUIRE(e.hint.back() != ' ');
    const auto inserted = seen.emplace(std::string(e.hint), e.code);
    CAPTURE(inserted.first->second);
    REQUIRE(inserted.second);
    // Markers say that they are markers; nothing else does.
    REQUIRE((e.kind == ipsecerr::kind::marker) == (e.hint.rfind("Range marker", 0) == 0));
  }
}

TEST_CASE(
    "hints: the VPN codes name their documented first checks, and unsupported claims are gone") {
  const auto hint = [](std::uint32_t code) { return std::string(ipsecerr::find(code)->hint); };
  const auto has = [&hint](std::uint32_t code, const char* words) {
    return hint(code).find(words) != std::string::npos;
  };
  // 13801: the server certificate (chain, name, EKU), then several client certificates.
  REQUIRE(has(13801, "server cert chain"));
  REQUIRE(has(13801, "name dialed"));
  REQUIRE(has(13801, "Server Authentication EKU"));
  REQUIRE(has(13801, "several Client Authentication certs"));
  // 13868: the client's custom IPsec policy against the server's.
  REQUIRE(has(13868, "IPsecCustomPolicy"));
  REQUIRE(has(13868, "Get-VpnServerIPsecConfiguration"));
  // 13806: where the certificate must be and what it needs.
  REQUIRE(has(13806, "Local Computer Personal store"));
  REQUIRE(has(13806, "private key"));
  REQUIRE(has(13806, "Client Authentication EKU"));
  // 13805: a silent peer is 13813; a stall points at fragments or NAT state.
  REQUIRE(has(13805, "13813"));
  REQUIRE(has(13805, "IP fragments"));
  // Generic failures: the net events say which side failed.
  for (const std::uint32_t code : {1469u, 13804u, 13816u}) {
    CAPTURE(code);
    REQUIRE(has(code, "netsh wfp show netevents"));
  }
  // Pending deletion: what the code says and what to re-read, no timed cleanup or queue.
  for (std::uint32_t code = 13018; code <= 13023; ++code) {
    CAPTURE(code);
    REQUIRE(has(code, "marked for deletion"));
    REQUIRE(has(code, "netsh ipsec dynamic show"));
    REQUIRE_FALSE(has(code, "queue"));
    REQUIRE_FALSE(has(code, "cleanup"));
  }
  REQUIRE_FALSE(has(13860, "unprotected"));
  REQUIRE_FALSE(has(13843, "keying module"));
  REQUIRE_FALSE(has(13902, "overlapping"));
  REQUIRE_FALSE(has(11033, "service"));
}

TEST_CASE("to_string: every link reason has a label") {
  REQUIRE(ipsecerr::to_string(link_reason::same_text) == "same text");
  REQUIRE(ipsecerr::to_string(link_reason::counterpart) == "counterpart");
  REQUIRE(ipsecerr::to_string(link_reason::same_object) == "same object");
  REQUIRE(ipsecerr::to_string(link_reason::same_family) == "same family");
  REQUIRE(ipsecerr::to_string(link_reason::cause_effect) == "cause or effect");
  REQUIRE(ipsecerr::to_string(static_cast<link_reason>(at_run_time(200))) == "?");
  REQUIRE(ipsecerr::to_string(phase::quick_mode) == "quick mode");
  REQUIRE(ipsecerr::to_string(ipsecerr::component::ike) == "IKE/AuthIP negotiation");
}

TEST_CASE("long form: 13894 prints every field, one per line, and its related codes") {
  REQUIRE(long_text(at_run_time(13894)) ==
          "name:     ERROR_IPSEC_IKE_INVALID_MM_FOR_QM\n"
          "code:     13894\n"
          "hex:      0x3646\n"
          "HRESULT:  0x80073646\n"
          "kind:     error\n"
          "category: IKE/AuthIP negotiation\n"
          "phase:    quick mode\n"
          "message:  Parameters of the main mode are invalid for this quick mode.\n"
          "hint:     " +
              std::string(ipsecerr::find(13894)->hint) +
              "\n"
              "related:\n"
              "  13885 ERROR_IPSEC_IKE_MM_EXPIRED (cause or effect)\n"
              "  13886 ERROR_IPSEC_IKE_PEER_MM_ASSUMED_INVALID (cause or effect)");
  REQUIRE(long_text(at_run_time(0x80073646u)) == long_text(13894));
}

TEST_CASE("long form: a code without links says none; an unknown code is one short line") {
  const std::string text = long_text(at_run_time(11033));
  REQUIRE(text.find("name:     WSA_IPSEC_NAME_POLICY_ERROR\n") == 0);
  REQUIRE(text.find("phase:    none\n") != std::string::npos);
  REQUIRE(text.size() >= 15);
  REQUIRE(text.substr(text.size() - 15) == "\nrelated:  none");
  REQUIRE(long_text(at_run_time(12345)) == "unknown IPsec error code 12345 (0x3039)");
}

TEST_CASE("long form: write() pieces and size() agree with the streamed text for every row") {
  for (const auto& e : ipsecerr::all()) {
    CAPTURE(e.code);
    const auto d = ipsecerr::describe(at_run_time(e.code)).long_form();
    std::string pieces;
    d.write([&pieces](std::string_view piece) { pieces.append(piece.data(), piece.size()); });
    const std::string streamed = long_text(e.code);
    REQUIRE(pieces == streamed);
    REQUIRE(d.size() == streamed.size());
    REQUIRE(d.brief().code() == e.code);
    // Ten lines of fields (eleven with an NTSTATUS twin), then one per related code.
    const auto lines = static_cast<std::size_t>(std::count(streamed.begin(), streamed.end(), '\n'));
    const auto n = ipsecerr::related(e.code).size();
    REQUIRE(lines == 9 + (e.ntstatus != 0 ? 1 : 0) + n);
    REQUIRE((streamed.find("\nNTSTATUS: " + std::string(ipsecerr::to_hex(e.ntstatus).view()) +
                           "\n") != std::string::npos) == (e.ntstatus != 0));
    REQUIRE(streamed.find(std::string("\nhint:     ") + std::string(e.hint) + "\n") !=
            std::string::npos);
  }
}

TEST_CASE("long form: a stream width pads the whole text once") {
  std::ostringstream os;
  os << std::setw(42) << std::setfill('.') << ipsecerr::describe(at_run_time(12345)).long_form()
     << '|';
  REQUIRE(os.str() == "...unknown IPsec error code 12345 (0x3039)|");
}

TEST_CASE("invariants: each meaning check rejects broken data") {
  using ipsecerr::component;
  using ipsecerr::error_info;
  using ipsecerr::kind;
  using ipsecerr::related_code;
  namespace d = ipsecerr::detail;

  // Hints.
  constexpr error_info good[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                  component::policy_store, phase::none, 0, "Hint."},
                                 {13800, "ERROR_IPSEC_C", "ERROR_IPSEC_C", kind::marker,
                                  component::ike, phase::none, 0, "Range marker, not an error."}};
  STATIC_REQUIRE(d::hints_clean(good, 2));
  STATIC_REQUIRE(d::hints_differ_from_messages(good, 2));
  STATIC_REQUIRE(d::marker_hints_say_so(good, 2));
  constexpr error_info no_hint[] = {
      {13000, "ERROR_IPSEC_A", "Text.", kind::error, component::policy_store, phase::none, 0, ""}};
  constexpr error_info hint_is_message[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                             component::policy_store, phase::none, 0, "Text."}};
  constexpr error_info marker_unsaid[] = {{13800, "ERROR_IPSEC_C", "ERROR_IPSEC_C", kind::marker,
                                           component::ike, phase::none, 0, "Opens a range."}};
  constexpr error_info error_says_marker[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                               component::policy_store, phase::none, 0,
                                               "Range marker."}};
  constexpr error_info non_ascii[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                       component::policy_store, phase::none, 0, "Caf\xC3\xA9."}};
  static constexpr char long_hint[] =
      "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
      "1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901"
      "23456789012345678901234567890123456789012345678901234567890";  // 241 characters
  constexpr error_info too_long[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                      component::policy_store, phase::none, 0, long_hint}};
  STATIC_REQUIRE(sizeof(long_hint) - 1 == 241);
  STATIC_REQUIRE_FALSE(d::hints_clean(no_hint, 1));
  STATIC_REQUIRE_FALSE(d::hints_clean(non_ascii, 1));
  STATIC_REQUIRE_FALSE(d::hints_clean(too_long, 1));
  STATIC_REQUIRE_FALSE(d::hints_differ_from_messages(hint_is_message, 1));
  STATIC_REQUIRE_FALSE(d::marker_hints_say_so(marker_unsaid, 1));
  STATIC_REQUIRE_FALSE(d::marker_hints_say_so(error_says_marker, 1));

  // Links as written in related.def.
  constexpr d::link sorted[] = {
      {errc::qm_policy_exists, errc::qm_policy_not_found, link_reason::same_object},
      {errc::qm_policy_exists, errc::qm_policy_in_use, link_reason::same_object}};
  constexpr d::link self[] = {
      {errc::qm_policy_exists, errc::qm_policy_exists, link_reason::same_object}};
  constexpr d::link reversed[] = {
      {errc::qm_policy_not_found, errc::qm_policy_exists, link_reason::same_object}};
  constexpr d::link twice[] = {sorted[0], sorted[0]};
  constexpr d::link unsorted[] = {sorted[1], sorted[0]};
  STATIC_REQUIRE(d::links_canonical(sorted, 2));
  STATIC_REQUIRE_FALSE(d::links_canonical(self, 1));
  STATIC_REQUIRE_FALSE(d::links_canonical(reversed, 1));
  STATIC_REQUIRE_FALSE(d::links_canonical(twice, 2));
  STATIC_REQUIRE_FALSE(d::links_canonical(unsorted, 2));

  static constexpr error_info rows[] = {{13000, "ERROR_IPSEC_A", "Text.", kind::error,
                                         component::policy_store, phase::none, 0, "Hint a."},
                                        {13001, "ERROR_IPSEC_B", "Text.", kind::error,
                                         component::policy_store, phase::none, 0, "Hint b."},
                                        {13002, "ERROR_IPSEC_C", "Text.", kind::error,
                                         component::policy_store, phase::none, 0, "Hint c."}};
  STATIC_REQUIRE(d::links_resolve(sorted, 2, rows, 3));
  STATIC_REQUIRE_FALSE(d::links_resolve(sorted, 2, rows, 2));  // 13002 is not a row there

  // The materialised adjacency of `sorted` over `rows`: 13000 -> {13001, 13002}, each back.
  constexpr auto adj = d::make_adjacency(rows, sorted);
  STATIC_REQUIRE(adj.first[0] == 0);
  STATIC_REQUIRE(adj.first[1] == 2);
  STATIC_REQUIRE(adj.first[2] == 3);
  STATIC_REQUIRE(adj.first[3] == 4);
  STATIC_REQUIRE(adj.items[0].code == 13001);
  STATIC_REQUIRE(adj.items[1].code == 13002);
  STATIC_REQUIRE(adj.items[2].code == 13000);
  STATIC_REQUIRE(adj.items[3].code == 13000);
  STATIC_REQUIRE(d::related_resolve(rows, 3, adj.first, adj.items));
  STATIC_REQUIRE(d::related_not_self(rows, 3, adj.first, adj.items));
  STATIC_REQUIRE(d::related_unique(3, adj.first, adj.items));
  STATIC_REQUIRE(d::related_within_capacity(3, adj.first));
  STATIC_REQUIRE(d::related_symmetric(rows, 3, adj.first, adj.items));

  // Hand-made broken adjacencies over the same rows.
  constexpr std::uint16_t first[] = {0, 2, 3, 4};
  constexpr related_code one_way[] = {{13001, link_reason::same_object},
                                      {13002, link_reason::same_object},
                                      {13000, link_reason::same_object},
                                      {13001, link_reason::same_object}};  // 13002 -> 13001 only
  constexpr related_code other_reason[] = {{13001, link_reason::same_object},
                                           {13002, link_reason::same_object},
                                           {13000, link_reason::same_object},
                                           {13000, link_reason::counterpart}};
  constexpr related_code to_self[] = {{13000, link_reason::same_object},
                                      {13002, link_reason::same_object},
                                      {13000, link_reason::same_object},
                                      {13000, link_reason::same_object}};
  constexpr related_code repeated[] = {{13001, link_reason::same_object},
                                       {13001, link_reason::counterpart},
                                       {13000, link_reason::same_object},
                                       {13000, link_reason::same_object}};
  constexpr related_code dangling[] = {{13001, link_reason::same_object},
                                       {13999, link_reason::same_object},
                                       {13000, link_reason::same_object},
                                       {13000, link_reason::same_object}};
  STATIC_REQUIRE_FALSE(d::related_symmetric(rows, 3, first, one_way));
  STATIC_REQUIRE_FALSE(d::related_symmetric(rows, 3, first, other_reason));
  STATIC_REQUIRE_FALSE(d::related_not_self(rows, 3, first, to_self));
  STATIC_REQUIRE_FALSE(d::related_unique(3, first, repeated));
  STATIC_REQUIRE_FALSE(d::related_resolve(rows, 3, first, dangling));
  constexpr std::uint16_t nine[] = {0, 9, 9, 9};
  STATIC_REQUIRE_FALSE(d::related_within_capacity(3, nine));

  // Every error linked, except a list that must stay exact.
  constexpr std::uint16_t c_alone[] = {0, 1, 2, 2};  // 13000 <-> 13001; 13002 has none
  constexpr errc none[] = {errc::qm_policy_exists};  // placeholder, used with a count of 0
  constexpr errc c_listed[] = {errc::qm_policy_in_use};
  constexpr errc a_listed[] = {errc::qm_policy_exists};
  constexpr errc unknown_listed[] = {errc::qm_policy_in_use, errc::mm_policy_exists};
  STATIC_REQUIRE(d::errors_linked_except(rows, 3, adj.first, none, 0));
  STATIC_REQUIRE_FALSE(d::errors_linked_except(rows, 3, c_alone, none, 0));
  STATIC_REQUIRE(d::errors_linked_except(rows, 3, c_alone, c_listed, 1));
  STATIC_REQUIRE_FALSE(d::errors_linked_except(rows, 3, c_alone, a_listed, 1));  // 13000 has one
  STATIC_REQUIRE_FALSE(d::errors_linked_except(rows, 3, c_alone, unknown_listed, 2));
}
