// What every machine-readable format needs from a diagnostic: where it is, in the one column
// convention they share (SourceFile::shown_column).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "leadscore/codes.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/source.hpp"

namespace leadscore::diagfmt {

// Lines and columns 1-based; columns in Unicode code points; the end is exclusive, so an empty span
// (a syntax error at a point) has column == end_column.
struct Region {
  std::string_view path;  // as the file was named when read
  std::uint32_t line = 1, column = 1, end_line = 1, end_column = 1;
};

// nullopt for a diagnostic that names no file (span.file 0, or a file the manager does not hold).
std::optional<Region> region_of(const Diagnostic& d, const SourceManager& sources);

// "error", "warning", "note": the words of the text format, JSON and SARIF alike.
std::string_view severity_name(Severity s);

}  // namespace leadscore::diagfmt
