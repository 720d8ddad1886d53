// Byte offsets become the shared line/column convention here, and only here (STYLE: columns are
// converted in one place).
#include "diagfmt/location.hpp"

#include <algorithm>

namespace leadscore::diagfmt {

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The 1-based code-point column of byte column `byte_column` on line `line`. Editors, GitHub and
// SARIF viewers count characters; a byte column would drift right after an 'é' in a string.
std::uint32_t code_point_column(const SourceFile& file, std::uint32_t line,
                                std::uint32_t byte_column) {
  std::string_view text = file.line_text(line);
  std::string_view before = text.substr(0, std::min<std::size_t>(byte_column - 1, text.size()));
  auto n = static_cast<std::uint32_t>(
      std::count_if(before.begin(), before.end(), [](char c) { return !is_continuation_byte(c); }));
  // An offset past the visible text (on the '\r' of a CRLF, or at the end of the file) still
  // counts its own bytes, so that the end of a span never lands before its start.
  if (byte_column - 1 > text.size()) n += static_cast<std::uint32_t>(byte_column - 1 - text.size());
  return n + 1;
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
