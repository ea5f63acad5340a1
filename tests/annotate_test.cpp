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

using ipsecerr::form;
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

// How random_chunkings() draws: rounds, the most pieces per input, the longest chunk.
struct draws {
  int rounds;
  std::size_t pieces;
  std::size_t chunk;
};

// Texts of random pieces, annotated whole and in random chunks: the same output, and the input
// back when the insertions are left out.
void random_chunkings(std::mt19937& rng, const std::vector<std::string>& pieces, draws d) {
  for (int round = 0; round < d.rounds; ++round) {
    std::string input;
    const std::size_t count = rng() % d.pieces;
    for (std::size_t i = 0; i < count; ++i) input += pieces[rng() % pieces.size()];
    input = at_run_time(input);
    const result whole = annotate_chunks(input, {});
    REQUIRE(whole.plain == input);
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0; at < input.size(); at += 1 + rng() % d.chunk) cuts.push_back(at);
    const result chunked = annotate_chunks(input, cuts);
    REQUIRE(chunked.all == whole.all);
    REQUIRE(chunked.plain == input);
  }
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
  random_chunkings(rng, pieces, {300, 200, 70});
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
  STATIC_REQUIRE(ipsecerr::annotator::token_carry ==
                 96);  // a dump line's start, or a token and two hex words
  // With message texts: the bytes that decide whether a message starts at a word.
  STATIC_REQUIRE(ipsecerr::annotator::max_carry == 2 * ipsecerr::longest_message_size + 64 + 1);
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
  // Without message texts and RAS phrases, only the token is held (with them, the line's last
  // words are too: see the message tests).
  ipsecerr::annotator a(ipsecerr::form_set::annotate_default() - ipsecerr::form_set::messages() -
                        form::ras);
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
  // With message texts, the words of the line in progress wait until message_lookahead bytes
  // follow them or the line ends.
  ipsecerr::annotator m;
  result rm;
  m.feed(at_run_time("see 1389"), collector{&rm});
  CHECK(m.carried() == 8);
  m.feed(at_run_time("4 x\nnext"), collector{&rm});
  CHECK(rm.all == "see 13894" + qm + " x\n");
  CHECK(m.carried() == 4);
  m.feed(at_run_time(std::string(ipsecerr::annotator::message_lookahead, ' ')), collector{&rm});
  CHECK(m.carried() == ipsecerr::annotator::message_lookahead);
  m.finish(collector{&rm});
  CHECK(m.carried() == 0);
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

// ---- JSON lines. ----

namespace {

const std::string auth = R"({"code":13801,"name":"ERROR_IPSEC_IKE_AUTH_FAIL","at":)";

// The output for `input` fed whole and fed cut at every byte (all must agree).
std::string annotated_any_cut(const std::string& input) {
  const result whole = annotate_chunks(at_run_time(input), {});
  CHECK(whole.plain == input);
  for (std::size_t cut = 1; cut < input.size(); ++cut) {
    const result r = annotate_chunks(at_run_time(input), {cut});
    CHECK(r.all == whole.all);
    if (r.all != whole.all) break;
  }
  return whole.all;
}

}  // namespace

TEST_CASE("annotate: a JSON line gets an ipsecerr member before its final brace") {
  CHECK(annotated_any_cut(R"({"ErrorCode":13801,"msg":"IKE failed"})"
                          "\n") == R"({"ErrorCode":13801,"msg":"IKE failed","ipsecerr":[)" + auth +
                                       R"("/ErrorCode"}]})"
                                       "\n");
  // Winlogbeat-style nesting; codes in a string value found by the token rules.
  CHECK(annotated_any_cut(R"({"@timestamp":"2026-11-27T13:05:12.417Z","winlog":{"event_id":20227,)"
                          R"("event_data":{"param1":"Contoso VPN","param2":"13868"}},)"
                          R"("message":"The error code returned on failure is 13868."})"
                          "\r\n") ==
        R"({"@timestamp":"2026-11-27T13:05:12.417Z","winlog":{"event_id":20227,)"
        R"("event_data":{"param1":"Contoso VPN","param2":"13868"}},)"
        R"("message":"The error code returned on failure is 13868.","ipsecerr":[)"
        R"({"code":13868,"name":"ERROR_IPSEC_IKE_POLICY_MATCH","at":"/winlog/event_data/param2"},)"
        R"({"code":13868,"name":"ERROR_IPSEC_IKE_POLICY_MATCH","at":"/message"}]})"
        "\r\n");
  // Arrays, every numeric form, blanks around, no final newline.
  CHECK(annotated_any_cut(R"(  { "codes" : [ 13801 , "0x80073646", -2147011002 ] } )") ==
        R"(  { "codes" : [ 13801 , "0x80073646", -2147011002 ] ,"ipsecerr":[)" + auth +
            R"("/codes/0"},)"
            R"({"code":13894,"name":"ERROR_IPSEC_IKE_INVALID_MM_FOR_QM","at":"/codes/1"},)"
            R"({"code":13894,"name":"ERROR_IPSEC_IKE_INVALID_MM_FOR_QM","at":"/codes/2"}]} )");
  // RFC 6901: '/' is ~1, '~' is ~0; escapes stay escaped inside the JSON string.
  CHECK(annotated(R"({"a/b":13801,"m~n":{"q\"k":[0,13801]}})") ==
        R"({"a/b":13801,"m~n":{"q\"k":[0,13801]},"ipsecerr":[)" + auth + R"("/a~1b"},)" + auth +
            R"("/m~0n/q\"k/1"}]})");
}

TEST_CASE("annotate: a JSON line without codes, with the member, or not valid stays unchanged") {
  for (const char* line : {
           R"({})",
           R"({"a":1})",
           R"({"ipsecerr":[],"ErrorCode":13801})",
           R"({"ErrorCode":13801,})",         // trailing comma
           R"({"ErrorCode":013801})",         // leading zero
           R"({"ErrorCode":13801} {"b":1})",  // two values
           R"({"ErrorCode":13801})"
           "x",                      // garbage after it
           R"({"ErrorCode":13801)",  // the line ends first
           R"({"ErrorCode":13801,"m":"a)"
           "\t"
           R"(b"})",  // raw tab in a string
           R"({"m":"13801 )"
           "\xff"
           R"("})",  // not UTF-8
           R"({"m":"13801 )"
           "\xed\xa0\x80"
           R"("})",  // a UTF-16 surrogate in UTF-8
           R"({"a":tru,"b":13801})",
           R"({"a":1.,"b":13801})",
           R"({"a":"\x","b":13801})",
           R"({"ErrorCode":13801.0,"b":1.3801e4,"c":"%%13824","d":"1.13801"})",
       }) {
    const std::string input = std::string(line) + "\n";
    INFO(input);
    CHECK(annotated_any_cut(input) == input);
  }
  // Pretty-printed JSON: its first line is incomplete, so unchanged; later lines are plain.
  CHECK(annotated("{\n  \"ErrorCode\": 13801\n}\n") ==
        "{\n  \"ErrorCode\": 13801 [ERROR_IPSEC_IKE_AUTH_FAIL]\n}\n");
  // Not the first non-blank byte of its line: a plain line.
  CHECK(annotated(R"(log: {"ErrorCode":13801})") ==
        R"(log: {"ErrorCode":13801 [ERROR_IPSEC_IKE_AUTH_FAIL]})");
  // Too many blanks after the object.
  const std::string blanks = R"({"a":13801})" + std::string(70, ' ') + "\n";
  CHECK(annotated_any_cut(blanks) == blanks);
}

TEST_CASE("annotate: JSON limits: 64 codes then a mark, depth, long pointers, long lines") {
  std::string many = "{\"c\":[";
  for (int k = 0; k < 70; ++k) many += k == 0 ? "13801" : ",13801";
  many += "]}";
  const std::string out = annotated(many);
  std::size_t listed = 0;
  for (std::size_t at = out.find("\"code\":13801"); at != std::string::npos;
       at = out.find("\"code\":13801", at + 1)) {
    ++listed;
  }
  CHECK(listed == 64);
  CHECK(out.find(R"("at":"/c/63"},{"truncated":true}]})") != std::string::npos);
  // Nesting up to 64 levels is read; deeper passes unchanged.
  const auto nested = [](std::size_t depth) {
    std::string s;
    for (std::size_t k = 1; k < depth; ++k) s += "{\"a\":";
    s += "{\"b\":13801}";
    for (std::size_t k = 1; k < depth; ++k) s += "}";
    return s;
  };
  CHECK(annotated(nested(64)).find("\"ipsecerr\"") != std::string::npos);
  CHECK(annotated(nested(65)) == nested(65));
  // A pointer over 256 bytes is null; a line of megabytes takes no more memory.
  const std::string key(300, 'k');
  CHECK(annotated("{\"" + key + "\":13801}") ==
        "{\"" + key + "\":13801,\"ipsecerr\":[" + auth + "null}]}");
  std::string huge = "{\"pad\":\"" + std::string(3 << 20, 'x') + "\",\"ErrorCode\":13801}\n";
  std::vector<std::size_t> cuts;
  for (std::size_t at = 1; at < huge.size(); at += 65536) cuts.push_back(at);
  const result r = annotate_chunks(at_run_time(huge), cuts);
  CHECK(r.plain == huge);
  CHECK(r.all.size() == huge.size() + std::string(",\"ipsecerr\":[").size() + auth.size() +
                            std::string("\"/ErrorCode\"}]").size());
}

TEST_CASE("annotate: plain and JSON lines mixed, with any chunking") {
  const std::string input =
      "Nov 27 13:05:12 gw ikeext[1469]: error 13801\n"
      R"({"host":"gw","ErrorCode":13801,"pid":1469,"status":1469})"
      "\n  \t"
      R"({"x":"0x80073646"})"
      "\r\n"
      "0x80073646 done\n"
      "{not json 13801\n"
      "after 13801.";
  CHECK(
      annotated_any_cut(input) ==
      "Nov 27 13:05:12 gw ikeext[1469]: error 13801 [ERROR_IPSEC_IKE_AUTH_FAIL]\n"
      R"({"host":"gw","ErrorCode":13801,"pid":1469,"status":1469,"ipsecerr":[)" +
          auth +
          R"("/ErrorCode"},{"code":1469,"name":"ERROR_AUTHIP_FAILURE","at":"/status"}]})"
          "\n  \t"
          R"({"x":"0x80073646","ipsecerr":[{"code":13894,"name":"ERROR_IPSEC_IKE_INVALID_MM_FOR_QM","at":"/x"}]})"
          "\r\n"
          "0x80073646" +
          qm + " done\n{not json 13801\nafter 13801 [ERROR_IPSEC_IKE_AUTH_FAIL].");
}

TEST_CASE("annotate: a RAS phrase in a JSON string value on a VPN line is one code") {
  // `RAS error 809` names 809 as a phrase, and `error 809` on a line about a VPN would too: one
  // element, as the plain line gets one bracket.
  CHECK(annotated_any_cut(R"({"m":"VPN connection failed: RAS error 809"})") ==
        R"({"m":"VPN connection failed: RAS error 809","ipsecerr":[)"
        R"({"code":809,"name":"ERROR_VPN_TIMEOUT","at":"/m"}]})");
  CHECK(annotated_any_cut("VPN connection failed: RAS error 809") ==
        "VPN connection failed: RAS error 809 [ERROR_VPN_TIMEOUT]");
}

TEST_CASE("annotate: a UTF-8 byte order mark at the start passes through before the first line") {
  const std::string bom = "\xEF\xBB\xBF";
  // The first line after it is a JSON object (NDJSON saved by Windows PowerShell 5.1 with
  // -Encoding utf8) or a whole-line message: read as on any other line.
  CHECK(annotated_any_cut(bom + R"({"ErrorCode":13801})"
                                "\r\n"
                                R"({"ErrorCode":13801})"
                                "\r\n") == bom + R"({"ErrorCode":13801,"ipsecerr":[)" + auth +
                                               R"("/ErrorCode"}]})"
                                               "\r\n"
                                               R"({"ErrorCode":13801,"ipsecerr":[)" +
                                               auth +
                                               R"("/ErrorCode"}]})"
                                               "\r\n");
  CHECK(annotated_any_cut(bom + "No policy configured\nNo policy configured\n") ==
        bom +
            "No policy configured [ERROR_IPSEC_IKE_NO_POLICY]\n"
            "No policy configured [ERROR_IPSEC_IKE_NO_POLICY]\n");
  // Only at the start: a second one, or one after blanks, is a byte of the line (so the line is
  // no JSON line, and its code is annotated as on any plain line).
  CHECK(annotated_any_cut("\n" + bom + R"({"ErrorCode":13801})") ==
        "\n" + bom + R"({"ErrorCode":13801 [ERROR_IPSEC_IKE_AUTH_FAIL]})");
  CHECK(annotated_any_cut(bom + bom + "13801") == bom + bom + "13801 [ERROR_IPSEC_IKE_AUTH_FAIL]");
  // Its first bytes without the rest are text, also where the input ends within them.
  CHECK(annotated_any_cut("\xEF\xBB" + std::string("13801")) ==
        "\xEF\xBB" + std::string("13801 [ERROR_IPSEC_IKE_AUTH_FAIL]"));
  CHECK(annotated_any_cut("\xEF") == "\xEF");
  CHECK(annotated_any_cut("\xEF\xBB") == "\xEF\xBB");
  CHECK(annotated_any_cut(bom) == bom);
  // finish() starts a new input: the next one's mark is one too.
  ipsecerr::annotator a;
  result r;
  for (int i = 0; i < 2; ++i) {
    a.feed(at_run_time(bom + R"({"ErrorCode":13801})"), collector{&r});
    a.finish(collector{&r});
  }
  const std::string one = bom + R"({"ErrorCode":13801,"ipsecerr":[)" + auth + R"("/ErrorCode"}]})";
  CHECK(r.all == one + one);
}

// ---- Memory dumps. ----

TEST_CASE("annotate: hex dumps and hex runs are not annotated") {
  // hexdump -C and xxd of the text "code 13894 0x3646 " (so the text column shows codes too),
  // WinDbg dd/dq and gdb x/4xw (dwords that read as codes, in address-led lines).
  for (const char* dump :
       {"00000000  63 6f 64 65 20 31 33 38  39 34 20 30 78 33 36 34  |code 13894 0x364|\n"
        "00000010  36 20                                             |6 |\n00000012\n",
        "00000000: 636f 6465 2031 3338 3934 2030 7833 3634  code 13894 0x364\n"
        "00000010: 3620                                     6 \n",
        "0:000> dd 00a3f7c8 L8\n00a3f7c8  00003646 80073646 00013894 0000000d\n"
        "00000000`00a3f7d8  c0360001 00000000 00013801 00000001\n",
        "(gdb) x/4xw $sp\n0x7ffe3a10:\t0x00003646\t0x80073646\t0x00013894\t0x0\n"}) {
    CHECK(annotated_any_cut(dump) == dump);
  }
  // A run of three or more hex words of one dump width, anywhere in a line.
  CHECK(annotated("regs: 00013894 00000000 80073646 eip") ==
        "regs: 00013894 00000000 80073646 eip");
  CHECK(annotated("0x80073646 0x80073647 0x80073648") == "0x80073646 0x80073647 0x80073648");
  // Not dumps: two words only, a list of decimal codes, a date and a number at a line start.
  CHECK(annotated("00013894 80073646") == "00013894" + qm + " 80073646");
  CHECK(annotated("codes 13801 13806 13868") ==
        "codes 13801 [ERROR_IPSEC_IKE_AUTH_FAIL] 13806 [ERROR_IPSEC_IKE_NO_CERT] 13868 "
        "[ERROR_IPSEC_IKE_POLICY_MATCH]");
  CHECK(annotated("20261127 13801 failed\n") ==
        "20261127 13801 [ERROR_IPSEC_IKE_AUTH_FAIL] failed\n");
  CHECK(annotated("deadbeef 0x3646 failed") == "deadbeef 0x3646" + qm + " failed");
}

TEST_CASE("annotate: forms narrow what is annotated") {
  const std::string line = "13894 0x3646 0x80073646 2147956294 -2147011002 0xC0360001\n";
  std::string got;
  ipsecerr::annotator a(ipsecerr::parse_form_list("hresult").forms);
  const auto out = [&](std::string_view bytes, bool) { got += bytes; };
  a.feed(at_run_time(line), out);
  a.finish(out);
  CHECK(got == "13894 0x3646 0x80073646" + qm + " 2147956294" + qm + " -2147011002" + qm +
                   " 0xC0360001\n");
  CHECK(ipsecerr::annotator(ipsecerr::form_set::all()).forms() ==
        (ipsecerr::form_set::all() - ipsecerr::form_set::names() - form::bare_hex -
         form::event_insert));
  CHECK(ipsecerr::annotator().forms() == ipsecerr::form_set::annotate_default());
  CHECK(ipsecerr::annotator::default_forms() == ipsecerr::form_set::annotate_default());
  CHECK(ipsecerr::form_set::annotate_default().contains(form::ras));
}

// ---- Message texts. ----

namespace {
const std::string no_policy = " [ERROR_IPSEC_IKE_NO_POLICY]";  // 13825 "No policy configured"
const std::string auth_name = " [ERROR_IPSEC_IKE_AUTH_FAIL]";  // 13801
const std::string delay_drop =
    " [ERROR_IPSEC_IKE_MM_DELAY_DROP] [ERROR_IPSEC_IKE_QM_DELAY_DROP]";  // a shared text

// Lines with message texts for the chunking tests.
const std::vector<std::string> message_samples = {
    "Failure Reason:\t\tNo policy configured\n",
    "<Data Name=\"FailureReason\">IKE authentication credentials are unacceptable</Data>\n",
    std::string("peer: IKE authentication credentials are unacceptable, code 13801\n") +
        "x \"Negotiation took too long\" y\n",
    "No policy configured for 10.0.0.1\nNo policy configured",
    std::string("{\"m\":\"IKE authentication credentials are unacceptable\"}\n") +
        "IKE authentication credentials are unacceptable\n",
};
}  // namespace

TEST_CASE("annotate: message texts get their names after them, by the whole-field rule") {
  // Short ordinary-English texts only as a whole field: the rest of a line after `Label:`, a
  // whole line, an XML element's text, a quoted string.
  CHECK(annotated("Failure Reason:\t\tNo policy configured\n") ==
        "Failure Reason:\t\tNo policy configured" + no_policy + "\n");
  CHECK(annotated("No policy configured") == "No policy configured" + no_policy);
  CHECK(annotated("<Data Name=\"FailureReason\">No policy configured</Data>") ==
        "<Data Name=\"FailureReason\">No policy configured" + no_policy + "</Data>");
  CHECK(annotated("said 'no policy configured.' then") ==
        "said 'no policy configured" + no_policy + ".' then");
  // ... never inside a longer sentence.
  CHECK(annotated("No policy configured for 10.0.0.1\n") == "No policy configured for 10.0.0.1\n");
  CHECK(annotated("we had no policy configured yesterday") ==
        "we had no policy configured yesterday");
  // Distinctive texts anywhere at word boundaries, with a code after them too.
  CHECK(annotated("IKEEXT: IKE authentication credentials are unacceptable (13801)\n") ==
        "IKEEXT: IKE authentication credentials are unacceptable" + auth_name + " (13801" +
            auth_name + ")\n");
  CHECK(annotated("xIKE authentication credentials are unacceptable") ==
        "xIKE authentication credentials are unacceptable");
  // Entries that share a text: one bracket per entry, in code order.
  CHECK(annotated("\"Negotiation took too long.\"") ==
        "\"Negotiation took too long" + delay_drop + ".\"");
}

TEST_CASE("annotate: message texts: any chunking gives the same output") {
  for (const std::string& sample : message_samples) {
    const std::string input = at_run_time(sample);
    const result whole = annotate_chunks(input, {});
    CHECK(whole.plain == input);
    CHECK(whole.all != input.substr(0, 1));
    for (std::size_t cut = 0; cut <= input.size(); ++cut) {
      const result split = annotate_chunks(input, {cut});
      REQUIRE(split.all == whole.all);
      REQUIRE(split.plain == input);
    }
    std::vector<std::size_t> every_byte;
    for (std::size_t cut = 1; cut < input.size(); ++cut) every_byte.push_back(cut);
    CHECK(annotate_chunks(input, every_byte).all == whole.all);
  }
  // Random texts of messages, codes, labels and long runs, in random chunks.
  std::mt19937 rng(13825);
  const std::vector<std::string> pieces = {"No policy configured",
                                           "IKE authentication credentials are unacceptable",
                                           "Negotiation took too long",
                                           "Failure Reason:",
                                           "\t",
                                           " ",
                                           "\n",
                                           "\"",
                                           "<x>",
                                           "</x>",
                                           "13801",
                                           ".",
                                           "a",
                                           std::string(300, ' '),
                                           std::string(700, 'w'),
                                           "{\"k\":",
                                           "}"};
  random_chunkings(rng, pieces, {200, 60, 900});
}

TEST_CASE("annotate: message texts are found however far into a long line they stand") {
  for (const std::size_t pad : {0u, 1u, 95u, 96u, 97u, 554u, 555u, 556u, 5000u, 70000u}) {
    const std::string input =
        std::string(pad, 'z') + " IKE authentication credentials are unacceptable\n";
    std::vector<std::size_t> cuts;
    for (std::size_t at = 7; at < input.size(); at += 61) cuts.push_back(at);
    const result r = annotate_chunks(at_run_time(input), cuts);
    CHECK(r.all == input.substr(0, input.size() - 1) + auth_name + "\n");
  }
}

TEST_CASE("annotate: a message's first word may be followed by what its comparison allows") {
  // A typographic apostrophe where the message has "'" (match_at allows it).
  CHECK(annotated("Reason: Don\u2019t know how to process critical payload\n") ==
        "Reason: Don\u2019t know how to process critical payload"
        " [ERROR_IPSEC_IKE_CRITICAL_PAYLOAD_NOT_RECOGNIZED]\n");
  // A RAS text whose first word is one letter, as a tab-separated cell.
  const std::string no_cert =
      "A certificate could not be found.  Connections that use the L2TP protocol over IPSec "
      "require the installation of a machine certificate, also known as a computer "
      "certificate.";
  CHECK(annotated("766\t" + no_cert + "\n") == "766\t" + no_cert + " [ERROR_NO_CERTIFICATE]\n");
  // Words that start messages, followed by what no message has after them, start none.
  CHECK(annotated("peer-86 No-policy-configured the_quick IKE] SA: error\n") ==
        "peer-86 No-policy-configured the_quick IKE] SA: error\n");
}

namespace {

// What the annotator should make of a text with no code token and no RAS phrase: " [NAME]" after
// every message that find_messages() finds, one per entry of a shared text.
std::string with_found_messages(const std::string& text) {
  std::string out;
  std::size_t copied = 0;
  std::size_t from = 0;
  for (;;) {
    const ipsecerr::message_hits hits = ipsecerr::find_messages(text, from);
    for (const ipsecerr::message_hit& h : hits) {
      if (h.end() > copied) out.append(text, copied, h.end() - copied);
      copied = h.end();
      out += " [" + std::string(h.entry->name) + "]";
    }
    if (!hits.truncated()) break;
    from = hits.resume();
  }
  out.append(text, copied, std::string::npos);
  return out;
}

// Pieces of random lines: message texts (as Windows has them, lower-cased, with runs of blanks or
// typographic apostrophes), words that start messages, and field delimiters; no digits, so no code
// token or RAS phrase. For a JSON string value (json), no quote, backslash or control character.
std::vector<std::string> message_pieces(bool json) {
  std::vector<std::string> pieces;
  for (std::size_t row = 0; row < ipsecerr::detail::message_rows; ++row) {
    const ipsecerr::error_info& e = ipsecerr::detail::message_entry(row);
    if (e.kind == ipsecerr::kind::marker) continue;
    std::string m(e.message);
    pieces.push_back(m);
    std::string lower;
    std::string spaced;
    std::string curly;
    for (const char c : m) {
      lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      spaced += c == ' ' ? std::string(json ? "   " : " \t ") : std::string(1, c);
      curly += c == '\'' ? std::string("\u2019") : std::string(1, c);
    }
    pieces.push_back(lower);
    pieces.push_back(spaced);
    pieces.push_back(curly);
  }
  for (const char* w : {"the", "The", "peer", "error", "A", "a", "quick", "mode", "IKE", "SA", "No",
                        "x", "Don", "Peer's", "Diffie"}) {
    pieces.emplace_back(w);
  }
  for (const char* d :
       {" ", " ", " ", "\t", ": ", "\"", "'", "-", "<x>", "</x>", "|", ".", "\u2019", "\n", "\n"}) {
    const std::string_view v(d);
    if (!json || v.find_first_of("\"\\\t\n") == std::string_view::npos) pieces.emplace_back(d);
  }
  return pieces;
}

// 1 to `most` random pieces in a row.
std::string random_text(std::mt19937& rng, const std::vector<std::string>& pieces,
                        std::size_t most) {
  std::string text;
  const std::size_t count = 1 + rng() % most;
  for (std::size_t i = 0; i < count; ++i) text += pieces[rng() % pieces.size()];
  return text;
}

}  // namespace

TEST_CASE("annotate: message texts are found where find_messages finds them, in any chunking") {
  // The annotator's filter of first words must let every start through.
  std::mt19937 rng(13823);
  const std::vector<std::string> pieces = message_pieces(false);
  for (int round = 0; round < 300; ++round) {
    const std::string input = random_text(rng, pieces, 40);
    if (input[0] == '{') continue;
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0; at < input.size(); at += 1 + rng() % 300) cuts.push_back(at);
    const result r = annotate_chunks(at_run_time(input), cuts);
    REQUIRE(r.plain == input);
    REQUIRE(r.all == with_found_messages(input));
  }
}

TEST_CASE("annotate: a JSON string value lists the messages find_messages finds in it") {
  // The first-word table decides which values go to the message index: it must let every value
  // with a message through.
  std::mt19937 rng(13825);
  const std::vector<std::string> pieces = message_pieces(true);
  for (int round = 0; round < 300; ++round) {
    const std::string value = random_text(rng, pieces, 6);
    if (value.size() > ipsecerr::annotator::json_value_max) continue;
    const std::string line = R"({"m":")" + value + R"("})";
    std::string member;
    for (const ipsecerr::message_hit& h : ipsecerr::find_messages(value)) {
      member += std::string(member.empty() ? "" : ",") + R"({"code":)" +
                std::to_string(h.entry->code) + R"(,"name":")" + std::string(h.entry->name) +
                R"(","at":"/m","match":"message"})";
    }
    const std::string expected =
        member.empty() ? line
                       : line.substr(0, line.size() - 1) + R"(,"ipsecerr":[)" + member + "]}";
    const result r = annotate_chunks(at_run_time(line + "\n"), {1 + rng() % line.size()});
    REQUIRE(r.all == expected + "\n");
  }
}

TEST_CASE("annotate: the message bit of the forms switches message texts off") {
  const std::string line = "Failure Reason: No policy configured 13801\n";
  std::string got;
  ipsecerr::annotator a(ipsecerr::form_set::annotate_default() - ipsecerr::form_set::messages());
  const auto out = [&](std::string_view bytes, bool) { got += bytes; };
  a.feed(at_run_time(line), out);
  a.finish(out);
  CHECK(got == "Failure Reason: No policy configured 13801" + auth_name + "\n");
  CHECK(annotated(line) == "Failure Reason: No policy configured 13801" + auth_name + "\n");
  CHECK(annotated("Failure Reason: No policy configured\n13801") ==
        "Failure Reason: No policy configured" + no_policy + "\n13801" + auth_name);
}

TEST_CASE("annotate: Windows event System fields are never annotated") {
  // The System block of an event's XML: the Task 13824 is the audit category "User Account
  // Management", not ERROR_IPSEC_IKE_INVALID_HEADER; ids, levels and process ids are no codes.
  const std::string system =
      "<System><Provider Name=\"Microsoft-Windows-Security-Auditing\"/>"
      "<EventID>13801</EventID><EventID Qualifiers=\"0\">13806</EventID><Version>13801</Version>"
      "<Level>13801</Level><Task>13824</Task><Opcode>13801</Opcode>"
      "<Keywords>0x8010000000000000</Keywords><EventRecordID>13868</EventRecordID>"
      "<Execution ProcessID=\"13801\" ThreadID='13806'/></System>\n";
  CHECK(annotated_any_cut(system) == system);
  // The same numbers in EventData, or in other elements and attributes, are annotated.
  CHECK(annotated("<Data Name=\"ErrorCode\">13801</Data><TaskX>13801</TaskX> Task>13801 "
                  "Opcode=13801 MyTask=\"13801\"") ==
        "<Data Name=\"ErrorCode\">13801" + auth_name + "</Data><TaskX>13801" + auth_name +
            "</TaskX> Task>13801" + auth_name + " Opcode=13801" + auth_name + " MyTask=\"13801" +
            auth_name + "\"");
}

TEST_CASE("annotate: process ids, ports, SA ids and sizes are not annotated, in any chunking") {
  // The context rules of find_in(): a strongSwan syslog stream, a WFP event (5156) as XML and as
  // rendered text, an ECS/Winlogbeat JSON line; the codes among them are annotated.
  const std::string no_cert = " [ERROR_IPSEC_IKE_NO_CERT]";            // 13806
  const std::string policy_match = " [ERROR_IPSEC_IKE_POLICY_MATCH]";  // 13868
  const std::string mm_expired = " [ERROR_IPSEC_IKE_MM_EXPIRED]";      // 13885
  const std::string input =
      "Dec  2 10:14:07 gw charon[13894]: 09[NET] sending packet: from 192.0.2.10[500] to "
      "198.51.100.7[13868] (13885 bytes)\n"
      "Dec  2 10:14:08 gw charon[13894]: 09[IKE] IKE_SA vpn[13801] failed, error 13806\n"
      "<Data Name=\"ProcessID\">13894</Data><Data Name=\"SourcePort\">13801</Data>"
      "<Data Name=\"ErrorCode\">13868</Data>\n"
      "\tProcess ID:\t\t13894\n\tSource Port:\t\t13801\n\tStatus:\t\t13885\n"
      R"({"process":{"pid":13894},"source":{"port":13801},"error":{"code":13806}})"
      "\n"
      "sent 13801 packets, 13806 bytes, error 13868 by peer 192.0.2.10:13885";
  CHECK(annotated_any_cut(input) ==
        "Dec  2 10:14:07 gw charon[13894]: 09[NET] sending packet: from 192.0.2.10[500] to "
        "198.51.100.7[13868] (13885 bytes)\n"
        "Dec  2 10:14:08 gw charon[13894]: 09[IKE] IKE_SA vpn[13801] failed, error 13806" +
            no_cert +
            "\n"
            "<Data Name=\"ProcessID\">13894</Data><Data Name=\"SourcePort\">13801</Data>"
            "<Data Name=\"ErrorCode\">13868" +
            policy_match +
            "</Data>\n"
            "\tProcess ID:\t\t13894\n\tSource Port:\t\t13801\n\tStatus:\t\t13885" +
            mm_expired +
            "\n"
            R"({"process":{"pid":13894},"source":{"port":13801},"error":{"code":13806},)"
            R"("ipsecerr":[{"code":13806,"name":"ERROR_IPSEC_IKE_NO_CERT","at":"/error/code"}]})"
            "\n"
            "sent 13801 packets, 13806 bytes, error 13868" +
            policy_match + " by peer 192.0.2.10:13885");
  // A JSON string value is read as a line of its own by the same rules; a value longer than
  // json_value_max bytes is not kept, and its codes stay as the token rules find them.
  CHECK(
      annotated_any_cut(
          R"({"MESSAGE":"charon[13894]: from 10.0.0.2[13868] (13885 bytes), error 13806 pid=13801"})"
          "\n") ==
      R"({"MESSAGE":"charon[13894]: from 10.0.0.2[13868] (13885 bytes), error 13806 pid=13801",)"
      R"("ipsecerr":[{"code":13806,"name":"ERROR_IPSEC_IKE_NO_CERT","at":"/MESSAGE"}]})"
      "\n");
  const std::string padding(ipsecerr::annotator::json_value_max, 'x');
  CHECK(annotated(R"({"m":")" + padding + R"( pid=13801"})") ==
        R"({"m":")" + padding + R"( pid=13801","ipsecerr":[)" + auth + R"("/m"}]})");
  // The unit decides after the number: a chunk that ends in the blank holds the number back.
  CHECK(annotated_any_cut("13885 bytes\n13801 ms\n13806 x") ==
        "13885 bytes\n13801 ms\n13806 [ERROR_IPSEC_IKE_NO_CERT] x");
  CHECK(annotated_any_cut("size=-2147011002 status -2147011002\n") ==
        "size=-2147011002 status -2147011002" + qm + "\n");
  CHECK(annotated_any_cut("error 13801 bytes\nerror 13801 by\nerror 13801 ") ==
        "error 13801 bytes\nerror 13801" + auth_name + " by\nerror 13801" + auth_name + " ");
}

// ---- RAS codes. ----

namespace {
const std::string vpn_timeout = " [ERROR_VPN_TIMEOUT]";            // RAS 809
const std::string general = " [ERROR_OAKLEY_GENERAL_PROCESSING]";  // RAS 789
const std::string rasclient_809 =
    "CoId={5B2A}: The user CONTOSO\\alice dialed a connection named Contoso VPN which has "
    "failed. The error code returned on failure is 809.";
const std::string rasclient_13801 =
    "CoId={5B2A}: The user CONTOSO\\alice dialed a connection named Contoso VPN which has "
    "failed. The error code returned on failure is 13801.";

// `line` annotated in one piece by an annotator of `forms`.
std::string annotated_with(const std::string& line, ipsecerr::form_set forms) {
  std::string got;
  ipsecerr::annotator a(forms);
  const auto out = [&](std::string_view bytes, bool) { got += bytes; };
  a.feed(at_run_time(line), out);
  a.finish(out);
  return got;
}
}  // namespace

TEST_CASE("annotate: RAS codes only where the line says it is one") {
  // RasClient's sentence: a RAS number reads as RAS; 13801 there is the IPsec Win32 code, once.
  CHECK(annotated_any_cut(rasclient_809 + "\n") ==
        rasclient_809.substr(0, rasclient_809.size() - 1) + vpn_timeout + ".\n");
  CHECK(annotated_any_cut(rasclient_13801 + "\n") ==
        rasclient_13801.substr(0, rasclient_13801.size() - 1) + auth_name + ".\n");
  // Phrases that name the space.
  CHECK(annotated("RAS error 809 after 30 s") == "RAS error 809" + vpn_timeout + " after 30 s");
  CHECK(annotated("got RAS 789.") == "got RAS 789" + general + ".");
  CHECK(annotated("ras error code: 809") == "ras error code: 809" + vpn_timeout);
  // `Error 789:` / `error 809` on a line about a VPN, L2TP, IPsec or IKE connection.
  CHECK(annotated("Error 789: The L2TP connection attempt failed\n") ==
        "Error 789" + general + ": The L2TP connection attempt failed\n");
  CHECK(annotated("VPN connection to gw failed with error 809\n") ==
        "VPN connection to gw failed with error 809" + vpn_timeout + "\n");
  CHECK(annotated("IKEv2 tunnel: error 809") == "IKEv2 tunnel: error 809" + vpn_timeout);
  // Never a bare number, never an error of an unrelated program, never a number not in the table,
  // never across lines.
  for (const char* line :
       {"809 789 0789 0x315 0x80070315 listening on port 809\n",
        "MSI (s) (A0:B4): Product: Contoso Agent -- Error 1722. Error 766: setup failed\n",
        "Application error 766: could not open file\n", "VPN error 999: x\n",
        "Error 809\nVPN down\n", "RAS 999", "RasClient 809", "VPN error 8090\n",
        "IKE_AUTH error 809\n", "The error code returned on failure is 1469x."}) {
    CHECK(annotated_any_cut(line) == line);
  }
}

TEST_CASE("annotate: the ras form switches RAS phrases on and off, never bare numbers") {
  const std::string line = "VPN: RAS error 809; error 789; 789 0x315 0789\n";
  const auto run = [&](ipsecerr::form_set forms) { return annotated_with(line, forms); };
  const std::string on =
      "VPN: RAS error 809" + vpn_timeout + "; error 789" + general + "; 789 0x315 0789\n";
  CHECK(run(ipsecerr::annotator::default_forms()) == on);
  CHECK(run(form::ras) == on);
  CHECK(run(ipsecerr::form_set::all()) == on);
  CHECK(run(ipsecerr::annotator::default_forms() - form::ras) == line);
  CHECK(ipsecerr::annotator().forms().contains(form::ras));
}

TEST_CASE("annotate: a JSON string value that names a RAS code gets it in the member") {
  const auto run = annotated_with;
  // Winlogbeat's shape of a RasClient 20227 event: the sentence in "message", the bare number in
  // "param4" (not annotated: a bare number is no RAS code).
  const std::string line =
      R"({"event_data":{"param4":"809"},"event_id":20227,"message":"The user SYSTEM dialed a )"
      R"(connection named Algo VPN which has failed. The error code returned on failure is 809."})";
  const std::string member =
      R"(,"ipsecerr":[{"code":809,"name":"ERROR_VPN_TIMEOUT","at":"/message"}]})";
  CHECK(run(line + "\n", ipsecerr::annotator::default_forms()) ==
        line.substr(0, line.size() - 1) + member + "\n");
  CHECK(run(line + "\n", ipsecerr::annotator::default_forms() - form::ras) == line + "\n");
  for (const char* bare : {R"({"param4":"809","n":809,"m":"error 809"})"
                           "\n",
                           R"({"m":"Application error 766: could not open file"})"
                           "\n"}) {
    CHECK(run(bare, ipsecerr::annotator::default_forms()) == bare);
  }
  const std::string vpn = R"({"m":"VPN: Error 789: failed"})";
  CHECK(run(vpn + "\n", ipsecerr::annotator::default_forms()) ==
        vpn.substr(0, vpn.size() - 1) +
            R"(,"ipsecerr":[{"code":789,"name":"ERROR_OAKLEY_GENERAL_PROCESSING","at":"/m"}]})" +
            "\n");
}

TEST_CASE("annotate: a UTF-8 lead byte followed by ASCII makes a JSON line invalid") {
  for (const char* line : {"{\"\":\"\xe9"
                           "d\xa3\xb9"
                           "13800\"}",
                           "{\"k\xe9"
                           "d\":13801}",
                           "{\"a\":\"x\xc3"
                           "a 13801\"}"}) {
    CHECK(annotated_any_cut(line) == line);
  }
  const std::string valid = "{\"\":\"\xe9\xa3\xb9 13801\"}";
  CHECK(annotated_any_cut(valid) != valid);
}

TEST_CASE("annotate: message texts in JSON string values are listed in the member") {
  const std::string line =
      R"j({"EventID":4654,"FailureReason":"No policy configured","Message":"IKE authentication credentials are unacceptable (13801)"})j";
  CHECK(
      annotated_any_cut(line + "\n") ==
      line.substr(0, line.size() - 1) +
          R"(,"ipsecerr":[{"code":13825,"name":"ERROR_IPSEC_IKE_NO_POLICY","at":"/FailureReason","match":"message"},)"
          R"({"code":13801,"name":"ERROR_IPSEC_IKE_AUTH_FAIL","at":"/Message"},)"
          R"({"code":13801,"name":"ERROR_IPSEC_IKE_AUTH_FAIL","at":"/Message","match":"message"}]})"
          "\n");
  // A short text inside a longer value is no field; a key is never searched.
  const std::string plain = R"({"m":"we had no policy configured","No policy configured":1})";
  CHECK(annotated_any_cut(plain) == plain);
  // Without the message bit, messages in values are not listed.
  std::string got;
  ipsecerr::annotator a(ipsecerr::form_set::annotate_default() - ipsecerr::form_set::messages());
  const auto out = [&](std::string_view bytes, bool) { got += bytes; };
  const std::string only_text = R"({"FailureReason":"No policy configured"})";
  a.feed(at_run_time(only_text), out);
  a.finish(out);
  CHECK(got == only_text);
}
