// Helpers shared by the tests of the `--threads` chunk cut (chunk_split_test.cpp) and of the CSV
// separators (csv_delimiter_test.cpp): the cut against a record-by-record scan, and a chunked read
// against a serial one.
#pragma once

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_scan.hpp"
#include "leadscore/io.hpp"
#include "test_support.hpp"

namespace lstest {

using namespace leadscore;

// The end of the last whole record of `text`, by scanning record after record as the reader does.
inline std::size_t scanned_last_end(std::string text, char sep = ',') {
  std::vector<io::CsvCell> cells;
  char* p = text.data();
  char* const end = p + text.size();
  std::size_t last = 0;
  for (;;) {
    const io::CsvScan scan = io::scan_csv_record(p, end, false, sep, cells);
    if (!scan.complete) return last;
    p += scan.length;
    last = static_cast<std::size_t>(p - text.data());
    if (p == end) return last;
  }
}

// The same end as the chunk cut finds it, backwards from the end of the text.
inline std::size_t cut_last_end(const std::string& text, char sep = ',') {
  const char* end = io::last_csv_record_end(text.data(), text.data() + text.size(), sep);
  return end == nullptr ? 0 : static_cast<std::size_t>(end - text.data());
}

// A record as compared between the serial and the chunked read.
inline std::string describe(const Record& r) {
  std::string s = fmt::format("line {} key [{}] error [{}]", r.line, r.key, r.error);
  for (const FieldValue& v : r.values)
    s += fmt::format(" |{}:{}:{}:{}:{}", v.present, v.str, v.i, v.num, v.set_bits);
  for (std::string_view item : r.items) s += fmt::format(" item {}", item);
  return s;
}

// Every record of `text` read in chunks of about `target` bytes, as `--threads` reads; `chunks`
// counts them (0 when the reader read serially).
inline std::vector<std::string> read_chunked(std::string text, RecordFormat format, std::size_t target,
                                             std::size_t& chunks) {
  std::FILE* in = fmemopen(text.data(), text.size(), "r");
  REQUIRE(in != nullptr);
  ReaderOpenResult opened = open_record_reader(in, "input", format, lead_schema());
  std::vector<std::string> out;
  chunks = 0;
  if (opened.reader) {
    std::unique_ptr<RecordReader> chunk_reader = opened.reader->chunk_reader();
    REQUIRE(chunk_reader != nullptr);
    InputChunk chunk;
    Record rec;
    ChunkStatus status;
    while ((status = opened.reader->next_chunk(chunk, target)) == ChunkStatus::Chunk) {
      ++chunks;
      chunk_reader->start_chunk(chunk);
      while (chunk_reader->next(rec)) out.push_back(describe(rec));
    }
    if (status == ChunkStatus::Serial)
      while (opened.reader->next(rec)) out.push_back(describe(rec));
  }
  std::fclose(in);
  return out;
}

}  // namespace lstest
