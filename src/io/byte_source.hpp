// A large, growable input window over a FILE*, shared by the record readers.
//
// Invariants the readers rely on:
// - bytes in [data(), data() + size()) are unread input; the reader parses them in place and may
//   write into them (the CSV reader unescapes doubled quotes in place);
// - at least `padding` readable bytes follow the window's end (simdjson reads past a document);
// - the window only moves or grows inside refill(), so views into it stay valid until then.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "leadscore/io.hpp"

namespace leadscore::io {

// The LF bytes in [p, end), which is how every reader counts input lines. memchr from line end to
// line end: four times as fast as std::count on CSV lines of about 130 bytes, which matters on
// the thread that cuts the input for the others (io/chunks.cpp).
inline std::uint64_t count_line_feeds(const char* p, const char* end) {
  std::uint64_t n = 0;
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr) {
    ++n;
    ++p;
  }
  return n;
}

class ByteSource {
 public:
  static constexpr std::size_t initial_capacity = std::size_t{1} << 20;  // 1 MiB
  static constexpr std::size_t padding = 64;                             // >= SIMDJSON_PADDING
  // A record may grow the window up to this size; past it, readers skip the rest of the record
  // (an error record) instead of holding it, so that one stray quote cannot make the reader load
  // the whole rest of a multi-gigabyte input.
  static constexpr std::size_t max_record = std::size_t{64} << 20;

  // A null `in` makes a source over memory the caller owns (one chunk of a parallel run, see
  // io/chunks.cpp): no buffer of its own, at its end from the start; reset_memory() points it at
  // the memory, which `padding` readable bytes must follow.
  explicit ByteSource(std::FILE* in);
  void reset_memory(char* data, std::size_t size) {
    base_ = data;
    begin_ = 0;
    end_ = size;
    eof_ = true;
  }

  char* data() { return base_ + begin_; }
  std::size_t size() const { return end_ - begin_; }
  bool at_eof() const { return eof_; }
  void consume(std::size_t n) {
    begin_ += n;
    bytes_consumed_ += n;
  }
  std::uint64_t bytes_consumed() const { return bytes_consumed_; }
  // Consumes the first `n` unread bytes into `chunk` (a parallel run's cut, io/chunks.cpp). After
  // refill() the unread bytes start at the buffer's front, and then the chunk takes the buffer
  // itself while this source goes on in the chunk's old one with the bytes after the `n`: the
  // records are not copied, only the start of the next one. Invalidates every pointer into the
  // window.
  void consume_into(InputChunk& chunk, std::size_t n);

  // Moves the unread bytes to the front, grows the buffer when they fill it, and reads more.
  // Returns false when nothing more could be read (end of input or a read error). Invalidates
  // every pointer into the window.
  bool refill();
  // Drops a UTF-8 byte order mark at the very start of the input.
  void skip_bom();
  // Non-empty after a read error: the text of errno.
  const std::string& read_error() const { return read_error_; }

 private:
  std::FILE* in_;
  std::unique_ptr<char[]> buf_;
  char* base_ = nullptr;  // buf_, or the caller's memory
  std::size_t capacity_ = 0;  // usable bytes; `padding` more are allocated after them
  std::size_t begin_ = 0, end_ = 0;
  std::uint64_t bytes_consumed_ = 0;
  bool eof_ = false;
  std::string read_error_;
};

}  // namespace leadscore::io
