// Buffered output for the writers: rows are appended to one string and written in large chunks.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace leadscore::io {

class OutputSink {
 public:
  // A null `out` keeps every row in memory until take(): one chunk's rows in a parallel run.
  explicit OutputSink(std::FILE* out) : out_(out) {
    if (out_ != nullptr) buf_.reserve(flush_at + flush_at / 4);
  }

  std::string& buffer() { return buf_; }
  // Called after each row: writes once the buffer holds about 1 MiB.
  void row_done() {
    if (buf_.size() >= flush_at && out_ != nullptr) flush();
  }
  // Hands the rows kept so far to `out` (swapped, so that both keep their capacity).
  void take(std::string& out) {
    out.clear();
    out.swap(buf_);
  }
  // Writes bytes formatted elsewhere (another sink's take()) after the rows buffered here.
  void write_bytes(std::string_view bytes);
  // Writes everything and flushes the FILE*; false if any write failed, with errno set to the first
  // failure's reason (ENOSPC, EFBIG...) so that the caller can say why.
  bool finish();

 private:
  static constexpr std::size_t flush_at = std::size_t{1} << 20;
  void flush();

  std::FILE* out_;
  std::string buf_;
  int error_ = 0;  // errno of the first failed write; 0 while all is well
};

}  // namespace leadscore::io
