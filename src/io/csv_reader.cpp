// CSV records: the header maps columns to fields once; each record is then scanned in place in the
// input window and its cells parsed in schema order, so that the first bad field is the one named.
#include <fmt/format.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "io/byte_source.hpp"
#include "io/header_guess.hpp"
#include "io/csv_scan.hpp"
#include "io/csv_separator.hpp"
#include "io/readers.hpp"
#include "io/record_errors.hpp"
#include "io/value_parse.hpp"

namespace leadscore::io {
namespace {

class CsvReader final : public BufferedReader {
 public:
  // `sep`: 0 detects it from the header (read_header).
  CsvReader(std::FILE* in, std::string_view name, const Schema& schema, char sep)
      : BufferedReader(in, name), schema_(schema), sep_(sep) {}
  // A chunk reader with `main`'s header.
  explicit CsvReader(const CsvReader& main)
      : BufferedReader(nullptr, main.name_),
        schema_(main.schema_),
        sep_(main.sep_),
        column_names_(main.column_names_),
        field_column_(main.field_column_),
        key_column_(main.key_column_) {}

  // Reads the header. Returns the error that stops the run, or "" (adding warnings and the
  // names of the columns it ignores).
  std::string read_header(std::vector<std::string>& warnings, std::vector<std::string>& ignored);

  bool next(Record& rec) override;
  std::unique_ptr<RecordReader> chunk_reader() const override { return std::make_unique<CsvReader>(*this); }

 protected:
  const char* last_record_end(const char* p, const char* end) const override {
    return last_csv_record_end(p, end, sep_);
  }
  void chunk_started() override { skipped_ = false; }

 private:
  // Scans the next non-blank record into cells_; false at the end of the input. The record's
  // bytes stay in the window (consumed, but not moved) until the next call.
  bool scan_next(CsvScan& scan, std::uint64_t& start_line);
  std::string column_label(std::size_t cell) const {
    if (cell >= column_names_.size()) return fmt::format("cell {}", cell + 1);
    std::string label = "column ";
    append_quoted_value(label, column_names_[cell]);  // a header may hold any bytes
    return label;
  }
  void fill(Record& rec, const CsvScan& scan);
  bool reads_a_set() const {
    for (std::size_t f = 0; f < schema_.fields.size(); ++f)
      if ((schema_.fields[f].type == FieldType::Set || schema_.fields[f].type == FieldType::StringSet) &&
          field_column_[f] >= 0)
        return true;
    return false;
  }
  static constexpr std::string_view set_cell_hint =
      " (in a ';'-separated file, a set cell's members must be in quotes: \"a;b\")";
  // For a record past ByteSource::max_record: learns what it can from the window, then reads on
  // to the record's end without keeping it.
  void skip_long_record(CsvScan& scan);

  Schema schema_;                          // a copy: the reader may outlive the caller's schema
  char sep_;                               // ',', ';' or '\t' once the header is read
  std::vector<std::string> column_names_;  // as in the header, for messages
  std::vector<int> field_column_;          // per field: its column, or -1 when there is none
  int key_column_ = -1;
  std::vector<CsvCell> cells_;
  // The record just returned was skipped by skip_long_record: its key lives here, as its bytes
  // are gone from the window.
  bool skipped_ = false;
  std::string skipped_key_;
  std::string key_clean_;  // the key with stray bytes escaped
};

bool CsvReader::scan_next(CsvScan& scan, std::uint64_t& start_line) {
  for (;;) {
    if (src_.size() == 0 && !src_.refill()) return false;
    scan = scan_csv_record(src_.data(), src_.data() + src_.size(), src_.at_eof(), sep_, cells_);
    if (!scan.complete && src_.size() >= ByteSource::max_record) {
      start_line = next_line_;
      skip_long_record(scan);
      next_line_ += scan.line_breaks;
      return true;
    }
    if (!scan.complete) {
      src_.refill();  // when it cannot read more, at_eof() is now true and the rescan completes
      continue;
    }
    skipped_ = false;
    start_line = next_line_;
    next_line_ += scan.line_breaks;
    src_.consume(scan.length);
    if (!is_blank_record(cells_, sep_)) return true;
  }
}

void CsvReader::skip_long_record(CsvScan& scan) {
  // Scanned as if the input ended here, the window shows the whole cells before the long one.
  scan = scan_csv_record(src_.data(), src_.data() + src_.size(), true, sep_, cells_);
  bool in_quotes = scan.broken == CsvBreak::UnclosedQuote;
  const std::size_t long_cell = in_quotes ? scan.broken_cell : cells_.size() - 1;
  skipped_ = true;
  skipped_key_.clear();
  if (key_column_ >= 0 && static_cast<std::size_t>(key_column_) < long_cell) {
    unescape_quotes(cells_[key_column_]);
    skipped_key_ = key_as_text(cells_[key_column_].text(), key_clean_);
  }
  scan.broken_cell = long_cell;
  src_.consume(src_.size());
  // From here only quote parity matters ("" flips twice): the record ends at the first LF
  // outside quotes.
  bool ended = false;
  while (!ended && src_.refill()) {
    const char* p = src_.data();
    std::size_t i = 0;
    for (; i < src_.size(); ++i) {
      if (p[i] == '"') {
        in_quotes = !in_quotes;
        if (in_quotes) scan.breaks_before_broken = scan.line_breaks;
      } else if (p[i] == '\n') {
        ++scan.line_breaks;
        if (!in_quotes) {
          ended = true;
          ++i;
          break;
        }
      }
    }
    src_.consume(i);
  }
  scan.broken = !ended && in_quotes ? CsvBreak::UnclosedQuote : CsvBreak::TooLong;
}

std::string CsvReader::read_header(std::vector<std::string>& warnings, std::vector<std::string>& ignored) {
  src_.skip_bom();
  if (sep_ == 0) sep_ = detect_csv_separator(src_);
  CsvScan scan;
  std::uint64_t line = 0;
  if (!scan_next(scan, line)) {
    if (!src_.read_error().empty()) return read_error();
    return fmt::format("{}: the input is empty (a CSV file starts with a header row)", name_);
  }
  switch (scan.broken) {
    case CsvBreak::None:
      break;
    case CsvBreak::UnclosedQuote:
      return fmt::format("{}: line {}: unclosed quote in the header", name_, line);
    case CsvBreak::TextAfterQuote:
      return fmt::format("{}: line {}: text after a closing quote in the header", name_, line);
    case CsvBreak::TooLong:
      return fmt::format("{}: line {}: the header is longer than {} MiB", name_, line,
                         ByteSource::max_record >> 20);
  }

  // A CR that is not before an LF, outside quotes: the file has classic Mac (CR-only) line ends,
  // so the whole file reads as one header row. Say so rather than name a missing column.
  for (const CsvCell& cell : cells_) {
    if (cell.quoted) continue;
    const std::string_view t = cell.text();
    const std::size_t cr = t.find('\r');
    if (cr != std::string_view::npos && t.find_first_not_of(" \t\r", cr) != std::string_view::npos)
      return fmt::format(
          "{}: line {}: the header row ends with a bare CR (classic Mac line ends); save the file "
          "with LF or CRLF line ends",
          name_, line);
  }

  field_column_.assign(schema_.fields.size(), -1);
  // Names not in the schema, each once and in header order. A set, not a look back over the
  // columns before: a header of a million columns must not take a million squared comparisons (a
  // fuzz regression).
  std::unordered_set<std::string_view> unknown_seen;
  std::vector<std::string_view> unknown;
  // Column names (a field's `from "..."`, else its name) to fields, once: Schema::find is a linear
  // search, so a wide schema with a wide header was quadratic too (8,000 fields: seconds; a fuzz
  // regression).
  std::unordered_map<std::string_view, int> field_index;
  for (std::size_t f = 0; f < schema_.fields.size(); ++f)
    field_index.emplace(schema_.fields[f].column_name(), static_cast<int>(f));
  for (std::size_t c = 0; c < cells_.size(); ++c) {
    unescape_quotes(cells_[c]);
    const std::string_view name = trim_header_name(cells_[c].text());
    column_names_.emplace_back(name);
    if (name.empty()) {
      warnings.push_back(fmt::format("{}: column {} has no name; ignored", name_, c + 1));
      continue;
    }
    const auto found = field_index.find(name);
    const int f = found == field_index.end() ? -1 : found->second;
    if (f < 0) {
      if (unknown_seen.insert(name).second) unknown.push_back(name);
      continue;
    }
    if (field_column_[f] >= 0)
      return fmt::format("{}: column '{}' appears twice in the header", name_, name);
    field_column_[f] = static_cast<int>(c);
  }

  // A field with no column may be a column of the header spelt otherwise (`Lead_ID`, `employes`):
  // its message names that column, which is then not listed among the ignored ones.
  const HeaderGuesses guesses = guess_columns(schema_, field_column_, unknown, sep_);
  for (const std::string_view name : unknown)
    if (!guesses.taken.count(name)) ignored.emplace_back(name);
  for (std::size_t f = 0; f < schema_.fields.size(); ++f) {
    const Field& field = schema_.fields[f];
    if (field_column_[f] >= 0) continue;
    const std::string hint = guesses.separator_for_field[f] != 0
                                 ? other_separator_hint(guesses.separator_for_field[f])
                                 : did_you_mean_column(guesses.column_for_field[f]);
    // The column looked for, and the field when `from` names another column.
    const std::string_view column = field.column_name();
    const std::string which = column == field.name ? "" : fmt::format("field {}, ", field.name);
    if (field.key)
      return fmt::format("{}: missing column '{}' ({}the key of the schema){}", name_, column, which, hint);
    if (field.required)
      return fmt::format("{}: missing column '{}' ({}required by the schema){}", name_, column, which, hint);
    if (column == field.name)
      warnings.push_back(fmt::format("{}: no column for field '{}'; it is missing in every record{}",
                                     name_, field.name, hint));
    else
      warnings.push_back(fmt::format("{}: no column '{}' for field '{}'; it is missing in every record{}",
                                     name_, column, field.name, hint));
  }
  if (schema_.key_index >= 0) key_column_ = field_column_[schema_.key_index];
  return {};
}

bool CsvReader::next(Record& rec) {
  CsvScan scan;
  std::uint64_t line = 0;
  if (!scan_next(scan, line)) return false;
  rec.reset(schema_.fields.size());
  rec.line = line;
  fill(rec, scan);
  return true;
}

void CsvReader::fill(Record& rec, const CsvScan& scan) {
  if (skipped_) {
    rec.key = skipped_key_;
    if (scan.broken == CsvBreak::UnclosedQuote)
      report_unclosed_quote(rec, column_label(scan.broken_cell),
                            rec.line + scan.breaks_before_broken);
    else
      report_record_too_long(rec, column_label(scan.broken_cell), ByteSource::max_record);
    return;
  }
  // Cells before a break are whole, so the key can still be read from them.
  const std::size_t whole_cells = scan.broken == CsvBreak::None ? cells_.size() : scan.broken_cell;
  for (std::size_t c = 0; c < whole_cells; ++c) unescape_quotes(cells_[c]);
  if (key_column_ >= 0 && static_cast<std::size_t>(key_column_) < whole_cells)
    rec.key = key_as_text(cells_[key_column_].text(), key_clean_);

  if (scan.broken == CsvBreak::UnclosedQuote) {
    report_unclosed_quote(rec, column_label(scan.broken_cell),
                          rec.line + scan.breaks_before_broken);
    return;
  }
  if (scan.broken == CsvBreak::TextAfterQuote) {
    report_text_after_quote(rec, column_label(scan.broken_cell));
    return;
  }
  // A row whose cell count differs from the header's has lost or gained a separator somewhere,
  // so no cell of it can be trusted to be in its column.
  if (cells_.size() != column_names_.size()) {
    report_cell_count(rec, cells_.size(), column_names_.size());
    // Set members are ';'-separated too: in a ';' file an unquoted set cell is several cells.
    if (sep_ == ';' && cells_.size() > column_names_.size() && reads_a_set()) rec.error += set_cell_hint;
    return;
  }
  for (std::size_t f = 0; f < schema_.fields.size(); ++f) {
    const Field& field = schema_.fields[f];
    const int col = field_column_[f];
    const std::string_view text = col >= 0 ? cells_[col].text() : std::string_view();
    // An empty cell, quoted or not, is a missing value, and so is a placeholder (`missing [...]`).
    if (text.empty() || is_placeholder(field, text)) {
      if (field.required || field.key) {
        report_missing(rec, field);
        return;
      }
      continue;
    }
    if (!parse_text_cell(field, text, rec.values[f], rec)) return;
  }
}

}  // namespace

ReaderOpenResult open_csv_reader(std::FILE* in, std::string_view name, const Schema& schema, const ReadOptions& options) {
  ReaderOpenResult result;
  auto reader = std::make_unique<CsvReader>(in, name, schema, options.delimiter);
  result.error = reader->read_header(result.warnings, result.ignored_columns);
  if (result.error.empty()) result.reader = std::move(reader);
  return result;
}

}  // namespace leadscore::io
