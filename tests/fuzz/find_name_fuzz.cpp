// SPDX-License-Identifier: MIT
// Fuzzes ipsecerr::find_name(): it finds a row exactly when a row has that name, byte for byte,
// and then the row itself; code_of() agrees.
#include <ipsecerr/ipsecerr.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view name = ipsecerr_fuzz::as_text(data, size);
  const ipsecerr::error_info* found = ipsecerr::find_name(name);

  const ipsecerr::error_info* expected = nullptr;
  for (const ipsecerr::error_info& e : ipsecerr::all()) {
    if (e.name == name) expected = &e;
  }
  IPSECERR_FUZZ_CHECK(found == expected);
  if (found != nullptr) {
    IPSECERR_FUZZ_CHECK(found->name == name);
    IPSECERR_FUZZ_CHECK(ipsecerr::code_of(name) == found->code);
  }
  return 0;
}
