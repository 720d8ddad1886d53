// Byte offsets become the shared line/column convention here, and only here (STYLE: columns are
// converted in one place).
#include "diagfmt/location.hpp"

#include <algorithm>

#include "common/utf8.hpp"

namespace leadscore::diagfmt {

namespace {

// Editors, GitHub and SARIF viewers count characters; a byte column would drift right after an
// 'é' in a string. The converter is common's, the one the text format uses too.
std::uint32_t code_point_column(const SourceFile& file, std::uint32_t line, std::uint32_t byte_column) {
  return leadscore::code_point_column(file.line_text(line), byte_column);
}

}  // namespace

std::optional<Region> region_of(const Diagnostic& d, const SourceManager& sources) {
  if (d.span.file == 0 || d.span.file >= sources.size()) return std::nullopt;
  const SourceFile& file = sources.file(d.span.file);
  LineCol begin = file.line_col(d.span.begin);
  LineCol end = file.line_col(std::max(d.span.begin, d.span.end));
  Region r;
  r.path = file.path();
  r.line = begin.line;
  r.column = code_point_column(file, begin.line, begin.column);
  r.end_line = end.line;
  r.end_column = code_point_column(file, end.line, end.column);
  return r;
}

std::optional<std::size_t> code_index(std::string_view code) {
  for (std::size_t i = 0; i < code_table.size(); ++i) {
    if (code_table[i].code == code) return i;
  }
  return std::nullopt;
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

}  // namespace leadscore::diagfmt
