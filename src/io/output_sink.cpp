#include "io/output_sink.hpp"

#include <cerrno>

namespace leadscore::io {

void OutputSink::flush() {
  // After a failure keep the buffer bounded but stop writing: finish() reports it.
  if (error_ == 0 && !buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), out_) != buf_.size())
    error_ = errno != 0 ? errno : EIO;
  buf_.clear();
}

void OutputSink::write_bytes(std::string_view bytes) {
  if (bytes.size() < flush_at / 4) {  // small pieces are gathered into one write
    buf_ += bytes;
    row_done();
    return;
  }
  flush();
  if (error_ == 0 && std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size())
    error_ = errno != 0 ? errno : EIO;
}

bool OutputSink::finish() {
  flush();
  if (error_ == 0 && (std::fflush(out_) != 0 || std::ferror(out_))) error_ = errno != 0 ? errno : EIO;
  if (error_ != 0) errno = error_;
  return error_ == 0;
}

}  // namespace leadscore::io
