// The concrete readers behind open_record_reader.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "io/byte_source.hpp"
#include "leadscore/io.hpp"

namespace leadscore::io {

// What every reader over a ByteSource shares: the input window, the input's name for messages,
// and the RecordReader calls that need nothing else.
class BufferedReader : public RecordReader {
 public:
  BufferedReader(std::FILE* in, std::string_view name) : src_(in), name_(name) {}

  std::string read_error() const override {
    return src_.read_error().empty() ? std::string()
                                     : fmt::format("{}: read error: {}", name_, src_.read_error());
  }
  std::uint64_t bytes_read() const override { return src_.bytes_consumed(); }

 protected:
  ByteSource src_;
  std::string name_;
};

ReaderOpenResult open_csv_reader(std::FILE* in, std::string_view name, const Schema& schema);
ReaderOpenResult open_jsonl_reader(std::FILE* in, std::string_view name, const Schema& schema);

}  // namespace leadscore::io
