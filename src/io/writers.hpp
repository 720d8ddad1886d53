// The concrete writers behind make_result_writer, and the cell encoders they use (exposed for
// tests).
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "leadscore/io.hpp"

namespace leadscore::io {

// One maker per line of record_formats.def (make_csv_writer, make_jsonl_writer).
#define RECORD_FORMAT(id, spelling, title, extensions, first_byte, reader, writer, sampler) \
  std::unique_ptr<ResultWriter> writer(std::FILE* out, const OutputColumns& columns);
#include "leadscore/record_formats.def"
#undef RECORD_FORMAT

std::string_view status_name(RowStatus s);
// Appends a CSV cell, quoted only when it holds a comma, quote, CR or LF, or starts or ends with a
// space; quotes inside are doubled.
void append_csv_cell(std::string& out, std::string_view text);

}  // namespace leadscore::io
