// SPDX-License-Identifier: MIT
// The _ipsec literal on a misspelt name must not compile, even outside a constant expression
// where consteval is available.
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
