// SPDX-License-Identifier: MIT
// annotator: the token rules, the same output for every chunking, the round trip, the bounded
// carry, and no allocation.
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ipsecerr/annotate.hpp>
#include <new>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "run_time.hpp"

// Counts allocations while `counting` is set, to show that the annotator makes none.
namespace {
bool counting = false;
std::size_t allocations = 0;
}  // namespace

void* operator new(std::size_t size) {
  if (counting) ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
// The nothrow forms too (Catch2 uses them): memory from any new reaches the free() below.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  if (counting) ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

// A string literal with its NUL bytes: bytes("a\0b") has size 3.
template <std::size_t N>
std::string bytes(const char (&text)[N]) {
  return std::string(text, N - 1);
}

using ipsecerr_test::at_run_time;

// The output of one annotation run: everything, and only the bytes not inserted.
struct result {
  std::string all;
  std::string plain;
};

struct collector {
  result* r;
  void operator()(std::string_view bytes, bool inserted) const {
    r->all.append(bytes.data(), bytes.size());
    if (!inserted) r->plain.append(bytes.data(), bytes.size());
  }
};

result annotate_chunks(std::string_view input, const std::vector<std::size_t>& cuts) {
  result r;
  ipsecerr::annotator a;
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    a.feed(input.substr(from, cut - from), collector{&r});
    REQUIRE(a.carried() <= ipsecerr::annotator::max_carry);
    from = cut;
  }
  a.feed(input.substr(from), collector{&r});
  REQUIRE(a.carried() <= ipsecerr::annotator::max_carry);
  a.finish(collector{&r});
  REQUIRE(a.carried() == 0);
  return r;
}

std::string annotated(std::string_view input) {
  const result r = annotate_chunks(at_run_time(input), {});
  REQUIRE(r.plain == input);
  return r.all;
}

const std::string qm = " [ERROR_IPSEC_IKE_INVALID_MM_FOR_QM]";  // 13894
const std::string spi = " [ERROR_IPSEC_BAD_SPI]";               // 13910

// Inputs for the chunking tests: every rule, and codes next to every kind of byte.
const std::vector<std::string> samples = {
    "13894",
    "x 0x3646, (13894) code=13894. -2147011002 %%13894 13894abc x13894\n",
    "2026-11-27 13894\r\n0x80073646\r\n0xC0360001 1.13894 13894.5 113894 A13894 3646",
    bytes("\0%%13894\xff\xfe-2147011002\x80 13000-13894 %13894 --2147011002 1469"),
    "0x000003646 00000013894 013894 2147956294 0xD0360001 -13894 -0x3646 %%%13894 a%%13894",
    "99999999999999999999999999 13894 0x3646 13894.",
};

}  // namespace

TEST_CASE("annotate: a known code gets its name right after it") {
  CHECK(annotated("13894") == "13894" + qm);
  CHECK(annotated("0x3646,") == "0x3646" + qm + ",");
  CHECK(annotated("0X3646") == "0X3646" + qm);
  CHECK(annotated("(13894)") == "(13894" + qm + ")");
  CHECK(annotated("code=13894.") == "code=13894" + qm + ".");
  CHECK(annotated("13894.\n") == "13894" + qm + ".\n");
  CHECK(annotated("13894.x") == "13894" + qm + ".x");
  CHECK(annotated("2026-11-27 13894") == "2026-11-27 13894" + qm);
  CHECK(annotated("1469") == "1469 [ERROR_AUTHIP_FAILURE]");
  CHECK(annotated("13894\r\n") == "13894" + qm + "\r\n");
}

TEST_CASE("annotate: every numeric form that parse reads is annotated, except bare hex") {
  CHECK(annotated("0x80073646") == "0x80073646" + qm);          // HRESULT
  CHECK(annotated("2147956294") == "2147956294" + qm);          // HRESULT as decimal
  CHECK(annotated("hr=-2147011002") == "hr=-2147011002" + qm);  // HRESULT as signed decimal
  CHECK(annotated("--2147011002") == "--2147011002" + qm);      // after a dash, still signed
  CHECK(annotated("0xC0073646") == "0xC0073646" + qm);          // NTSTATUS_FROM_WIN32
  CHECK(annotated("0xC0360001") == "0xC0360001" + spi);         // the driver's NTSTATUS
  CHECK(annotated("0xD0360001") == "0xD0360001" + spi);         // HRESULT_FROM_NT of it
  CHECK(annotated("013894") == "013894" + qm);                  // leading zero, 6 digits
  CHECK(annotated("3646") == "3646");                           // bare hex: ambiguous
  CHECK(annotated("ERROR_IPSEC_IKE_QM_EXPIRED") == "ERROR_IPSEC_IKE_QM_EXPIRED");  // a name
  CHECK(annotated("QM_EXPIRED qm_expired") == "QM_EXPIRED qm_expired");
}

// Security log exports write parameter message ids of msobjs.dll as %%N: SubcategoryId %%13824
// is the audit subcategory "User Account Management", inside the IPsec code range by accident.
TEST_CASE("annotate: %% event log parameter ids are never annotated") {
  const std::string xml =
      "<Data Name=\"CategoryId\">%%8278</Data><Data Name=\"SubcategoryId\">%%13824</Data>"
      "<Data Name=\"AuditPolicyChanges\">%%8449, %%8451</Data>\n";
  CHECK(annotated(xml) == xml);
  const std::string rendered =
      "Audit Policy Change:\n\tCategory:\t\t%%8278\n"
      "\tSubcategory:\t\t%%13824\n\tChanges:\t\t%%13895, 13895\n";
  CHECK(annotated(rendered) ==
        "Audit Policy Change:\n\tCategory:\t\t%%8278\n"
        "\tSubcategory:\t\t%%13824\n\tChanges:\t\t%%13895, 13895"
        " [ERROR_IPSEC_IKE_QM_EXPIRED]\n");
  CHECK(annotated("%%0x3646 %0x3646 %13894") == "%%0x3646 %0x3646 %13894");
}

TEST_CASE("annotate: literal suffixes and typographic quotes follow find_in's token rules") {
  CHECK(annotated("x = 0x3646L;") == "x = 0x3646L" + qm + ";");
  CHECK(annotated("13894u 13894ULL 0x80073646ui64") ==
        "13894u" + qm + " 13894ULL" + qm + " 0x80073646ui64" + qm);
  CHECK(annotated("2147956294_usize") == "2147956294_usize" + qm);
  CHECK(annotated("13894abc 13894lL 13894_") == "13894abc 13894lL 13894_");
  CHECK(annotated("\xE2\x80\x9C"
                  "13894"
                  "\xE2\x80\x9D") ==
        "\xE2\x80\x9C"
        "13894" +
            qm + "\xE2\x80\x9D");
  // The longest word that can be a code, cut at every byte, gives the same output.
  const std::string input = at_run_time(std::string("n=2147956294_usize."));
  const result whole = annotate_chunks(input, {});
  CHECK(whole.all == "n=2147956294_usize" + qm + ".");
  for (std::size_t cut = 1; cut < input.size(); ++cut) {
    CHECK(annotate_chunks(input, {cut}).all == whole.all);
  }
}

TEST_CASE("annotate: a number inside a longer number or word is not a code") {
  for (const char* text : {"113894", "A13894", "x13894", "_13894", "13894abc", "13894_", "0x3646g",
                           "a0x3646", "10x3646", "1.13894", "13894.5", "1.0x3646", "139894"}) {
    CHECK(annotated(text) == text);
  }
}

TEST_CASE("annotate: a minus sign, a single percent or a long word makes the token no code") {
  for (const char* text :
       {"-13894", "(-13894)", "-0x3646", "%13894", "%%%13894", "a%%13894", "%%13894", "%%0x3646",
        "00000013894", "0x000003646", "0x", "0x3", "12345"}) {
    CHECK(annotated(text) == text);
  }
  // A dash after a word byte separates: a range, a date, an identifier.
  CHECK(annotated("13000-13894") == "13000 [ERROR_IPSEC_QM_POLICY_EXISTS]-13894" + qm);
  CHECK(annotated("ID-13894") == "ID-13894" + qm);
}

TEST_CASE("annotate: NUL, control and non-ASCII bytes separate tokens and pass through") {
  const std::string input = bytes(
      "\0"
      "13894\xff"
      "0x3646\x80\x01"
      "13894");
  const std::string expected = bytes(
                                   "\0"
                                   "13894") +
                               qm +
                               "\xff"
                               "0x3646" +
                               qm +
                               "\x80\x01"
                               "13894" +
                               qm;
  CHECK(annotated(input) == expected);
}

TEST_CASE("annotate: the output is the same for every split of the input into two or three") {
  for (const std::string& sample : samples) {
    const std::string input = at_run_time(sample);
    const result whole = annotate_chunks(input, {});
    CHECK(whole.plain == input);
    for (std::size_t cut = 0; cut <= input.size(); ++cut) {
      const result split = annotate_chunks(input, {cut});
      REQUIRE(split.all == whole.all);
      REQUIRE(split.plain == input);
    }
    for (std::size_t a = 0; a <= input.size(); a += 3) {
      for (std::size_t b = a; b <= input.size(); ++b) {
        REQUIRE(annotate_chunks(input, {a, b}).all == whole.all);
      }
    }
    std::vector<std::size_t> every_byte;
    for (std::size_t cut = 1; cut < input.size(); ++cut) every_byte.push_back(cut);
    CHECK(annotate_chunks(input, every_byte).all == whole.all);
  }
}

TEST_CASE("annotate: random inputs in random chunks round-trip and match the one-chunk output") {
  std::mt19937 rng(20261127);
  const std::vector<std::string> pieces = {
      "13894", "0x3646",     "-2147011002", "%%",   "%",         "-",    ".",  "1",
      "0",     "x",          "a",           "_",    " ",         "\r\n", "\n", std::string(1, '\0'),
      "\xff",  "0x80073646", "3646",        "1469", "9999999999"};
  for (int round = 0; round < 300; ++round) {
    std::string input;
    const std::size_t count = rng() % 200;
    for (std::size_t i = 0; i < count; ++i) input += pieces[rng() % pieces.size()];
    input = at_run_time(input);
    const result whole = annotate_chunks(input, {});
    REQUIRE(whole.plain == input);
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0; at < input.size(); at += 1 + rng() % 70) cuts.push_back(at);
    const result chunked = annotate_chunks(input, cuts);
    REQUIRE(chunked.all == whole.all);
    REQUIRE(chunked.plain == input);
  }
}

TEST_CASE("annotate: codes at every offset of long texts are found, whatever the bytes around") {
  // Past the 8, 16, 32 and 64 byte steps of the candidate search: a code at each offset.
  for (std::size_t offset = 0; offset < 200; ++offset) {
    for (const char* code : {"13894", "0x3646", "-2147011002", "2147956294"}) {
      std::string input(offset, 'a');
      if (offset > 0) input[offset - 1] = ' ';
      input += code;
      input += std::string(1 + offset % 70, offset % 2 == 0 ? ' ' : '\n');
      input += std::string(offset % 13, '9');  // digits after it, not glued to it
      input = at_run_time(input);
      const std::string expected = input.substr(0, input.find(code) + std::strlen(code)) + qm +
                                   input.substr(input.find(code) + std::strlen(code));
      const result r = annotate_chunks(input, {});
      REQUIRE(r.all == expected);
    }
  }
  // 4 digits starting with 3 to 9 never start a code; 0, 1 and 2 may (leading zeros).
  CHECK(annotated("1469 01469 001469 31469 91469") ==
        "1469 [ERROR_AUTHIP_FAILURE] 01469 [ERROR_AUTHIP_FAILURE] 001469 [ERROR_AUTHIP_FAILURE] "
        "31469 91469");
}

TEST_CASE("annotate: long runs of digits and words are never held back beyond max_carry") {
  std::string input(100000, '7');
  input += " 13894 ";
  input += std::string(100000, 'a');
  input += "13894";
  input = at_run_time(input);
  std::vector<std::size_t> cuts;
  for (std::size_t at = 1; at < input.size(); at += 997) cuts.push_back(at);
  const result r = annotate_chunks(input, cuts);  // checks carried() after every chunk
  CHECK(r.plain == input);
  CHECK(r.all == input.substr(0, 100006) + qm + input.substr(100006));
  STATIC_REQUIRE(ipsecerr::annotator::max_carry ==
                 17);  // 10 digits, a suffix such as _usize, a dot
}

TEST_CASE("annotate: the README's example gives what the README says") {
  ipsecerr::annotator a;
  std::string result;
  auto out = [&](std::string_view bytes, bool) { result += bytes; };
  a.feed(at_run_time("quick mode failed: 0x8007"), out);
  a.feed(at_run_time("3646, retrying\n"), out);
  a.finish(out);
  CHECK(result == "quick mode failed: 0x80073646 [ERROR_IPSEC_IKE_INVALID_MM_FOR_QM], retrying\n");
  CHECK(annotated("10.0.13894.1") == "10.0.13894.1");
}

TEST_CASE("annotate: a pending token is decided by the next chunk or by finish") {
  ipsecerr::annotator a;
  result r;
  a.feed(at_run_time("see 1389"), collector{&r});
  CHECK(a.carried() == 4);
  CHECK(r.all == "see ");
  a.feed(at_run_time("4"), collector{&r});
  CHECK(a.carried() == 5);
  a.feed(at_run_time("."), collector{&r});
  CHECK(a.carried() == 6);  // 13894. may still be 13894.5
  a.finish(collector{&r});
  CHECK(r.all == "see 13894" + qm + ".");
  // finish resets: the next input starts afresh, as after a separator.
  a.feed(at_run_time("13894"), collector{&r});
  a.finish(collector{&r});
  CHECK(r.all == "see 13894" + qm + "." + "13894" + qm);
}

TEST_CASE("annotate: feeding and finishing allocate nothing") {
  const std::string input = at_run_time(samples[1] + samples[2] + samples[4]);
  std::size_t total = 0;
  ipsecerr::annotator a;
  const auto count_bytes = [&total](std::string_view piece, bool) { total += piece.size(); };
  allocations = 0;
  counting = true;
  for (std::size_t at = 0; at < input.size(); at += 5) a.feed(input.substr(at, 5), count_bytes);
  a.finish(count_bytes);
  counting = false;
  CHECK(allocations == 0);
  CHECK(total > input.size());
}
