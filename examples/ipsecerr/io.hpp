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

/// Splits a stream into lines of at most `limit` bytes (without the LF or a CR before it),
/// reading `chunk_size` bytes at a time: memory stays chunk_size + limit whatever the input.
class line_reader {
 public:
  line_reader(input& in, std::size_t limit) : in_(in), limit_(limit) {}

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

  input& in_;
  std::size_t limit_;
  std::string line_;
  char buffer_[chunk_size];
  std::size_t at_ = 0;
  std::size_t size_ = 0;
  bool done_ = false;
  bool failed_ = false;
  bool too_long_ = false;
};

}  // namespace ipsecerr_io

#endif  // IPSECERR_TOOL_IO_HPP
