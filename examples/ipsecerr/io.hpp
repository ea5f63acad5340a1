// SPDX-License-Identifier: MIT
// Checked binary I/O for the ipsecerr tool: raw reads of files and standard input as they come,
// and a buffered writer to standard output that keeps the first error.
#ifndef IPSECERR_TOOL_IO_HPP
#define IPSECERR_TOOL_IO_HPP

#include <sys/stat.h>
#include <sys/types.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#ifdef _WIN32
#  include <fcntl.h>
#  include <io.h>
#else
#  include <fcntl.h>
#  include <unistd.h>
#endif

namespace ipsecerr_io {

/// The size of one read and of the output buffer.
inline constexpr std::size_t chunk_size = 128 * 1024;

/// Puts standard input, output and error in binary mode (on Windows; elsewhere they are) and
/// leaves standard output unbuffered, since output buffers its writes itself.
inline void set_up_standard_streams() {
#ifdef _WIN32
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
  _setmode(_fileno(stderr), _O_BINARY);
#endif
  std::setvbuf(stdout, nullptr, _IONBF, 0);
}

/// Whether standard output is a terminal.
inline bool stdout_is_terminal() {
#ifdef _WIN32
  return _isatty(_fileno(stdout)) != 0;
#else
  return isatty(STDOUT_FILENO) != 0;
#endif
}

/// Whether standard input is a pipe or a regular file: data someone meant for the tool (not a
/// terminal, /dev/null or another device, or a socket).
inline bool stdin_is_pipe_or_file() {
#ifdef _WIN32
  struct _stat st {};
  if (_fstat(_fileno(stdin), &st) != 0) return false;
  return (st.st_mode & _S_IFMT) == _S_IFIFO || (st.st_mode & _S_IFMT) == _S_IFREG;
#else
  struct stat st {};
  if (fstat(STDIN_FILENO, &st) != 0) return false;
  return S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode);
#endif
}

/// A file opened for raw reading, or standard input for "-"; read() returns what is available.
class input {
 public:
  explicit input(const char* path) {
    if (std::strcmp(path, "-") == 0) {
      fd_ = 0;
      return;
    }
#ifdef _WIN32
    fd_ = _open(path, _O_RDONLY | _O_BINARY);
#else
    do {
      fd_ = ::open(path, O_RDONLY);
    } while (fd_ < 0 && errno == EINTR);
#endif
    if (fd_ < 0) error_ = errno;
    owned_ = fd_ >= 0;
  }
  input(const input&) = delete;
  input& operator=(const input&) = delete;
  ~input() {
#ifdef _WIN32
    if (owned_) _close(fd_);
#else
    if (owned_) ::close(fd_);
#endif
  }

  /// Whether the file is open.
  [[nodiscard]] bool ok() const { return fd_ >= 0; }
  /// The errno of the last failure, or 0.
  [[nodiscard]] int error() const { return error_; }

  /// Reads at most `size` bytes: the number read, 0 at the end, or -1 on error (see error()).
  long read(char* buffer, std::size_t size) {
#ifdef _WIN32
    const int n = _read(fd_, buffer, static_cast<unsigned>(size));
#else
    ssize_t n;
    do {
      n = ::read(fd_, buffer, size);
    } while (n < 0 && errno == EINTR);
#endif
    if (n < 0) error_ = errno;
    return static_cast<long>(n);
  }

 private:
  int fd_ = -1;
  int error_ = 0;
  bool owned_ = false;
};

/// How a stream's text is encoded, by its first bytes: UTF-16 announced by a byte order mark (FF FE
/// little-endian, as Windows PowerShell 5.1's > and Out-File write; FE FF big-endian), or bytes as
/// they come (UTF-8, ASCII or another ASCII-compatible encoding).
enum class text_encoding { bytes, utf16le, utf16be };

/// Reads a file or standard input as UTF-8: bytes as they come, or UTF-16 decoded, its byte order
/// mark included (as EF BB BF). An unpaired surrogate becomes the three bytes UTF-8 would give its
/// value (as WTF-8 does), so that utf16_encoder gives back every UTF-16 input byte for byte; the
/// last byte of an input of an odd size decodes to nothing and is kept (odd_byte()).
class text_input {
 public:
  explicit text_input(input& in) : in_(in) {}

  /// Reads at most `size` (at least 4) bytes of text: the number read, 0 at the end, or -1 on
  /// error (see the input's error()). Never waits for more input than it needs to give some.
  long read(char* buffer, std::size_t size) {
    if (!decided_ && !decide()) return -1;
    if (encoding_ == text_encoding::bytes) {
      if (at_ < size_) {  // what decide() read
        const std::size_t n = size < size_ - at_ ? size : size_ - at_;
        std::memcpy(buffer, raw_ + at_, n);
        at_ += n;
        return static_cast<long>(n);
      }
      return in_.read(buffer, size);
    }
    for (;;) {
      const std::size_t n = decode(buffer, size);
      if (n > 0 || ended_) {
        if (n == 0 && size_ - at_ == 1) odd_ = static_cast<unsigned char>(raw_[at_++]);
        return static_cast<long>(n);
      }
      if (!refill()) return -1;
    }
  }

  /// The encoding, known after the first read().
  [[nodiscard]] text_encoding encoding() const { return encoding_; }
  /// After the end of a UTF-16 input of an odd number of bytes: its last byte (else -1).
  [[nodiscard]] int odd_byte() const { return odd_; }

 private:
  // Reads until the first two bytes are known (or the input ends) and decides the encoding.
  bool decide() {
    while (size_ < 2 && !ended_) {
      if (!refill()) return false;
    }
    const auto b0 = size_ > 0 ? static_cast<unsigned char>(raw_[0]) : 0u;
    const auto b1 = size_ > 1 ? static_cast<unsigned char>(raw_[1]) : 0u;
    encoding_ = b0 == 0xFF && b1 == 0xFE   ? text_encoding::utf16le
                : b0 == 0xFE && b1 == 0xFF ? text_encoding::utf16be
                                           : text_encoding::bytes;
    decided_ = true;
    return true;
  }

  // Moves the bytes not decoded yet to the front and reads more after them; false on error.
  bool refill() {
    if (at_ > 0) {
      std::memmove(raw_, raw_ + at_, size_ - at_);
      size_ -= at_;
      at_ = 0;
    }
    const long n = in_.read(raw_ + size_, sizeof raw_ - size_);
    if (n < 0) return false;
    if (n == 0) ended_ = true;
    size_ += static_cast<std::size_t>(n);
    return true;
  }

  [[nodiscard]] unsigned unit_at(std::size_t k) const {
    const unsigned a = static_cast<unsigned char>(raw_[k]);
    const unsigned b = static_cast<unsigned char>(raw_[k + 1]);
    return encoding_ == text_encoding::utf16le ? a | b << 8u : a << 8u | b;
  }

  // Decodes whole code units (a surrogate pair whole, or a high surrogate once the next unit is
  // known) from raw_ into buffer, while four bytes of room are left.
  std::size_t decode(char* buffer, std::size_t size) {
    std::size_t n = 0;
    while (size - n >= 4 && size_ - at_ >= 2) {
      unsigned c = unit_at(at_);
      std::size_t used = 2;
      if (c >= 0xD800 && c < 0xDC00) {
        if (size_ - at_ < 4 && !ended_) break;  // the next unit decides
        const unsigned low = size_ - at_ >= 4 ? unit_at(at_ + 2) : 0u;
        if (low >= 0xDC00 && low < 0xE000) {
          c = 0x10000 + ((c - 0xD800) << 10u) + (low - 0xDC00);
          used = 4;
        }
      }
      n += put_utf8(buffer + n, c);
      at_ += used;
    }
    return n;
  }

  static std::size_t put_utf8(char* out, unsigned c) {
    const auto byte = [](unsigned v) { return static_cast<char>(static_cast<unsigned char>(v)); };
    if (c < 0x80) {
      out[0] = byte(c);
      return 1;
    }
    if (c < 0x800) {
      out[0] = byte(0xC0 | c >> 6u);
      out[1] = byte(0x80 | (c & 0x3F));
      return 2;
    }
    if (c < 0x10000) {
      out[0] = byte(0xE0 | c >> 12u);
      out[1] = byte(0x80 | (c >> 6u & 0x3F));
      out[2] = byte(0x80 | (c & 0x3F));
      return 3;
    }
    out[0] = byte(0xF0 | c >> 18u);
    out[1] = byte(0x80 | (c >> 12u & 0x3F));
    out[2] = byte(0x80 | (c >> 6u & 0x3F));
    out[3] = byte(0x80 | (c & 0x3F));
    return 4;
  }

  input& in_;
  char raw_[chunk_size];
  std::size_t at_ = 0;    // the first byte of raw_ not given out yet
  std::size_t size_ = 0;  // the bytes read into raw_
  bool decided_ = false;
  bool ended_ = false;
  text_encoding encoding_ = text_encoding::bytes;
  int odd_ = -1;
};

/// Encodes UTF-8 as text_input decodes it (unpaired surrogates included) back into UTF-16 of one
/// byte order, for write(bytes) of a sink; a sequence may be split over calls.
class utf16_encoder {
 public:
  explicit utf16_encoder(bool little_endian) : little_(little_endian) {}

  /// Encodes bytes and passes the units to write(std::string_view).
  template <class Write>
  void encode(std::string_view bytes, Write&& write) {
    char units[512];
    std::size_t n = 0;
    const auto emit = [&](unsigned c) {  // at most 4 bytes: n stays within units
      n = put(units, n, c);
      if (n > sizeof units - 4) {
        write(std::string_view(units, n));
        n = 0;
      }
    };
    for (const char ch : bytes) {
      const auto b = static_cast<unsigned char>(ch);
      if (need_ > 0 && (b & 0xC0u) == 0x80) {
        value_ = value_ << 6u | (b & 0x3Fu);
        if (--need_ == 0) emit(value_);
        continue;
      }
      if (need_ > 0) emit(0xFFFD);  // a sequence cut short: no output of text_input
      need_ = b < 0x80 ? 0 : b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
      value_ = b & (0x7Fu >> need_);
      if (need_ == 0) emit(b < 0x80 ? b : 0xFFFDu);
    }
    if (n > 0) write(std::string_view(units, n));
  }

  /// Ends the text: a sequence cut short by its end (no output of text_input) as U+FFFD.
  template <class Write>
  void finish(Write&& write) {
    if (need_ > 0) {
      char unit[2];
      put_unit(unit, 0, 0xFFFD);
      write(std::string_view(unit, 2));
    }
    need_ = 0;
  }

 private:
  std::size_t put(char* units, std::size_t n, unsigned c) const {
    if (c >= 0x10000) {
      n = put_unit(units, n, 0xD800 + ((c - 0x10000) >> 10u));
      return put_unit(units, n, 0xDC00 + ((c - 0x10000) & 0x3FF));
    }
    return put_unit(units, n, c);
  }
  std::size_t put_unit(char* units, std::size_t n, unsigned u) const {
    const auto lo = static_cast<char>(static_cast<unsigned char>(u & 0xFF));
    const auto hi = static_cast<char>(static_cast<unsigned char>(u >> 8u));
    units[n] = little_ ? lo : hi;
    units[n + 1] = little_ ? hi : lo;
    return n + 2;
  }

  bool little_;
  unsigned need_ = 0;   // continuation bytes still to come
  unsigned value_ = 0;  // the bits so far
};

/// Buffered, checked writes to standard output; after the first failure, writes do nothing.
class output {
 public:
  /// Appends bytes, writing the buffer out when it is full.
  void write(std::string_view bytes) {
    if (discard_) return;
    if (bytes.size() > chunk_size - size_) {
      flush();
      if (bytes.size() >= chunk_size) {
        raw(bytes.data(), bytes.size());
        return;
      }
    }
    std::memcpy(buffer_ + size_, bytes.data(), bytes.size());
    size_ += bytes.size();
  }
  void put(char c) { write(std::string_view(&c, 1)); }

  /// From now on, writes are dropped (-q: only the exit status speaks).
  void discard() { discard_ = true; }

  /// Writes out what is buffered; false once any write has failed.
  bool flush() {
    if (size_ > 0) raw(buffer_, size_);
    size_ = 0;
    return error_ == 0;
  }

  /// The errno of the first failed write, or 0.
  [[nodiscard]] int error() const { return error_; }

 private:
  void raw(const char* data, std::size_t size) {
    if (error_ != 0 || size == 0) return;
    errno = 0;
    if (std::fwrite(data, 1, size, stdout) != size) error_ = errno != 0 ? errno : EIO;
  }

  char buffer_[chunk_size];
  std::size_t size_ = 0;
  int error_ = 0;
  bool discard_ = false;
};

/// Splits text (text_input: UTF-16 decoded) into lines of at most `limit` bytes (without the LF or
/// a CR before it, nor the byte order mark before the first), reading `chunk_size` bytes at a
/// time: memory stays chunk_size + limit whatever the input.
class line_reader {
 public:
  line_reader(text_input& in, std::size_t limit) : in_(in), limit_(limit) {}

  /// The next line; false at the end of the input or on a read error (see failed()). A line
  /// longer than the limit is returned cut to it, with too_long() set.
  bool next(std::string_view& line) {
    line_.clear();
    too_long_ = false;
    for (;;) {
      if (at_ == size_) {
        if (done_) return finish(line);
        const long n = in_.read(buffer_, sizeof buffer_);
        if (n <= 0) {
          failed_ = n < 0;
          done_ = true;
          return finish(line);
        }
        at_ = 0;
        size_ = static_cast<std::size_t>(n);
      }
      const char* begin = buffer_ + at_;
      const auto* end = static_cast<const char*>(std::memchr(begin, '\n', size_ - at_));
      const std::size_t take = end != nullptr ? static_cast<std::size_t>(end - begin) : size_ - at_;
      keep(std::string_view(begin, take));
      at_ += take;
      if (end != nullptr) {
        ++at_;
        return give(line);
      }
    }
  }
  [[nodiscard]] bool too_long() const { return too_long_; }
  [[nodiscard]] bool failed() const { return failed_; }

 private:
  void keep(std::string_view bytes) {
    const std::size_t room = limit_ + 1 - line_.size();  // one more byte tells a CR from content
    if (bytes.size() > room) too_long_ = true;
    line_.append(bytes.data(), bytes.size() < room ? bytes.size() : room);
  }
  bool give(std::string_view& line) {
    if (first_ && line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.erase(0, 3);
    first_ = false;
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (line_.size() > limit_) {
      too_long_ = true;
      line_.resize(limit_);
    }
    line = line_;
    return true;
  }
  bool finish(std::string_view& line) {  // the last line has no LF
    if (line_.empty() && !too_long_) return false;
    return give(line);
  }

  text_input& in_;
  std::size_t limit_;
  std::string line_;
  bool first_ = true;
  char buffer_[chunk_size];
  std::size_t at_ = 0;
  std::size_t size_ = 0;
  bool done_ = false;
  bool failed_ = false;
  bool too_long_ = false;
};

}  // namespace ipsecerr_io

#endif  // IPSECERR_TOOL_IO_HPP
