// SPDX-License-Identifier: MIT
// The _ipsec literal on a misspelt name in a constant expression (a constexpr variable) must not
// compile, in C++17 and C++20.
#include <ipsecerr/ipsecerr.hpp>

int main() {
  using namespace ipsecerr::literals;
#ifdef IPSECERR_CONTROL
  constexpr auto code = "ERROR_IPSEC_IKE_QM_EXPIRED"_ipsec;
#else
  constexpr auto code = "ERROR_IPSEC_IKE_QM_EXPIERD"_ipsec;
#endif
  return code == 13895 ? 0 : 1;
}
