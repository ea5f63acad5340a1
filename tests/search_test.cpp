// SPDX-License-Identifier: MIT
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
