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
#include "leadscore/scored_row.hpp"

namespace leadscore {

// The formats of record_formats.def, in its order.
enum class RecordFormat {
#define RECORD_FORMAT(id, spelling, title, extensions, first_byte, reader, writer, sampler) id,
#include "leadscore/record_formats.def"
#undef RECORD_FORMAT
};

// One line of record_formats.def, for the choices that name formats (command-line names, help).
struct RecordFormatInfo {
  RecordFormat format;
  std::string_view name;        // on the command line: "csv", "jsonl"
  std::string_view title;       // in help text: "CSV", "JSON lines"
  std::string_view extensions;  // space-separated, lower case: ".jsonl .ndjson .json"
  char first_byte;              // standard input starting with it holds this format; 0: the fallback
};
// Every format, in record_formats.def's order.
std::span<const RecordFormatInfo> record_formats();
const RecordFormatInfo& record_format_info(RecordFormat format);
// A command-line name ("csv", "jsonl"); false if no format has it.
bool parse_record_format(std::string_view name, RecordFormat& out);
// Picks the format from a file name's extension (.csv, .jsonl, .ndjson, .json); false if unknown.
bool format_from_path(std::string_view path, RecordFormat& out);
// The format of input whose first byte is `first` (EOF for empty input): the format whose
// first_byte it is, else the fallback (CSV).
RecordFormat format_from_first_byte(int first);

// Whole records cut from a reader's input for a parallel run (score --threads): a chunk is read
// by a chunk reader exactly as the reader would have read those records, line numbers included.
struct InputChunk {
  std::unique_ptr<char[]> bytes;  // `size` bytes of records, then at least 64 readable bytes
  std::size_t size = 0, capacity = 0;
  std::uint64_t first_line = 0;   // input line where the chunk starts
  void assign(const char* data, std::size_t n);
};

enum class ChunkStatus {
  Chunk,   // `chunk` holds the next records
  End,     // the input is read to its end (or could not be read on: see read_error())
  Serial,  // the rest cannot be cut (a record longer than a chunk may be, CR-only JSON lines):
           // read it with next() on this reader
};

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

  // Parallel reading. next_chunk() moves the next whole records, about `target_bytes` of them (at
  // least one record), from this reader's input into `chunk`. chunk_reader() makes a reader for
  // chunks (null: this reader cannot cut its input), which start_chunk() points at one chunk; it
  // may write into the chunk's bytes, and its records' views stay valid while the chunk lives.
  virtual ChunkStatus next_chunk(InputChunk&, std::size_t /*target_bytes*/) { return ChunkStatus::Serial; }
  virtual std::unique_ptr<RecordReader> chunk_reader() const { return nullptr; }
  virtual void start_chunk(InputChunk&) {}
};

struct ReaderOpenResult {
  std::unique_ptr<RecordReader> reader;  // null when `error` is set
  std::string error;                     // a problem that stops the run before any record is read
  std::vector<std::string> warnings;     // e.g. a field with no column in the CSV header
  // Header names that are no field's (and not guessed to be one misspelt), each once, in header
  // order. Not a warning each: an export has dozens a model does not read (ignored_columns_note).
  std::vector<std::string> ignored_columns;
};

// One line for the ignored columns of `name`: `leads.csv: 22 columns are not in the schema and are
// ignored: "A", "B", ...` (the first 20 named); "" when there are none.
std::string ignored_columns_note(std::string_view name, const std::vector<std::string>& columns);

// How CSV input is read (JSON lines ignore it).
struct ReadOptions {
  // What separates cells: ',', ';' or '\t'. 0 detects it from the header row: ';' when the header
  // has no comma and a ';', a tab when it has neither and a tab, else ','. Quotes, quoted line
  // breaks and "" work the same with each.
  char delimiter = 0;
};

// A --delimiter value: ',' or "comma", ';' or "semicolon", "tab", "\t" (backslash, t) or a tab
// character. False for anything else.
bool parse_delimiter(std::string_view text, char& out);
// How messages name a delimiter: "','", "';'", "tab".
std::string_view delimiter_name(char delimiter);

// `in` is read with large buffered reads and is not closed. `name` is used in messages.
ReaderOpenResult open_record_reader(std::FILE* in, std::string_view name, RecordFormat format,
                                    const Schema& schema, const ReadOptions& options = {});

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  virtual void write(const ScoredRow& row) = 0;
  // Flushes everything; returns false if the output could not be written, with errno saying why.
  virtual bool finish() = 0;

  // For a parallel run (score --threads): a writer of the same format and columns that keeps its
  // rows in memory and writes no header (null: this writer cannot do that); take() hands the rows
  // kept so far over, and write_bytes() writes rows another writer formatted.
  virtual std::unique_ptr<ResultWriter> chunk_writer() const { return nullptr; }
  virtual void take(std::string& out) { out.clear(); }
  virtual void write_bytes(std::string_view) {}
};

std::unique_ptr<ResultWriter> make_result_writer(std::FILE* out, RecordFormat format,
                                                 const OutputColumns& columns);

// A number as fmt::format("{}", x) prints a double, with -0 printed as 0.
std::string format_number(double x);
void append_number(std::string& out, double x);
// `x` rounded to `decimals` (0 to 15) decimals as a spreadsheet's ROUND does: the decimal text that
// format_number prints is rounded half away from zero (2.675 -> 2.68, -0.5 -> -1 at 0 decimals),
// and the result is the double nearest that decimal (0, never -0, when it rounds to zero). Whole
// numbers, infinities and NaN come back unchanged.
double round_decimals(double x, int decimals);

}  // namespace leadscore
