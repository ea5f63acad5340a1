// SPDX-License-Identifier: MIT
// The smallest real user of ipsecerr: describes 13894 and checks the answer.
#include <iostream>
#include <ipsecerr/ipsecerr.hpp>

static_assert(ipsecerr::code_of("ERROR_IPSEC_IKE_INVALID_MM_FOR_QM") == 13894);
#ifdef IPSECERR_PACKAGE_VERSION
static_assert(IPSECERR_VERSION == (IPSECERR_PACKAGE_VERSION),
              "the package's version is not the header's");
#endif

int main(int argc, char**) {
  const auto d = ipsecerr::describe(static_cast<std::uint32_t>(13893 + argc));
  std::cout << d << '\n';
  return d.name() == "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM" ? 0 : 1;
}
