// SPDX-License-Identifier: MIT
// C++20: the _ipsec literal on a misspelt name must not compile in any context, here an argument
// evaluated at run time (in C++17 it throws bad_name at run time: see core_test).
#include <cstdint>
#include <ipsecerr/ipsecerr.hpp>

namespace {
bool is_qm_expired(std::uint32_t code) { return code == 13895; }
}  // namespace

int main() {
  using namespace ipsecerr::literals;
#ifdef IPSECERR_CONTROL
  return is_qm_expired("ERROR_IPSEC_IKE_QM_EXPIRED"_ipsec) ? 0 : 1;
#else
  return is_qm_expired("ERROR_IPSEC_IKE_QM_EXPIERD"_ipsec) ? 0 : 1;
#endif
}
