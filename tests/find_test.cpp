// SPDX-License-Identifier: MIT
// find_in(): codes inside tokens as users copy them and inside whole log lines, with positions,
// forms and entries; literal suffixes, typographic quotes, decoys, capacity, compile time.
#include <catch2/catch.hpp>
#include <cstdint>
#include <ipsecerr/annotate.hpp>
#include <ipsecerr/find.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "run_time.hpp"

namespace {

using ipsecerr::form;
using ipsecerr_test::at_run_time;

// The codes found in a text as "token=code/form", for comparison in one CHECK.
std::vector<std::string> found(std::string_view text,
                               ipsecerr::form_set forms = ipsecerr::find_default_forms()) {
  const std::string copy(text);
  std::vector<std::string> out;
  for (const ipsecerr::found_code& c : ipsecerr::find_in(at_run_time(copy), forms)) {
    REQUIRE(c.entry != nullptr);
    REQUIRE(c.offset + c.length <= copy.size());
    out.push_back(copy.substr(c.offset, c.length) + "=" + std::to_string(c.entry->code) + "/" +
                  std::string(ipsecerr::to_id(c.form)));
  }
  return out;
}

using list = std::vector<std::string>;

constexpr bool finds(std::string_view text, std::size_t offset, std::size_t length,
                     std::uint32_t code, form how) {
  const ipsecerr::found_codes r = ipsecerr::find_in(text);
  return r.size() == 1 && r[0].offset == offset && r[0].length == length &&
         r[0].entry->code == code && r[0].form == how;
}

}  // namespace

TEST_CASE("find_in: compile time") {
  STATIC_REQUIRE(finds("hr=0x80073646;", 3, 10, 13894, form::hresult));
  STATIC_REQUIRE(finds("0x3646L", 0, 7, 13894, form::hex));
  STATIC_REQUIRE(finds("IKE-13801.log", 4, 5, 13801, form::decimal));
  STATIC_REQUIRE(finds("status -2147011002.", 7, 11, 13894, form::hresult_signed));
  STATIC_REQUIRE(ipsecerr::find_in("%%13824 3646 1.13894").empty());
  STATIC_REQUIRE(noexcept(ipsecerr::find_in(std::string_view{})));
  // The annotator's default holds message texts and RAS phrases; find_in() reads tokens only.
  STATIC_REQUIRE(ipsecerr::form_set::annotate_default().contains(form::ras));
  STATIC_REQUIRE(!ipsecerr::find_default_forms().contains(form::ras) &&
                 !ipsecerr::find_default_forms().contains_messages());
  STATIC_REQUIRE(ipsecerr::find_in("RAS error 809; error 789 on the VPN").empty());
}

TEST_CASE("find_in: tokens as users copy them, with what surrounds them") {
  CHECK(found("13885,") == list{"13885=13885/decimal"});
  CHECK(found("\"0x80073646\"") == list{"0x80073646=13894/hresult"});
  CHECK(found("(13894)") == list{"13894=13894/decimal"});
  CHECK(found("hr=0x80073646;") == list{"0x80073646=13894/hresult"});
  CHECK(found("ErrorCode:13806") == list{"13806=13806/decimal"});
  CHECK(found("13894.") == list{"13894=13894/decimal"});
  CHECK(found("IKE-13801.log") == list{"13801=13801/decimal"});
  CHECK(found("error 13885") == list{"13885=13885/decimal"});
  CHECK(found("13868 = Policy match error") == list{"13868=13868/decimal"});
  CHECK(found("[0xC0073646]") == list{"0xC0073646=13894/ntstatus_win32"});
  CHECK(found("'2147956294'") == list{"2147956294=13894/hresult_decimal"});
  CHECK(found("<Data Name=\"Status\">0xD0360001</Data>") ==
        list{"0xD0360001=13910/hresult_from_nt"});
}

TEST_CASE("find_in: language literal suffixes after a decimal or hex code") {
  CHECK(found("0x3646L") == list{"0x3646L=13894/hex"});
  CHECK(found("13894u") == list{"13894u=13894/decimal"});
  CHECK(found("13806UL") == list{"13806UL=13806/decimal"});
  CHECK(found("#define X 0x80073646uL") == list{"0x80073646uL=13894/hresult"});
  for (const char* suffix :
       {"u",   "U",    "l",   "L",    "ul",   "UL",    "lu",     "LU",  "ll",  "LL",
        "ull", "ULL",  "llu", "LLU",  "uLL",  "z",     "uz",     "i32", "u32", "i64",
        "u64", "ui64", "I64", "_u32", "_i64", "usize", "_usize", "i16", "u16"}) {
    INFO(suffix);
    CHECK(found(std::string("x = 13894") + suffix + ";") ==
          list{std::string("13894") + suffix + "=13894/decimal"});
    CHECK(found(std::string("x = 0x3646") + suffix + ";") ==
          list{std::string("0x3646") + suffix + "=13894/hex"});
  }
  // Not a suffix: a longer word, mixed-case ll, a suffix twice, a bare underscore.
  for (const char* text : {"13894abc", "13894lL", "13894uu", "13894LLL", "13894_", "13894_u",
                           "0x3646g", "0x3646LLU1", "13894i65", "13894_I64", "13894uU"}) {
    INFO(text);
    CHECK(found(text).empty());
  }
}

TEST_CASE("find_in: typographic quotes and other non-ASCII bytes separate words") {
  CHECK(found("\xE2\x80\x9C"
              "13894"
              "\xE2\x80\x9D") == list{"13894=13894/decimal"});  // “ ”
  CHECK(found("\xE2\x80\x98"
              "0x3646"
              "\xE2\x80\x99") == list{"0x3646=13894/hex"});  // ‘ ’
  CHECK(found("\xC2\xAB"
              "13801"
              "\xC2\xBB") == list{"13801=13801/decimal"});  // « »
  CHECK(found("code\xC2\xA0"
              "13806") == list{"13806=13806/decimal"});  // no-break space
  CHECK(found("\xEF\xBC\x88"
              "13885"
              "\xEF\xBC\x89") == list{"13885=13885/decimal"});  // fullwidth parentheses
}

TEST_CASE("find_in: names as whole words, not suffixes") {
  CHECK(found("IKE failed: ERROR_IPSEC_IKE_AUTH_FAIL (13801)") ==
        list{"ERROR_IPSEC_IKE_AUTH_FAIL=13801/name_exact", "13801=13801/decimal"});
  CHECK(found("got error_ipsec_ike_qm_expired.") ==
        list{"error_ipsec_ike_qm_expired=13895/name_case_insensitive"});
  CHECK(found("the SA EXPIRED, NOT_FOUND").empty());
  CHECK(found("QM_EXPIRED", ipsecerr::form_set(form::name_suffix)) ==
        list{"QM_EXPIRED=13895/name_suffix"});
}

TEST_CASE("find_in: numbers that are no code stay unfound") {
  for (const char* text :
       {"113894",     "A13894",      "x13894",      "_13894",  "1.13894", "13894.5",
        "v1.13894.2", "3646",        "-13894",      "-0x3646", "%13894",  "%%13894",
        "%%13824",    "00000013894", "0x000003646", "0x",      "12345",   "99999999999999999999",
        "4294967296", "0x1FFFFFFFF", "13894e3"}) {
    INFO(text);
    CHECK(found(text).empty());
  }
  // bare hex only when asked for
  CHECK(found("3646", ipsecerr::form_set(form::bare_hex)) == list{"3646=13894/bare_hex"});
  CHECK(found("code 35EE", ipsecerr::form_set(form::bare_hex)) == list{"35EE=13806/bare_hex"});
}

TEST_CASE("find_in: whole log lines") {
  // The syslog tag's process id, a pid and a port are no codes (find_in: numbers that their line
  // says are something else).
  CHECK(found("2026-11-27T13:05:12.417Z vpn-gw01 ikeext[1469]: pid 13894 port 13801 "
              "MM failed: error 13806 (0x000035EE) peer 198.51.100.7:4500") ==
        list{"13806=13806/decimal", "0x000035EE=13806/hex"});
  CHECK(found("Nov 27 13:05:12 host RasClient[4120]: CoId={F0E1-77A2}: The user DOMAIN\\alice "
              "dialed a connection named Contoso VPN which has failed. The error code returned "
              "on failure is 13801.") == list{"13801=13801/decimal"});
  CHECK(found("<Event><System><EventID>20227</EventID><TimeCreated "
              "SystemTime=\"2026-11-27T13:05:12.4170000Z\"/></System><EventData>"
              "<Data>Contoso VPN</Data><Data>13868</Data></EventData></Event>") ==
        list{"13868=13868/decimal"});
  CHECK(found("{\"ts\":1764248712,\"hr\":\"0x80073646\",\"code\":-2147011002}") ==
        list{"0x80073646=13894/hresult", "-2147011002=13894/hresult_signed"});
  CHECK(found("12:00:01.123 [IKEEXT] 0x35e9 = 13801? no: 0xC0360001 v1.2.13801") ==
        list{"0x35e9=13801/hex", "13801=13801/decimal", "0xC0360001=13910/ntstatus"});
}

TEST_CASE("find_in: at most capacity codes, then truncated") {
  std::string text;
  for (std::size_t i = 0; i < ipsecerr::found_codes::capacity; ++i) text += "13894 ";
  const ipsecerr::found_codes full = ipsecerr::find_in(at_run_time(text));
  CHECK(full.size() == ipsecerr::found_codes::capacity);
  CHECK_FALSE(full.truncated());
  text += "0x3646";
  const ipsecerr::found_codes more = ipsecerr::find_in(at_run_time(text));
  CHECK(more.size() == ipsecerr::found_codes::capacity);
  CHECK(more.truncated());
  CHECK(more[ipsecerr::found_codes::capacity - 1].offset ==
        6 * (ipsecerr::found_codes::capacity - 1));
}

TEST_CASE("find_in: numbers that their line says are ids, ports or sizes are no codes") {
  // Process ids, ports, SA ids and sizes as Linux IKE daemons, Windows WFP events (5156: Process
  // ID, Source Port, Filter Run-Time ID; XML and rendered text), log shippers and tools write them.
  for (const char* text : {
           "Dec  2 10:14:07 gw charon[13894]: 09[IKE] received NO_PROPOSAL_CHOSEN notify error",
           "sending packet: from 192.0.2.10[500] to 198.51.100.7[13868] (13885 bytes)",
           "initiating IKE_SA site-to-site[13801] to 198.51.100.7",
           "CHILD_SA net{13806} established with SPIs c1d2e3f4_i",
           "connection from 192.0.2.10:13801 to [2001:db8::7]:13806",
           "listening on udp/13806 and TCP/13801",
           "took 13806 ms, sent 13801 packets, 13868 octets, 13885 Seconds",
           "pid=13894 ppid: 13801 tid 13806 len=13868 size 13885 bytes=13894",
           "\tProcess ID:\t\t13894\n\tSource Port:\t\t13801\n\tFilter Run-Time ID:\t13806",
           "Keying Module Port:\t13868 Layer Run-Time ID: 13885",
           R"(<Data Name="ProcessID">13894</Data><Data Name="SourcePort">13801</Data>)",
           R"(<Data Name='DestPort'>13806</Data><Data Name="LayerRTID">13868</Data>)",
           "<pid>13894</pid> <SourcePort>13801</SourcePort>",
           "New Process ID:\t\t0x3646 NewProcessId=0x35E9",
           R"({"process":{"pid":13894},"source":{"port":13801,"bytes":13885}})",
           R"(winlog.event_data.ProcessID="13894" src_port=13801 "dport": 13806)",
       }) {
    INFO(text);
    CHECK(found(text).empty());
  }
  // Codes next to such numbers, and numbers whose context says nothing of the kind.
  CHECK(found("hr=0x80073646 (pid 13894), Process ID: 13894, Error Code: 13801") ==
        list{"0x80073646=13894/hresult", "13801=13801/decimal"});
  CHECK(found("Error [13801]: x") == list{"13801=13801/decimal"});
  CHECK(found("Error: 13801 ErrorCode=13806 Report 13868 transport 13885") ==
        list{"13801=13801/decimal", "13806=13806/decimal", "13868=13868/decimal",
             "13885=13885/decimal"});
  CHECK(found("port 500: 13801, 13806 failures, 13868 by") ==
        list{"13801=13801/decimal", "13806=13806/decimal", "13868=13868/decimal"});
  CHECK(found("1.2.3:13801 v1.2.3.4:13806 x[13868 y[13885}") ==
        list{"13801=13801/decimal", "13806=13806/decimal", "13868=13868/decimal",
             "13885=13885/decimal"});
  CHECK(found("<Data Name=\"ErrorCode\">13801</Data><Data>13806</Data>") ==
        list{"13801=13801/decimal", "13806=13806/decimal"});
  // A unit on the next line, a key before a comma, a tab before a unit, a bracket closed late.
  CHECK(found("13801\nbytes, error 13806\t ms net[13868 ]") ==
        list{"13801=13801/decimal", "13806=13806/decimal", "13868=13868/decimal"});
  // The key rule reads only the last words of a key, and a few bytes before the number.
  CHECK(found("the process id was 13894; the port is 13801") ==
        list{"13894=13894/decimal", "13801=13801/decimal"});
  // At the start of a text or line, a unit still counts.
  CHECK(found("13885 bytes\n13801 ms\n13806 x").size() == 1);
  // What was passed over is counted, the first kept (for a tool to say why nothing was found).
  const ipsecerr::found_codes tagged = ipsecerr::find_in("gw charon[13894]: (13885 bytes) 13801");
  CHECK(tagged.size() == 1);
  CHECK(tagged.passed_over() == 2);
  CHECK(tagged.first_passed_over().offset == 10);
  CHECK(tagged.first_passed_over().length == 5);
  CHECK(tagged.first_passed_over().entry == ipsecerr::find(13894));
  CHECK(ipsecerr::find_in("error 13801").passed_over() == 0);
  CHECK(ipsecerr::find_in("error 13801").first_passed_over().entry == nullptr);
  // A signed HRESULT's key is read before its minus sign.
  CHECK(found("size=-2147011002 status -2147011002") == list{"-2147011002=13894/hresult_signed"});
  static_assert(ipsecerr::find_in("charon[13894]: error 13801").size() == 1);
}

TEST_CASE("find_in: the annotator marks exactly the ends of the tokens find_in finds") {
  const ipsecerr::annotator a;
  for (const char* line :
       {"2026-11-27 ikeext[1469]: 13894u, 0x3646L (0x80073646) -2147011002 %%13824 1.13894",
        "IKE-13801.log \xE2\x80\x9C"
        "13806\xE2\x80\x9D 3646 13894.5 13894. 0xC0360001"}) {
    std::string expected;
    std::size_t at = 0;
    const std::string text = at_run_time(std::string(line));
    for (const ipsecerr::found_code& c : ipsecerr::find_in(text, a.forms())) {
      expected +=
          text.substr(at, c.offset + c.length - at) + " [" + std::string(c.entry->name) + "]";
      at = c.offset + c.length;
    }
    expected += text.substr(at);
    std::string got;
    ipsecerr::annotate(text, [&](std::string_view bytes, bool) { got += bytes; });
    CHECK(got == expected);
  }
}
