// SPDX-License-Identifier: MIT
// The size baseline for tests/bench/run: reads a code from argv and prints it, without ipsecerr.
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  const unsigned long code = argc > 1 ? std::strtoul(argv[1], nullptr, 0) : 0;
  std::printf("%lu\n", code);
  return 0;
}
