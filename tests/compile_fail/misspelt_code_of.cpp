// SPDX-License-Identifier: MIT
// code_of() on a misspelt name in a constant expression must not compile.
#include <ipsecerr/ipsecerr.hpp>

#ifdef IPSECERR_CONTROL
constexpr auto code = ipsecerr::code_of("ERROR_IPSEC_IKE_QM_EXPIRED");
#else
constexpr auto code = ipsecerr::code_of("ERROR_IPSEC_IKE_QM_EXPIERD");
#endif
static_assert(code != 0);
