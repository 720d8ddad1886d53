#include "io/output_sink.hpp"

namespace leadscore::io {

void OutputSink::flush() {
  // After a failure keep the buffer bounded but stop writing: finish() reports it.
  if (!failed_ && !buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), out_) != buf_.size())
    failed_ = true;
  buf_.clear();
}

bool OutputSink::finish() {
  flush();
  if (std::fflush(out_) != 0 || std::ferror(out_)) failed_ = true;
  return !failed_;
}

}  // namespace leadscore::io
