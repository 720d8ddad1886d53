// Byte offsets become the shared line/column convention here, with the one column converter
// (SourceFile::shown_column) the text format uses too.
#include "diagfmt/location.hpp"

#include <algorithm>

namespace leadscore::diagfmt {

std::optional<Region> region_of(const Diagnostic& d, const SourceManager& sources) {
  if (d.span.file == 0 || d.span.file >= sources.size()) return std::nullopt;
  const SourceFile& file = sources.file(d.span.file);
  LineCol begin = file.line_col(d.span.begin);
  LineCol end = file.line_col(std::max(d.span.begin, d.span.end));
  Region r;
  r.path = file.path();
  r.line = begin.line;
  r.column = file.shown_column(begin);
  r.end_line = end.line;
  r.end_column = file.shown_column(end);
  return r;
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
