// Little-endian writing and bounds-checked reading of the .lsc payload. The reader never reads past
// its end and never allocates more than the bytes left could hold: a count that claims more
// elements than remain fails before any vector grows.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace leadscore::lsc {

class ByteWriter {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) {
    for (int k = 0; k < 4; ++k) u8(static_cast<std::uint8_t>(v >> (8 * k)));
  }
  void u64(std::uint64_t v) {
    for (int k = 0; k < 8; ++k) u8(static_cast<std::uint8_t>(v >> (8 * k)));
  }
  void f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void opt(const std::optional<double>& v) {
    u8(v ? 1 : 0);
    f64(v.value_or(0));
  }
  void count(std::size_t n) { u32(static_cast<std::uint32_t>(n)); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : data_(bytes) {}

  bool failed() const { return failed_; }
  bool at_end() const { return pos_ == data_.size(); }
  std::size_t left() const { return data_.size() - pos_; }
  std::size_t position() const { return pos_; }

  std::uint8_t u8() {
    if (!take(1)) return 0;
    return static_cast<std::uint8_t>(data_[pos_ - 1]);
  }
  std::uint32_t u32() {
    if (!take(4)) return 0;
    std::uint32_t v = 0;
    for (int k = 3; k >= 0; --k) v = (v << 8) | static_cast<std::uint8_t>(data_[pos_ - 4 + static_cast<std::size_t>(k)]);
    return v;
  }
  std::uint64_t u64() {
    if (!take(8)) return 0;
    std::uint64_t v = 0;
    for (int k = 7; k >= 0; --k) v = (v << 8) | static_cast<std::uint8_t>(data_[pos_ - 8 + static_cast<std::size_t>(k)]);
    return v;
  }
  double f64() { return std::bit_cast<double>(u64()); }
  std::string str() {
    std::uint32_t n = u32();
    if (!take(n)) return {};
    return std::string(data_.substr(pos_ - n, n));
  }
  std::optional<double> opt() {
    std::uint8_t has = u8();
    double v = f64();
    if (has > 1) failed_ = true;
    if (has == 1) return v;
    return std::nullopt;
  }
  bool flag() {
    std::uint8_t v = u8();
    if (v > 1) failed_ = true;
    return v == 1;
  }
  // A count of elements that take at least `min_size` bytes each: fails (returning 0) when the
  // bytes left cannot hold that many.
  std::size_t count(std::size_t min_size) {
    std::uint32_t n = u32();
    if (failed_ || static_cast<std::uint64_t>(n) * min_size > left()) {
      failed_ = true;
      return 0;
    }
    return n;
  }

 private:
  bool take(std::size_t n) {
    if (failed_ || n > left()) {
      failed_ = true;
      pos_ = data_.size();
      return false;
    }
    pos_ += n;
    return true;
  }

  std::string_view data_;
  std::size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace leadscore::lsc
