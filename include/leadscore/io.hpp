// Reading lead records and writing scored rows: CSV (RFC 4180) and JSON lines.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/record.hpp"
#include "leadscore/schema.hpp"

namespace leadscore {

enum class RecordFormat { Csv, JsonLines };

// Picks the format from a file name's extension (.csv, .jsonl, .ndjson, .json); false if unknown.
bool format_from_path(std::string_view path, RecordFormat& out);

// Streams records one at a time; memory does not grow with the input.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Fills `rec` with the next record (an error record if it is bad) and returns true, or returns
  // false at the end of the input. `rec`'s views stay valid until the next call.
  virtual bool next(Record& rec) = 0;
  // After next() returned false: non-empty when the input could not be read to its end (the
  // message names the input). The records returned before it are still good.
  virtual std::string read_error() const { return {}; }
  // Bytes of input consumed so far, for progress reports.
  virtual std::uint64_t bytes_read() const { return 0; }
};

struct ReaderOpenResult {
  std::unique_ptr<RecordReader> reader;  // null when `error` is set
  std::string error;                     // a problem that stops the run before any record is read
  std::vector<std::string> warnings;     // e.g. extra CSV columns, each named once
};

// `in` is read with large buffered reads and is not closed. `name` is used in messages.
ReaderOpenResult open_record_reader(std::FILE* in, std::string_view name, RecordFormat format,
                                    const Schema& schema);

enum class RowStatus { Ok, Rejected, Error };

// Column layout of the output: key, score, qualified, tier, status, reason, one column per named
// group, and `fired` when explaining.
struct OutputColumns {
  std::string key_name;
  std::vector<std::string> group_names;
  bool explain = false;
};

struct ScoredRow {
  std::string_view key;
  RowStatus status = RowStatus::Ok;
  double score = 0;                  // unused for Error
  bool qualified = false;
  std::string_view tier;             // empty: no tier
  std::string_view reason;           // reject reason or error message
  std::span<const double> groups;    // one per OutputColumns::group_names; unused for Error
  std::span<const std::string_view> fired;  // labels, when explaining
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  virtual void write(const ScoredRow& row) = 0;
  // Flushes everything; returns false if the output could not be written, with errno saying why.
  virtual bool finish() = 0;
};

std::unique_ptr<ResultWriter> make_result_writer(std::FILE* out, RecordFormat format,
                                                 const OutputColumns& columns);

// A number as fmt::format("{}", x) prints a double, with -0 printed as 0.
std::string format_number(double x);
void append_number(std::string& out, double x);

}  // namespace leadscore
