#include "io/byte_source.hpp"

#include <cerrno>
#include <cstring>

namespace leadscore::io {

ByteSource::ByteSource(std::FILE* in)
    : in_(in) {
  if (in_ == nullptr) {
    eof_ = true;
    return;
  }
  buf_.reset(new char[initial_capacity + padding]);
  base_ = buf_.get();
  capacity_ = initial_capacity;
  std::memset(buf_.get(), ' ', capacity_ + padding);
}

bool ByteSource::refill() {
  if (eof_) return false;
  const std::size_t unread = size();
  if (begin_ > 0) {
    std::memmove(buf_.get(), buf_.get() + begin_, unread);
    begin_ = 0;
    end_ = unread;
  }
  if (end_ == capacity_) {
    // One record is larger than the whole buffer (a huge quoted field or JSON line): grow. This is
    // the only way memory grows, and it is bounded by the largest single record.
    const std::size_t grown = capacity_ * 2;
    std::unique_ptr<char[]> bigger(new char[grown + padding]);
    std::memcpy(bigger.get(), buf_.get(), end_);
    std::memset(bigger.get() + end_, ' ', grown + padding - end_);
    buf_ = std::move(bigger);
    base_ = buf_.get();
    capacity_ = grown;
  }
  const std::size_t want = capacity_ - end_;
  const std::size_t got = std::fread(buf_.get() + end_, 1, want, in_);
  end_ += got;
  if (got < want) {
    // A short read from fread means end of input or an error; either way there is no more.
    if (std::ferror(in_)) read_error_ = std::strerror(errno != 0 ? errno : EIO);
    eof_ = std::feof(in_) || std::ferror(in_) || got == 0;
  }
  return got > 0;
}

void ByteSource::consume_into(InputChunk& chunk, std::size_t n) {
  if (begin_ != 0 || buf_ == nullptr || base_ != buf_.get()) {
    chunk.assign(data(), n);
    consume(n);
    return;
  }
  const std::size_t rest = end_ - n;
  if (chunk.capacity < capacity_ || chunk.bytes == nullptr) {
    chunk.bytes.reset(new char[capacity_ + padding]);
    chunk.capacity = capacity_;
  }
  std::memcpy(chunk.bytes.get(), buf_.get() + n, rest);
  std::swap(buf_, chunk.bytes);
  std::swap(capacity_, chunk.capacity);
  base_ = buf_.get();
  end_ = rest;
  chunk.size = n;
  std::memset(chunk.bytes.get() + n, ' ', padding);  // as InputChunk::assign pads
  bytes_consumed_ += n;
}

void ByteSource::skip_bom() {
  while (size() < 3 && refill()) {
  }
  if (size() >= 3 && std::memcmp(data(), "\xEF\xBB\xBF", 3) == 0) {
    begin_ += 3;  // not counted as a consumed record byte, but harmless for progress either way
    bytes_consumed_ += 3;
  }
}

}  // namespace leadscore::io
