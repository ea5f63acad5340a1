// SPDX-License-Identifier: MIT
// A format letter that ipsecerr does not know, in a checked format string, must not compile.
#include <ipsecerr/fmt.hpp>
#include <string>

std::string line() {
#ifdef IPSECERR_CONTROL
  return fmt::format(FMT_STRING("{:>20n}"), ipsecerr::errc::ike_qm_expired);
#else
  return fmt::format(FMT_STRING("{:>20q}"), ipsecerr::errc::ike_qm_expired);
#endif
}
