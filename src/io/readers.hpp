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
  // A null `in` makes a chunk reader: its input is the chunk start_chunk() gives it.
  BufferedReader(std::FILE* in, std::string_view name) : src_(in), name_(name) {}

  std::string read_error() const override {
    return src_.read_error().empty() ? std::string()
                                     : fmt::format("{}: read error: {}", name_, src_.read_error());
  }
  std::uint64_t bytes_read() const override { return src_.bytes_consumed(); }

  // Cuts the window on the last record end within about `target_bytes` (io/chunks.cpp).
  ChunkStatus next_chunk(InputChunk& chunk, std::size_t target_bytes) override;
  void start_chunk(InputChunk& chunk) override {
    src_.reset_memory(chunk.bytes.get(), chunk.size);
    next_line_ = chunk.first_line;
    chunk_started();
  }

 protected:
  // Where records end, for next_chunk(): the end of the last whole record in [p, end) that
  // starts at `p` (a record start), or null when no record ends there. Lines are counted by LF.
  virtual const char* last_record_end(const char* p, const char* end) const = 0;
  // Whether the input can be cut at all, decided from the window's first bytes: 1 yes, 0 not known
  // before more is read, -1 no (the rest is read serially).
  virtual int can_cut() { return 1; }
  virtual void chunk_started() {}

  ByteSource src_;
  std::string name_;
  std::uint64_t next_line_ = 1;  // the input line of the next record
};

// One opener per line of record_formats.def, e.g. open_csv_reader (ReadOptions::delimiter: ',', ';'
// or '\t'; 0 detects it from the header, io/csv_separator.hpp) and open_jsonl_reader.
#define RECORD_FORMAT(id, spelling, title, extensions, first_byte, reader, writer, sampler) \
  ReaderOpenResult reader(std::FILE* in, std::string_view name, const Schema& schema, const ReadOptions& options);
#include "leadscore/record_formats.def"
#undef RECORD_FORMAT

}  // namespace leadscore::io
