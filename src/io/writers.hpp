// The concrete writers behind make_result_writer, and the cell encoders they use (exposed for
// tests).
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "leadscore/io.hpp"

namespace leadscore::io {

std::unique_ptr<ResultWriter> make_csv_writer(std::FILE* out, const OutputColumns& columns);
std::unique_ptr<ResultWriter> make_jsonl_writer(std::FILE* out, const OutputColumns& columns);

std::string_view status_name(RowStatus s);
// Appends a CSV cell, quoted only when it holds a comma, quote, CR or LF, or starts or ends with a
// space; quotes inside are doubled.
void append_csv_cell(std::string& out, std::string_view text);

}  // namespace leadscore::io
