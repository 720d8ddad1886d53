// Finding one CSV record (RFC 4180) in a byte window and splitting it into cells, in place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace leadscore::io {

struct CsvCell {
  char* begin;
  char* end;
  bool quoted;          // was in double quotes (the quotes are not part of [begin, end))
  bool doubled_quotes;  // holds "" pairs still to be unescaped
  std::string_view text() const { return {begin, static_cast<std::size_t>(end - begin)}; }
};

enum class CsvBreak : std::uint8_t {
  None,
  UnclosedQuote,
  TextAfterQuote,
  TooLong,  // set by the reader, not the scanner: the record passed ByteSource::max_record
};

struct CsvScan {
  bool complete = false;          // false: the window ends inside the record; read more and rescan
  std::size_t length = 0;         // bytes of the record, its line end included
  std::uint32_t line_breaks = 0;  // LF bytes in those bytes
  CsvBreak broken = CsvBreak::None;
  std::size_t broken_cell = 0;             // index of the cell that broke the record
  std::uint32_t breaks_before_broken = 0;  // LF bytes before that cell's opening quote
};

// Scans the record at the start of [p, end). `at_eof` says no more bytes follow `end`. Fills
// `cells` (cleared first). Cells are separated by `sep` (',', ';' or '\t': csv_separator.hpp). A
// record ends at LF or CRLF outside quotes, or at the end of input. A quote that opens a cell runs
// to the next quote not doubled; a '"' inside an unquoted cell is text. Broken records: an
// unclosed quote takes the rest of the input; text after a closing quote takes the rest of that
// physical line.
CsvScan scan_csv_record(char* p, char* end, bool at_eof, char sep, std::vector<CsvCell>& cells);

// For cutting an input into chunks of whole records: the end of the last record that ends in
// [p, end), scanning from `p`, a record start, with the rules of scan_csv_record (a quote opens a
// quoted cell only at a cell's start; text after a closing quote runs to the next LF); null when
// no record ends there. Only quotes and line ends are looked at, with memchr; `sep` only to tell
// whether a quote opens a cell.
const char* last_csv_record_end(const char* p, const char* end, char sep);

// Turns "" into " inside the cell, in place, and moves the cell's end back.
void unescape_quotes(CsvCell& cell);

// True for a record that is a blank line, only spaces, tabs and CRs: one unquoted cell of them, or
// with `sep` '\t' (where the tabs separate cells) unquoted cells of them.
bool is_blank_record(const std::vector<CsvCell>& cells, char sep);

}  // namespace leadscore::io
