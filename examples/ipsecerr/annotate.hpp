// SPDX-License-Identifier: MIT
// The tool's --annotate loop: copies files (or standard input) to standard output, adding
// " [NAME]" after every known code, chunk by chunk with bounded memory.
#ifndef IPSECERR_TOOL_ANNOTATE_HPP
#define IPSECERR_TOOL_ANNOTATE_HPP

#include <ipsecerr/form.hpp>
#include <string>
#include <vector>

#include "output.hpp"

namespace ipsecerr_tool {

/// Annotates each file in order ("-" or none: standard input); usage_error on an I/O error.
int annotate_files(std::vector<std::string> files, ipsecerr::form_set forms, const palette& p);

}  // namespace ipsecerr_tool

#endif  // IPSECERR_TOOL_ANNOTATE_HPP
