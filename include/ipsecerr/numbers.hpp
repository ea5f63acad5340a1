// SPDX-License-Identifier: MIT
// ipsecerr's numbers as text and their wrapped forms: code_text, to_decimal(), to_hex(),
// to_hresult() and unwrap(); constexpr, no table needed.
#ifndef IPSECERR_NUMBERS_HPP
#define IPSECERR_NUMBERS_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ipsecerr {
inline namespace v1 {

/// A short piece of text held by value (a number printed as decimal or hex): no dangling views.
class code_text {
 public:
  static constexpr std::size_t capacity = 12;

  [[nodiscard]] constexpr const char* data() const noexcept { return chars_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars_, size_}; }
  /// Converts while the code_text lives; not from a temporary, which would leave the view dangling.
  constexpr operator std::string_view() const& noexcept { return view(); }
  constexpr operator std::string_view() const&& = delete;

  friend constexpr bool operator==(const code_text& a, const code_text& b) noexcept {
    return a.view() == b.view();
  }
  friend constexpr bool operator==(const code_text& a, std::string_view b) noexcept {
    return a.view() == b;
  }
  friend constexpr bool operator==(std::string_view a, const code_text& b) noexcept {
    return a == b.view();
  }
  friend constexpr bool operator!=(const code_text& a, const code_text& b) noexcept {
    return !(a == b);
  }
  friend constexpr bool operator!=(const code_text& a, std::string_view b) noexcept {
    return !(a == b);
  }
  friend constexpr bool operator!=(std::string_view a, const code_text& b) noexcept {
    return !(a == b);
  }

  /// Appends one character; characters past the capacity are dropped (never needed for numbers).
  constexpr void push_back(char c) noexcept {
    if (size_ < capacity) chars_[size_++] = c;
  }

 private:
  char chars_[capacity] = {};
  std::size_t size_ = 0;
};

/// `value` as unsigned decimal: to_decimal(13894) == "13894".
[[nodiscard]] constexpr code_text to_decimal(std::uint32_t value) noexcept {
  char digits[10] = {};
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  code_text out;
  while (n > 0) out.push_back(digits[--n]);
  return out;
}

/// `value` in hex as Microsoft's documentation prints it: to_hex(1469) == "0x5BD".
[[nodiscard]] constexpr code_text to_hex(std::uint32_t value) noexcept {
  code_text out;
  out.push_back('0');
  out.push_back('x');
  bool started = false;
  for (int shift = 28; shift >= 0; shift -= 4) {
    const auto nibble = (value >> shift) & 0xFu;
    if (nibble == 0 && !started && shift != 0) continue;
    started = true;
    out.push_back("0123456789ABCDEF"[nibble]);
  }
  return out;
}

/// HRESULT_FROM_WIN32(code): 0x80070000 | (code & 0xFFFF); zero and negative values unchanged.
[[nodiscard]] constexpr std::uint32_t to_hresult(std::uint32_t code) noexcept {
  return static_cast<std::int32_t>(code) <= 0 ? code : ((code & 0xFFFFu) | 0x80070000u);
}

/// The Win32 code inside HRESULT_FROM_WIN32 (0x8007....) or NTSTATUS_FROM_WIN32 (0xC007....)
/// values; any other value unchanged: unwrap(0x80073646) == 13894.
[[nodiscard]] constexpr std::uint32_t unwrap(std::uint32_t value) noexcept {
  return (value & 0xBFFF0000u) == 0x80070000u ? (value & 0xFFFFu) : value;
}

}  // namespace v1
}  // namespace ipsecerr

#endif  // IPSECERR_NUMBERS_HPP
