// SPDX-License-Identifier: MIT
// Fuzzes ipsecerr::parse(): every reading that names a row points at a real row of its own table
// (the RAS table for form::ras, else the Win32 table) with the reading's code, the others name no
// row and only stand beside a known one, and the result does not depend on whitespace around it.
#include <ipsecerr/ipsecerr.hpp>
#include <ipsecerr/parse.hpp>
#include <ipsecerr/ras.hpp>
#include <string>

#include "fuzz_check.hpp"

namespace {

bool same(const ipsecerr::readings& a, const ipsecerr::readings& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].code != b[i].code || a[i].form != b[i].form || a[i].info() != b[i].info())
      return false;
  }
  return true;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = ipsecerr_fuzz::as_text(data, size);
  const ipsecerr::readings result = ipsecerr::parse(input);
  IPSECERR_FUZZ_CHECK(result.size() <= ipsecerr::readings::capacity);

  bool any_known = false;
  for (const ipsecerr::reading& r : result) {
    const bool ras = r.form == ipsecerr::form::ras;
    const auto table = ras ? ipsecerr::all_ras() : ipsecerr::all();
    const ipsecerr::error_info* const row =
        ras ? ipsecerr::find_ras(r.code) : ipsecerr::find(r.code);
    if (r.known()) {
      any_known = true;
      IPSECERR_FUZZ_CHECK(r.info() >= table.begin() && r.info() < table.end());
      IPSECERR_FUZZ_CHECK(r.info()->code == r.code);
      IPSECERR_FUZZ_CHECK(row == r.info());
    } else {
      IPSECERR_FUZZ_CHECK(row == nullptr);
    }
  }
  IPSECERR_FUZZ_CHECK(result.empty() || any_known);

  // Surrounding whitespace: more of it, and none of it, give the same readings.
  const std::string padded = " \t\r\n" + std::string(input) + "\n\v\f ";
  IPSECERR_FUZZ_CHECK(same(ipsecerr::parse(padded), result));
  std::size_t first = 0;
  std::size_t last = input.size();
  while (first < last && is_space(input[first])) ++first;
  while (last > first && is_space(input[last - 1])) --last;
  const std::string trimmed(input.substr(first, last - first));
  IPSECERR_FUZZ_CHECK(same(ipsecerr::parse(trimmed), result));
  return 0;
}
