// Which byte separates a CSV input's cells: ',' (RFC 4180), ';' (Excel in much of Europe, where ','
// is the decimal mark) or a tab. Given with --delimiter (parse_delimiter, leadscore/io.hpp), or
// detected from the header row when it is not.
#pragma once

#include <string_view>

#include "io/byte_source.hpp"

namespace leadscore::io {

struct SeparatorGuess {
  char sep = ',';
  bool header_complete = false;  // the window held the header's whole row (it ends in the window)
};

// Detection from the header row, the first line of `window` that is not blank (only spaces, tabs
// and CRs, which the readers skip): ',' when it has a comma outside quotes,
// else ';' when it has a ';', else a tab when it has a tab, else ','. The header decides because it
// is the one row whose cells are names: a data row's text may hold any of them. A quote opens a
// quoted cell at the start of a row or after any of the three (the separator is not known yet).
SeparatorGuess guess_csv_separator(std::string_view window);

// The same on a reader's input, before its header is scanned: reads on until the header row ends
// (or the input does, or the row passes ByteSource::max_record). Consumes nothing, so that it works
// on a pipe as on a file.
char detect_csv_separator(ByteSource& src);

}  // namespace leadscore::io
