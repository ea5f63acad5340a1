// SPDX-License-Identifier: MIT
// Lookup benchmarks: ipsecerr's lookups, parse() and search(), and the baselines a user would
// otherwise write, all on the same fixed pseudo-random key mix, as throughput (independent lookups)
// and latency (chained).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/parse.hpp>
#include <ipsecerr/search.hpp>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace {

// ---- The inputs: one fixed mix per key type, shared by every method. ----

constexpr std::size_t key_count = 4096;  // a power of two: the latency chain wraps with a mask
constexpr std::uint64_t seed = 0x1b5ec0de;

/// About 90% codes of the table, 5% unknown codes inside 13000-13999, 5% outside it.
std::vector<std::uint32_t> make_code_keys() {
  std::set<std::uint32_t> known;
  for (const auto& e : ipsecerr::all()) known.insert(e.code);
  std::mt19937_64 rng(seed);
  std::vector<std::uint32_t> keys;
  while (keys.size() < key_count) {
    const std::uint64_t r = rng();
    const std::uint64_t pick = r % 100;
    std::uint32_t code = 0;
    if (pick < 90) {
      code = ipsecerr::all()[(r >> 8) % ipsecerr::all().size()].code;
    } else if (pick < 95) {
      code = 13000 + static_cast<std::uint32_t>((r >> 8) % 1000);
    } else {
      code = static_cast<std::uint32_t>((r >> 8) % 65536);
      if (code >= 13000 && code < 14000) continue;
    }
    if (pick >= 90 && known.count(code) != 0) continue;
    keys.push_back(code);
  }
  return keys;
}

/// Text keys held back to back in one pool, as text read from input would be.
struct text_keys {
  std::string pool;
  std::vector<std::string_view> keys;
};

text_keys pooled(const std::vector<std::string>& texts) {
  text_keys out;
  for (const auto& t : texts) out.pool += t;
  std::size_t at = 0;
  for (const auto& t : texts) {
    out.keys.emplace_back(out.pool.data() + at, t.size());
    at += t.size();
  }
  return out;
}

/// Names of the same mix: table names, misspelt IPsec names, and other Win32 names.
text_keys make_name_keys() {
  static constexpr std::string_view others[] = {"ERROR_FILE_NOT_FOUND",
                                                "ERROR_ACCESS_DENIED",
                                                "ERROR_INVALID_PARAMETER",
                                                "ERROR_NOT_ENOUGH_MEMORY",
                                                "ERROR_NETWORK_UNREACHABLE",
                                                "ERROR_CONNECTION_REFUSED",
                                                "WSAECONNRESET",
                                                "WSAETIMEDOUT",
                                                "ERROR_SUCCESS",
                                                "ERROR_INSUFFICIENT_BUFFER",
                                                "ERROR_SEM_TIMEOUT",
                                                "ERROR_IPSEC",
                                                "ERROR_IPSEC_IKE_TIMED_OUT!",
                                                "ERROR_IPSEC_DOSP_BLOCK_EXTRA",
                                                "x"};
  std::set<std::string_view> known;
  for (const auto& e : ipsecerr::all()) known.insert(e.name);
  std::mt19937_64 rng(seed);
  std::vector<std::string> texts;
  while (texts.size() < key_count) {
    const std::uint64_t r = rng();
    const std::uint64_t pick = r % 100;
    const std::string_view row = ipsecerr::all()[(r >> 8) % ipsecerr::all().size()].name;
    std::string text(row);
    if (pick >= 90 && pick < 95) {
      text[(r >> 24) % text.size()] ^= 0x20;  // one letter in the other case, or '_' as DEL
    } else if (pick >= 95) {
      text = std::string(others[(r >> 24) % std::size(others)]);
    }
    if (pick >= 90 && known.count(text) != 0) continue;
    texts.push_back(text);
  }
  return pooled(texts);
}

/// The code keys printed in decimal: the same mix as the code keys, as text.
text_keys make_decimal_keys(const std::vector<std::uint32_t>& codes) {
  std::vector<std::string> texts;
  for (const std::uint32_t c : codes) texts.push_back(std::to_string(c));
  return pooled(texts);
}

/// The code keys, each printed in one of the numeric forms that parse() and the from_chars
/// baseline both read: decimal, 0x hex, HRESULT in hex, decimal and signed decimal,
/// NTSTATUS_FROM_WIN32 and %%decimal (chosen by the same fixed seed).
text_keys make_number_keys(const std::vector<std::uint32_t>& codes) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> texts;
  char buf[32];
  for (const std::uint32_t c : codes) {
    const std::uint32_t hr = (c & 0xFFFFu) | 0x80070000u;
    switch (rng() % 7) {
      case 0: std::snprintf(buf, sizeof buf, "%u", c); break;
      case 1: std::snprintf(buf, sizeof buf, "0x%X", c); break;
      case 2: std::snprintf(buf, sizeof buf, "0x%08X", hr); break;
      case 3: std::snprintf(buf, sizeof buf, "%u", hr); break;
      case 4: std::snprintf(buf, sizeof buf, "%d", static_cast<int>(hr - 4294967296LL)); break;
      case 5: std::snprintf(buf, sizeof buf, "0x%08X", (c & 0xFFFFu) | 0xC0070000u); break;
      default: std::snprintf(buf, sizeof buf, "%%%%%u", c); break;
    }
    texts.emplace_back(buf);
  }
  return pooled(texts);
}

// ---- The two ways to run a lookup over the keys. ----

/// The value a result contributes to the latency chain (never changes the next key: see zero).
template <class R>
std::uintptr_t feedback(const R& r) noexcept {
  if constexpr (std::is_pointer_v<R>) {
    return reinterpret_cast<std::uintptr_t>(r);
  } else {
    static_assert(std::is_integral_v<R>, "add a feedback() overload for this result type");
    return static_cast<std::uintptr_t>(r);
  }
}
std::uintptr_t feedback(const ipsecerr::description& d) noexcept {
  return reinterpret_cast<std::uintptr_t>(d.info()) + d.requested();
}
/// What a caller of parse() reads: how many readings, and the first one's code and form.
std::uintptr_t feedback(const ipsecerr::readings& r) noexcept {
  return r.empty() ? 0 : r.size() + r[0].code + static_cast<std::uintptr_t>(r[0].form);
}

volatile std::uintptr_t zero_source = 0;

/// Independent lookups: the CPU may overlap them.
template <class Key, class Lookup>
void throughput(benchmark::State& state, const std::vector<Key>& keys, Lookup lookup) {
  const Key* const first = keys.data();
  const std::size_t n = keys.size();
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) benchmark::DoNotOptimize(feedback(lookup(first[i])));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

/// Chained lookups: the index of each key depends on the previous result, so they cannot overlap.
/// The keys are visited in the same order as by throughput(): the dependency is masked by a zero
/// that the compiler cannot see.
template <class Key, class Lookup>
void latency(benchmark::State& state, const std::vector<Key>& keys, Lookup lookup) {
  const Key* const first = keys.data();
  const std::size_t n = keys.size();
  const std::uintptr_t zero = zero_source;
  std::size_t i = 0;
  for (auto _ : state) {
    for (std::size_t k = 0; k < n; ++k) {
      i = (i + 1 + (feedback(lookup(first[i])) & zero)) & (n - 1);
    }
    benchmark::DoNotOptimize(i);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

/// Registers "group/method/throughput" and "group/method/latency".
template <class Key, class Lookup>
void add(const std::string& group, const std::string& method, const std::vector<Key>& keys,
         Lookup lookup) {
  const std::string prefix = group + "/" + method + "/";
  benchmark::RegisterBenchmark(
      (prefix + "throughput").c_str(),
      [&keys, lookup](benchmark::State& s) { throughput(s, keys, lookup); });
  benchmark::RegisterBenchmark((prefix + "latency").c_str(),
                               [&keys, lookup](benchmark::State& s) { latency(s, keys, lookup); });
}

// ---- Baselines a user would otherwise write. ----

using entry = const ipsecerr::error_info*;

std::unordered_map<std::uint32_t, entry> make_code_map() {
  std::unordered_map<std::uint32_t, entry> m;
  for (const auto& e : ipsecerr::all()) m.emplace(e.code, &e);
  return m;
}

std::unordered_map<std::string_view, entry> make_name_map() {
  std::unordered_map<std::string_view, entry> m;
  for (const auto& e : ipsecerr::all()) m.emplace(e.name, &e);
  return m;
}

/// What a user would write for numbers in text without parse(): std::from_chars in the base the
/// prefix says, then find() (which also takes the HRESULT and NTSTATUS_FROM_WIN32 forms).
entry from_chars_find(std::string_view s) {
  const char* p = s.data();
  const char* const e = p + s.size();
  if (e - p > 2 && p[0] == '%' && p[1] == '%') p += 2;
  int base = 10;
  if (e - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    p += 2;
    base = 16;
  }
  std::uint32_t value = 0;
  if (p != e && *p == '-') {
    std::int32_t v = 0;
    const auto [end, ec] = std::from_chars(p, e, v);
    if (ec != std::errc() || end != e) return nullptr;
    value = static_cast<std::uint32_t>(v);
  } else {
    const auto [end, ec] = std::from_chars(p, e, value, base);
    if (ec != std::errc() || end != e) return nullptr;
  }
  return ipsecerr::find(value);
}

/// A 1 KB byte table that the compiler cannot see into: the cost of one indexed load.
std::array<std::uint8_t, 1024> make_bytes() {
  std::array<std::uint8_t, 1024> bytes{};
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::uint8_t>(i * 7);
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  static const std::vector<std::uint32_t> codes = make_code_keys();
  static const text_keys names = make_name_keys();
  static const auto code_map = make_code_map();
  static const auto name_map = make_name_map();
  static const auto bytes = make_bytes();
  static const auto rows = ipsecerr::all();

  // The registrations: add(group, method, keys, lookup) registers "group/method/throughput" and
  // "group/method/latency" over the group's shared keys. tests/bench/run reads them by name.
  add("code", "empty_loop", codes, [](std::uint32_t c) { return c; });
  add("code", "indexed_load", codes, [](std::uint32_t c) { return bytes[c & 1023u]; });
  add("code", "find", codes, [](std::uint32_t c) { return ipsecerr::find(c); });
  add("code", "describe", codes, [](std::uint32_t c) { return ipsecerr::describe(c); });
  add("code", "unordered_map", codes, [](std::uint32_t c) -> entry {
    const auto it = code_map.find(c);
    return it == code_map.end() ? nullptr : it->second;
  });
  add("code", "linear_scan", codes, [](std::uint32_t c) -> entry {
    for (const auto& e : rows) {
      if (e.code == c) return &e;
    }
    return nullptr;
  });
  add("code", "lower_bound", codes, [](std::uint32_t c) -> entry {
    const auto* it =
        std::lower_bound(rows.begin(), rows.end(), c,
                         [](const ipsecerr::error_info& e, std::uint32_t v) { return e.code < v; });
    return it != rows.end() && it->code == c ? it : nullptr;
  });

  add("name", "empty_loop", names.keys, [](std::string_view s) { return s.data(); });
  add("name", "find_name", names.keys, [](std::string_view s) { return ipsecerr::find_name(s); });
  add("name", "unordered_map", names.keys, [](std::string_view s) -> entry {
    const auto it = name_map.find(s);
    return it == name_map.end() ? nullptr : it->second;
  });
  add("name", "linear_scan", names.keys, [](std::string_view s) -> entry {
    for (const auto& e : rows) {
      if (e.name == s) return &e;
    }
    return nullptr;
  });

  // parse(): decimal text, the mixed numeric forms and names, against what a user would write.
  static const text_keys decimals = make_decimal_keys(codes);
  static const text_keys numbers = make_number_keys(codes);
  add("parse_decimal", "parse", decimals.keys,
      [](std::string_view s) { return ipsecerr::parse(s); });
  add("parse_decimal", "from_chars_find", decimals.keys, from_chars_find);
  add("parse_number", "parse", numbers.keys, [](std::string_view s) { return ipsecerr::parse(s); });
  add("parse_number", "from_chars_find", numbers.keys, from_chars_find);
  add("parse_name", "parse", names.keys, [](std::string_view s) { return ipsecerr::parse(s); });

  // rank_search(): a few realistic queries, each a full walk of the table; no target, measured.
  static const std::vector<std::string_view> queries = {
      "queue too long",        "certificate", "main mode", "not found", "dos",
      "negotiation timed out", "spi",         "policy"};
  add("search", "rank_search", queries, [](std::string_view q) {
    std::size_t n = 0;
    for (const auto& h : ipsecerr::rank_search(q)) n += h.entry->code;
    return n;
  });
  static const std::vector<std::string_view> three_words = {
      "queue too long",     "machine certificate missing", "main mode expired",
      "no proposal chosen", "negotiation timed out",       "ike auth credentials"};
  add("rank_search_3_words", "rank_search", three_words,
      [](std::string_view q) { return ipsecerr::rank_search(q).size(); });
  // find_message(): log lines of about 60 bytes, with and without a message text.
  static const std::vector<std::string_view> lines = {
      "2024-03-01 10:12:44 IKEEXT Failure Reason: No policy configured",
      "2024-03-01 10:12:45 RasClient dialed a connection which has fail",
      "<Data Name=\"FailureReason\">Negotiation timed out</Data>  x",
      "Mar  1 10:12:46 vpn charon: IKE authentication credentials are ",
      "Mar  1 10:12:47 vpn charon: 13[NET] sending packet: from 10.0.0"};
  add("find_message_60_bytes", "find_message", lines,
      [](std::string_view s) { return ipsecerr::find_message(s).size(); });

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
