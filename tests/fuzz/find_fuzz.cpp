// SPDX-License-Identifier: MIT
// Fuzzes ipsecerr::find_in(): found tokens lie inside the text, in order and apart; each one read
// alone gives the same code and form; and the annotator, which shares the token rules, annotates
// only ends of tokens that find_in() finds in its forms, with the same entry (it leaves out memory
// dumps and JSON lines, so not all of them). find_ras_code(): RAS entries in text order, each
// number digits, and every RAS name the annotator inserts in a plain line at the end of one.
#include <algorithm>
#include <ipsecerr/annotate.hpp>
#include <ipsecerr/find.hpp>
#include <ipsecerr/ras.hpp>
#include <string>
#include <vector>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = ipsecerr_fuzz::as_text(data, size);
  const ipsecerr::found_codes all = ipsecerr::find_in(text);
  IPSECERR_FUZZ_CHECK(all.size() <= ipsecerr::found_codes::capacity);
  std::size_t after = 0;
  for (const ipsecerr::found_code& c : all) {
    IPSECERR_FUZZ_CHECK(c.offset >= after && c.length > 0 && c.offset + c.length <= text.size());
    IPSECERR_FUZZ_CHECK(c.entry != nullptr && ipsecerr::find(c.entry->code) == c.entry);
    after = c.offset + c.length;
    const std::string alone = " " + std::string(text.substr(c.offset, c.length)) + " ";
    const ipsecerr::found_codes again = ipsecerr::find_in(alone);
    IPSECERR_FUZZ_CHECK(again.size() == 1 && again[0].entry == c.entry && again[0].form == c.form &&
                        again[0].offset == 1 && again[0].length == c.length);
  }

  // The annotator's " [NAME]" insertions sit at ends of find_in()'s tokens of its forms (RAS
  // names come from RAS phrases, not tokens: annotate_fuzz checks them).
  const ipsecerr::annotator a;
  const ipsecerr::found_codes numbers = ipsecerr::find_in(text, a.forms());
  std::vector<std::size_t> ends;
  std::vector<const char*> names;
  std::vector<std::size_t> ras_ends;
  std::size_t input_bytes = 0;
  bool after_open = false;  // the piece before was " [": this one is a NAME
  ipsecerr::annotate(text, [&](std::string_view bytes, bool inserted) {
    if (!inserted) {
      input_bytes += bytes.size();
    } else if (after_open && ipsecerr::find_ras_name(bytes) == nullptr) {
      ends.push_back(input_bytes);
      names.push_back(bytes.data());
    } else if (after_open) {
      ras_ends.push_back(input_bytes);
    }
    after_open = inserted && bytes == " [";
  });
  std::vector<std::size_t> ras_lasts;
  std::size_t ras_after = 0;
  for (auto m = ipsecerr::find_ras_code(text); m; m = ipsecerr::find_ras_code(text, m.last)) {
    IPSECERR_FUZZ_CHECK(m.info() != nullptr && m.info()->space == ipsecerr::code_space::ras);
    IPSECERR_FUZZ_CHECK(m.first >= ras_after && m.first < m.number && m.number < m.last &&
                        m.last <= text.size());
    for (std::size_t k = m.number; k < m.last; ++k) {
      IPSECERR_FUZZ_CHECK(text[k] >= '0' && text[k] <= '9');
    }
    ras_after = m.last;
    ras_lasts.push_back(m.last);
  }
  for (const std::size_t end : ras_ends) {
    IPSECERR_FUZZ_CHECK(std::find(ras_lasts.begin(), ras_lasts.end(), end) != ras_lasts.end());
  }
  std::size_t next = 0;
  for (std::size_t i = 0; i < ends.size(); ++i) {
    while (next < numbers.size() && numbers[next].offset + numbers[next].length < ends[i]) ++next;
    if (next == numbers.size()) {
      IPSECERR_FUZZ_CHECK(numbers.truncated());
      break;
    }
    IPSECERR_FUZZ_CHECK(ends[i] == numbers[next].offset + numbers[next].length);
    IPSECERR_FUZZ_CHECK(names[i] == numbers[next].entry->name.data());
  }
  return 0;
}
