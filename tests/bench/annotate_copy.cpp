// SPDX-License-Identifier: MIT
// The ipsecerr tool's read/write loop without the annotator: a plain copy of files (or standard
// input) to standard output, the baseline for the annotate throughput measurement.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "../../examples/ipsecerr/io.hpp"

int main(int argc, char** argv) {
  ipsecerr_io::set_up_standard_streams();
  static ipsecerr_io::output out;
  static char buffer[ipsecerr_io::chunk_size];
  const char* stdin_only[] = {"-"};
  char** files = argc > 1 ? argv + 1 : const_cast<char**>(stdin_only);
  const int count = argc > 1 ? argc - 1 : 1;
  for (int i = 0; i < count; ++i) {
    ipsecerr_io::input in(files[i]);
    if (!in.ok()) {
      std::fprintf(stderr, "annotate_copy: cannot open '%s': %s\n", files[i],
                   std::strerror(in.error()));
      return 2;
    }
    long n;
    while ((n = in.read(buffer, sizeof buffer)) > 0) {
      out.write(std::string_view(buffer, static_cast<std::size_t>(n)));
      if (!out.flush()) return 2;
    }
    if (n < 0) return 2;
  }
  return out.flush() ? 0 : 2;
}
