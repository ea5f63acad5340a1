// SPDX-License-Identifier: MIT
// The golden copies of the reference data (tests/data/*.tsv) as rows: code, hex, name, message;
// the header line and the shape of every line are checked while reading.
#ifndef IPSECERR_TESTS_GOLDEN_TSV_HPP
#define IPSECERR_TESTS_GOLDEN_TSV_HPP

#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace ipsecerr_test {

struct golden_row {
  std::uint32_t code;
  std::string hex, name, message;
};

inline std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string::size_type start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

/// Every row of a golden file, in file order; fails the test on a malformed file.
inline std::vector<golden_row> read_golden_tsv(const char* path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::string line;
  REQUIRE(std::getline(in, line));
  REQUIRE(line == "code\thex\tname\tmessage");
  std::vector<golden_row> rows;
  while (std::getline(in, line)) {
    REQUIRE(line.find('\r') == std::string::npos);
    const auto f = split_tabs(line);
    REQUIRE(f.size() == 4);
    rows.push_back({static_cast<std::uint32_t>(std::stoul(f[0])), f[1], f[2], f[3]});
  }
  return rows;
}

}  // namespace ipsecerr_test

#endif  // IPSECERR_TESTS_GOLDEN_TSV_HPP
