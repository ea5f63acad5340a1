// SPDX-License-Identifier: MIT
// C++20: the _ipsec literal on a misspelt name must not compile in any context, here a value
// used at run time only (in C++17 this throws bad_name at run time: see core_test).
#include <ipsecerr/ipsecerr.hpp>

int main(int argc, char**) {
  using namespace ipsecerr::literals;
#ifdef IPSECERR_CONTROL
  const auto code = "ERROR_IPSEC_IKE_QM_EXPIRED"_ipsec;
#else
  const auto code = "ERROR_IPSEC_IKE_QM_EXPIERD"_ipsec;
#endif
  return code == static_cast<unsigned>(argc) ? 0 : 1;
}
