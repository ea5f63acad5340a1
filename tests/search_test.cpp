// SPDX-License-Identifier: MIT
// rank_search(): ranked classes, word rules, codes, messages and keywords; and the deprecated
// search(): every word in the name, message or hint, any case, code order, lazy, constexpr.
#include <catch2/catch.hpp>
#include <cstdint>
#include <ipsecerr/search.hpp>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "run_time.hpp"

// The deprecated search() is still tested for as long as it exists.
#if defined(__GNUC__) || defined(__clang__)
#  pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#elif defined(_MSC_VER)
#  pragma warning(disable : 4996)
#endif

namespace {

using ipsecerr_test::at_run_time;

std::vector<std::uint32_t> codes(std::string_view words) {
  std::vector<std::uint32_t> out;
  for (const ipsecerr::error_info& e : ipsecerr::search(at_run_time(words))) out.push_back(e.code);
  return out;
}

constexpr std::size_t count(std::string_view words) {
  std::size_t n = 0;
  for (const auto& e : ipsecerr::search(words)) n += e.code != 0 ? 1 : 0;
  return n;
}

}  // namespace

static_assert(count("queue too long") == 4);
static_assert(count("negotiation took too long") == 3);
static_assert(ipsecerr::search("queue too long").begin()->code == 13809);
static_assert(ipsecerr::search("no such words at all").empty());
static_assert(
    std::is_same_v<decltype(*ipsecerr::search("x").begin()), const ipsecerr::error_info&>);
static_assert(noexcept(ipsecerr::search(std::string_view{})));

TEST_CASE("search: compile time: a query is a constant expression") {
  STATIC_REQUIRE(count("queue too long") == 4);
  STATIC_REQUIRE(count("") == 155);
}

TEST_CASE("search: every code that shares a text is returned, in code order") {
  REQUIRE(codes("queue too long") == std::vector<std::uint32_t>{13809, 13810, 13811, 13812});
  // 13814 and 13815 share "Negotiation took too long"; 13860's longer text contains the phrase.
  REQUIRE(codes("negotiation took too long") == std::vector<std::uint32_t>{13814, 13815, 13860});
  REQUIRE(codes("Negotiation took too long delay_drop") ==
          std::vector<std::uint32_t>{13814, 13815});
  REQUIRE(codes("Negotiation request sat in Queue too long") ==
          std::vector<std::uint32_t>{13809, 13810, 13811, 13812});
}

TEST_CASE("search: case does not matter, and words may match different fields") {
  REQUIRE(codes("QUEUE TOO LONG") == codes("queue too long"));
  REQUIRE(codes("QuEuE tOo LoNg") == codes("queue too long"));
  // "ike" and "qm_expired" in the name, "driver" in the message.
  REQUIRE(codes("ike qm_expired driver") == std::vector<std::uint32_t>{13895});
  REQUIRE(codes("  bad_spi\t") == std::vector<std::uint32_t>{13910});
  REQUIRE(codes("SPI packet") == std::vector<std::uint32_t>{13910});
  REQUIRE(codes("dosp") ==
          std::vector<std::uint32_t>{13925, 13926, 13927, 13928, 13929, 13930, 13931, 13932});
}

TEST_CASE("search: every word must match") {
  REQUIRE(codes("queue too long mobike").empty());
  REQUIRE(codes("no such phrase anywhere").empty());
  REQUIRE(codes("queuetoolong").empty());
  REQUIRE(codes("ERROR_IPSEC_IKE_NO_MM_RESPONSE").empty());
  const auto none = ipsecerr::search(at_run_time("zzzz"));
  REQUIRE(none.empty());
  REQUIRE(none.begin() == none.end());
}

TEST_CASE("search: an empty query, or only whitespace, matches every entry") {
  REQUIRE(codes("").size() == ipsecerr::all().size());
  REQUIRE(codes(" \t\n ").size() == ipsecerr::all().size());
  REQUIRE(codes("").front() == 1469);
}

TEST_CASE("search: the query is kept folded inside the range, so it cannot dangle") {
  const auto results = ipsecerr::search(std::string("  Queue   TOO\tlong "));
  REQUIRE(results.words() == "queue too long");
  REQUIRE(std::distance(results.begin(), results.end()) == 4);
  std::vector<std::uint32_t> seen;
  for (const auto& e : ipsecerr::search(std::string("queue too long"))) seen.push_back(e.code);
  REQUIRE(seen == std::vector<std::uint32_t>{13809, 13810, 13811, 13812});
}

TEST_CASE("search: a query longer than the capacity matches nothing") {
  static_assert(ipsecerr::search_results::capacity == 255);
  std::string words;
  for (int i = 0; i < 128; ++i) words += "e ";  // folded: 128 words, 255 characters
  REQUIRE(ipsecerr::search(words).words().size() == 255);
  REQUIRE(codes(words) == codes("e"));
  REQUIRE_FALSE(codes("e").empty());
  words += "e";  // folded: 257 characters
  REQUIRE(codes(words).empty());
}

TEST_CASE("search: agrees with a plain scan for single words") {
  for (const char* word : {"ike", "policy", "filter", "certificate", "dos", "mode", "sa", "x"}) {
    CAPTURE(word);
    std::vector<std::uint32_t> expected;
    for (const auto& e : ipsecerr::all()) {
      std::string all =
          std::string(e.name) + "\n" + std::string(e.message) + "\n" + std::string(e.hint);
      for (auto& c : all) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (all.find(word) != std::string::npos) expected.push_back(e.code);
    }
    REQUIRE(codes(word) == expected);
    REQUIRE_FALSE(expected.empty());
  }
}

TEST_CASE("search: the iterator is a forward iterator") {
  auto results = ipsecerr::search(at_run_time("queue too long"));
  auto it = results.begin();
  auto copy = it++;
  REQUIRE(copy->code == 13809);
  REQUIRE(it->code == 13810);
  REQUIRE((*++it).code == 13811);
  REQUIRE(copy != it);
  REQUIRE(ipsecerr::search_results::iterator() == ipsecerr::search_results::iterator());
}

// ---- rank_search() ----

namespace {

using ipsecerr::search_rank;

using ipsecerr::code_space;

struct ranked {
  std::uint32_t code;
  search_rank rank;
  code_space space = code_space::win32;
  bool operator==(const ranked& o) const {
    return code == o.code && rank == o.rank && space == o.space;
  }
};

std::ostream& operator<<(std::ostream& os, const ranked& r) {
  return os << (r.space == code_space::ras ? "RAS " : "") << r.code << " " << to_string(r.rank);
}

std::vector<ranked> ranks(std::string_view query) {
  std::vector<ranked> out;
  for (const auto& h : ipsecerr::rank_search(at_run_time(query))) {
    out.push_back({h.entry->code, h.rank, h.entry->space});
  }
  return out;
}

// The order of results within a rank: Win32 entries, then RAS entries, each in code order.
std::uint64_t order_key(const ipsecerr::error_info& e) {
  return std::uint64_t{e.space == code_space::ras ? 1u : 0u} << 32 | e.code;
}

std::uint32_t first(std::string_view query) {
  const auto r = ipsecerr::rank_search(at_run_time(query));
  return r.empty() ? 0 : r[0].entry->code;
}

std::vector<std::uint32_t> ranked_codes(std::string_view query) {
  std::vector<std::uint32_t> out;
  for (const auto& h : ipsecerr::rank_search(at_run_time(query))) out.push_back(h.entry->code);
  return out;
}

bool has(const std::vector<std::uint32_t>& v, std::uint32_t code) {
  for (const std::uint32_t c : v) {
    if (c == code) return true;
  }
  return false;
}

}  // namespace

static_assert(ipsecerr::rank_search("queue too long").size() == 4);
static_assert(ipsecerr::rank_search("queue too long")[0].rank == search_rank::phrase);
static_assert(ipsecerr::rank_search("ike main mode expired")[0].entry->code == 13885);
static_assert(ipsecerr::rank_search("0x35EE")[0].entry->code == 13806);
static_assert(noexcept(ipsecerr::rank_search(std::string_view{})));

TEST_CASE("rank_search: compile time: a 3-word query over the whole table is a constant") {
  STATIC_REQUIRE(ipsecerr::rank_search("no proposal chosen")[0].entry->code == 13868);
  STATIC_REQUIRE(ipsecerr::rank_search("IKE authentication credentials")[0].entry->code == 13801);
}

TEST_CASE("rank_search: rank ids are stable snake_case") {
  REQUIRE(to_string(search_rank::code) == "code");
  REQUIRE(to_string(search_rank::exact) == "exact");
  REQUIRE(to_string(search_rank::message) == "message");
  REQUIRE(to_string(search_rank::phrase) == "phrase");
  REQUIRE(to_string(search_rank::all_words) == "all_words");
  REQUIRE(to_string(search_rank::all_substrings) == "all_substrings");
  REQUIRE(to_string(search_rank::keyword) == "keyword");
  REQUIRE(to_string(search_rank::partial) == "partial");
}

TEST_CASE("rank_search: a query that is a code leads with that code, and only that") {
  REQUIRE(ranks("13806") == std::vector<ranked>{{13806, search_rank::code}});
  REQUIRE(ranks("0x35EE") == std::vector<ranked>{{13806, search_rank::code}});
  REQUIRE(ranks("0x80073646") == std::vector<ranked>{{13894, search_rank::code}});
  REQUIRE(ranks("-2147011002") == std::vector<ranked>{{13894, search_rank::code}});
  REQUIRE(ranks("'13806',") == std::vector<ranked>{{13806, search_rank::code}});
  REQUIRE(first("ERROR_IPSEC_IKE_AUTH_FAIL") == 13801);
  REQUIRE(ranks("ERROR_IPSEC_IKE_AUTH_FAIL")[0].rank == search_rank::code);
  REQUIRE(first("qm_expired") == 13895);
  // A word of a longer query that is a code in decimal or 0x hex; not hex without 0x.
  REQUIRE(ranks("error 13806")[0] == ranked{13806, search_rank::code});
  REQUIRE(ranks("VPN fails with 0x80073646 since Monday")[0] == ranked{13894, search_rank::code});
  REQUIRE_FALSE(ranks("ike 3646").empty());
  REQUIRE(ranks("ike 3646")[0].rank == search_rank::partial);
  // A bare word that happens to end a name is not taken as a name suffix.
  REQUIRE(ranks("policy")[0].rank != search_rank::code);
  // A number that the line says is a process id, port or size is no code (find_in()'s rules).
  const std::vector<ranked> line = ranks("Dec  2 gw charon[13894]: error 13801 (13885 bytes)");
  REQUIRE_FALSE(line.empty());
  REQUIRE(line[0] == ranked{13801, search_rank::code});
  REQUIRE((line.size() == 1 || line[1].rank != search_rank::code));
  for (const char* query : {"pid 13894", "Source Port: 13801", "from 192.0.2.10:13806"}) {
    INFO(query);
    const std::vector<ranked> r = ranks(query);
    REQUIRE((r.empty() || r[0].rank != search_rank::code));
  }
}

TEST_CASE("rank_search: the exact message comes first, then the phrase, then the words") {
  const auto r = ranks("Negotiation took too long");
  REQUIRE(r == std::vector<ranked>{{13814, search_rank::exact},
                                   {13815, search_rank::exact},
                                   {13860, search_rank::phrase}});
  REQUIRE(ranks("invalid policy")[0] == ranked{13861, search_rank::exact});
  REQUIRE(ranks("\"no policy configured.\"")[0] == ranked{13825, search_rank::exact});
  // A prefix: "auth" begins "authentication"; "cred" is a prefix too.
  const auto words = ranks("auth cred");
  REQUIRE(words.front() == ranked{13801, search_rank::all_words});
  // Substrings: "thenticat" is inside "authentication".
  REQUIRE(ranks("thenticat credentials")[0] == ranked{13801, search_rank::all_substrings});
}

TEST_CASE("rank_search: a query with a log prefix, quotes or an extra word still finds it first") {
  REQUIRE(ranks("2023-11-02 14:01:07 IKEEXT Failure Reason: No policy configured")[0] ==
          ranked{13825, search_rank::message});
  REQUIRE(first("\"IKE authentication credentials are unacceptable\" error") == 13801);
  REQUIRE(first("ike authentication credentials are unacceptable, please help") == 13801);
  REQUIRE(first("peer sent IKE SA deleted by peer before establishment completed") == 13807);
  REQUIRE(first("Quick mode SA was expired by IPsec driver (0x80073647)") == 13895);
}

TEST_CASE("rank_search: short words match whole words only; _ splits words") {
  const auto spi = ranked_codes("SPI");
  REQUIRE(has(spi, 13910));
  REQUIRE_FALSE(has(spi, 13853));  // "... from SSPI."
  REQUIRE_FALSE(has(spi, 13856));  // "Failed to determine SSPI principal name ..."
  // Not inside "NatOA" nor "signature": the word NAT of RAS 809's message, and 789's NAT-T keyword.
  REQUIRE(ranks("NAT") == std::vector<ranked>{{809, search_rank::phrase, code_space::ras},
                                              {789, search_rank::keyword, code_space::ras}});
  const auto mm = ranked_codes("mm");
  REQUIRE(has(mm, 13811));  // ERROR_IPSEC_IKE_QUEUE_DROP_MM
  REQUIRE(has(mm, 13003));  // ERROR_IPSEC_MM_POLICY_EXISTS
  for (const auto& h : ipsecerr::rank_search(at_run_time("mm"))) {
    const std::string name(h.entry->name);
    CAPTURE(name);
    REQUIRE((name.find("_MM_") != std::string::npos || name.size() - name.rfind("_MM") == 3));
  }
  // "dos" (3 letters) is the DOS segment and the word "DoS", never inside another word.
  REQUIRE(first("dos") == 13890);
}

TEST_CASE("rank_search: keyword hits rank below message hits") {
  REQUIRE(ranks("no proposal chosen") == std::vector<ranked>{{13868, search_rank::keyword}});
  // PSK: the names of RAS 811 and 870 (..._BAD_PSK, ..._PSK_INTERFACE_...), then 13801's keyword.
  REQUIRE(ranks("PSK") == std::vector<ranked>{{811, search_rank::phrase, code_space::ras},
                                              {870, search_rank::phrase, code_space::ras},
                                              {13801, search_rank::keyword}});
  REQUIRE(first("root CA not trusted") == 13887);
  REQUIRE(first("SPI mismatch") == 13910);
  // "policy mismatch": the phrase in 13887's name (..._CERT_CHAIN_POLICY_MISMATCH) comes first,
  // 13868 by its keyword after it.
  REQUIRE(ranks("policy mismatch") ==
          std::vector<ranked>{{13887, search_rank::phrase}, {13868, search_rank::keyword}});
  // "certificate": message hits first; no keyword hit ranks above them.
  const auto cert = ranks("certificate");
  for (std::size_t i = 1; i < cert.size(); ++i) REQUIRE(cert[i - 1].rank <= cert[i].rank);
}

TEST_CASE("rank_search: best partial matches when no entry has every word") {
  const auto r = ipsecerr::rank_search(at_run_time("IKE authentication credentials xyzzy"));
  REQUIRE_FALSE(r.empty());
  REQUIRE(r[0].entry->code == 13801);
  REQUIRE(r[0].rank == search_rank::partial);
  REQUIRE(r[0].matched == 3);
  REQUIRE(r[0].words == 4);
  for (const auto& h : r) REQUIRE(h.matched == 3);  // only the best
  // No partial results when some entry matched every word.
  for (const auto& h : ipsecerr::rank_search(at_run_time("queue too long"))) {
    REQUIRE(h.rank != search_rank::partial);
  }
}

TEST_CASE("rank_search: results are in rank order, code order within a rank, each entry once") {
  for (const char* q : {"certificate", "main mode", "policy", "failed", "ike", "dos protection",
                        "error processing payload", "not found", "x", "13806 certificate", "l2tp",
                        "connection failed", "809 certificate", "server"}) {
    CAPTURE(q);
    const auto r = ipsecerr::rank_search(at_run_time(q));
    for (std::size_t i = 1; i < r.size(); ++i) {
      REQUIRE(r[i - 1].rank <= r[i].rank);
      if (r[i - 1].rank == r[i].rank) REQUIRE(order_key(*r[i - 1].entry) < order_key(*r[i].entry));
    }
    REQUIRE(r.size() <= ipsecerr::ranked_results::capacity);
  }
}

TEST_CASE("rank_search: no words, too many words") {
  REQUIRE(ipsecerr::rank_search(at_run_time("")).empty());
  REQUIRE(ipsecerr::rank_search(at_run_time(" ,.; ")).empty());
  std::string many;
  for (int i = 0; i < 40; ++i) many += "ike ";
  const auto r = ipsecerr::rank_search(many);
  REQUIRE(r.truncated());
  REQUIRE_FALSE(r.empty());
  REQUIRE_FALSE(ipsecerr::rank_search(at_run_time("ike")).truncated());
}

TEST_CASE("keywords: our own words for codes, each entry's own") {
  REQUIRE(ipsecerr::keywords(13868) == "policy mismatch, no proposal chosen, no matching proposal");
  REQUIRE(ipsecerr::keywords(0x8007362Cu) == ipsecerr::keywords(13868));
  REQUIRE(ipsecerr::keywords(13894).empty());
  REQUIRE(ipsecerr::keywords(42).empty());
  std::vector<const ipsecerr::error_info*> entries;
  for (const auto& e : ipsecerr::all()) entries.push_back(&e);
  for (const auto& e : ipsecerr::all_ras()) entries.push_back(&e);
  std::size_t with = 0;
  for (const auto* e : entries) {
    const std::string_view k = ipsecerr::keywords(*e);
    if (k.empty()) continue;
    ++with;
    CAPTURE(e->code);
    // Keywords say what the message does not: none is the message itself.
    REQUIRE(k != e->message);
    const auto r = ipsecerr::rank_search(at_run_time(k));
    REQUIRE(r[0].entry == e);
  }
  REQUIRE(with ==
          sizeof(ipsecerr::detail::keyword_rows) / sizeof(ipsecerr::detail::keyword_rows[0]));
}

// ---- RAS entries (ipsecerr/ras.hpp) ----

// A 3-word query over both tables stays a constant expression within the compilers' default
// limits (clang's -fconstexpr-steps, g++'s -fconstexpr-ops-limit).
static_assert(ipsecerr::rank_search("pre-shared key problem")[0].entry->code == 811);
static_assert(ipsecerr::rank_search("809")[0].entry->space == ipsecerr::code_space::ras);

TEST_CASE("rank_search: RAS: a query that is a code leads with that code, in its space") {
  // 809 is no Win32 IPsec code (as a Win32 code it is an unrelated one): RAS 809 leads, alone.
  REQUIRE(ranks("809") == std::vector<ranked>{{809, search_rank::code, code_space::ras}});
  REQUIRE(ranks("ERROR_VPN_TIMEOUT") ==
          std::vector<ranked>{{809, search_rank::code, code_space::ras}});
  REQUIRE(ranks("vpn_timeout") == std::vector<ranked>{{809, search_rank::code, code_space::ras}});
  REQUIRE(ranks("0x80070329") == std::vector<ranked>{{809, search_rank::code, code_space::ras}});
  REQUIRE(ranks("RAS error 809") == std::vector<ranked>{{809, search_rank::code, code_space::ras}});
  REQUIRE(ranks("error 809")[0] == ranked{809, search_rank::code, code_space::ras});
  REQUIRE(ranks("L2TP error 789")[0] == ranked{789, search_rank::code, code_space::ras});
  // 13801 is unchanged: the Win32 code alone, though three RAS entries link to it.
  REQUIRE(ranks("13801") == std::vector<ranked>{{13801, search_rank::code}});
  REQUIRE(ranks("0x800735E9") == std::vector<ranked>{{13801, search_rank::code}});
  // A number that is neither: nothing as a code.
  for (const auto& h : ipsecerr::rank_search(at_run_time("801"))) {
    REQUIRE(h.rank != search_rank::code);
  }
  // The seven shared name suffixes stay Win32 (ras.hpp: a suffix must hold the RAS segment).
  REQUIRE(ranks("oakley_auth_fail")[0] == ranked{787, search_rank::code, code_space::ras});
  REQUIRE(ranks("ike_auth_fail")[0] == ranked{13801, search_rank::code});
}

TEST_CASE("rank_search: RAS: texts as Windows builds print them rank exact; words find RAS rows") {
  const std::string dotted =
      "The network connection between your computer and the VPN server could not be established "
      "because the remote server is not responding. This could be because one of the network "
      "devices (e.g. firewalls, NAT, routers, etc.) between your computer and the remote server "
      "is not configured to allow VPN connections. Please contact your Administrator or your "
      "service provider to determine which device may be causing the problem.";
  REQUIRE(ranks(dotted).at(0) == ranked{809, search_rank::exact, code_space::ras});
  REQUIRE(
      ranks("The L2TP connection attempt failed because security negotiation timed out").at(0) ==
      ranked{792, search_rank::exact, code_space::ras});
  // A Win32 exact hit and a RAS phrase hit: the exact one first.
  REQUIRE(ranks("negotiation timed out") ==
          std::vector<ranked>{{13805, search_rank::exact},
                              {792, search_rank::phrase, code_space::ras}});
  REQUIRE(first("Base Filtering Engine") == 827);
  REQUIRE(first("mobility disabled") == 843);
  // Within a rank, Win32 entries come before RAS entries.
  const auto cert = ipsecerr::rank_search(at_run_time("certificate"));
  bool seen_ras = false;
  for (const auto& h : cert) {
    if (h.rank != cert[0].rank) break;
    if (h.entry->space == code_space::ras) seen_ras = true;
    REQUIRE((h.entry->space == code_space::ras || !seen_ras));
  }
  std::size_t ras = 0;
  for (const auto& h : cert) ras += h.entry->space == code_space::ras ? 1 : 0;
  REQUIRE(ras >= 4);  // 766, 786, 810, 835 say "certificate"
}

TEST_CASE("rank_search: RAS: capacity holds both tables") {
  REQUIRE(ipsecerr::ranked_results::capacity ==
          ipsecerr::all().size() + ipsecerr::all_ras().size());
  // "the": nearly every message of both tables.
  const auto r = ipsecerr::rank_search(at_run_time("the"));
  REQUIRE(r.size() <= ipsecerr::ranked_results::capacity);
  std::size_t ras = 0;
  for (const auto& h : r) ras += h.entry->space == code_space::ras ? 1 : 0;
  REQUIRE(ras == ipsecerr::all_ras().size() - 1);  // all but 843 ("Mobility is disabled ...")
}

TEST_CASE("keywords: RAS codes have keywords only where a source backs them") {
  REQUIRE(ipsecerr::keywords(*ipsecerr::find_ras(809)) ==
          "IKEv2 fragmentation, IP fragments, NAT-T");
  REQUIRE(ipsecerr::keywords(*ipsecerr::find_ras(789)) == "NAT-T");
  REQUIRE(ipsecerr::keywords(*ipsecerr::find_ras(827)).empty());
  // keywords(code) is for Win32 codes: 809 is no Win32 IPsec code.
  REQUIRE(ipsecerr::keywords(809).empty());
  REQUIRE(ranks("IKEv2 fragmentation") ==
          std::vector<ranked>{{809, search_rank::keyword, code_space::ras}});
  // Keyword hits of both spaces: Win32 first.
  REQUIRE(ranks("IP fragments") ==
          std::vector<ranked>{{13805, search_rank::keyword},
                              {809, search_rank::keyword, code_space::ras}});
  REQUIRE(ranks("NAT-T") == std::vector<ranked>{{789, search_rank::keyword, code_space::ras},
                                                {809, search_rank::keyword, code_space::ras}});
}
