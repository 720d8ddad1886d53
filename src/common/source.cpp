// Source files and their line tables. Offsets become line and column only when a message is
// printed.
#include "leadscore/source.hpp"

#include <algorithm>

#include "common/utf8.hpp"

namespace leadscore {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
}

LineCol SourceFile::line_col(std::uint32_t offset) const {
  // An offset past the end (a span at EOF) belongs to the last line.
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());  // >= 1: starts has 0
  return {line, offset - line_starts_[line - 1] + 1};
}

std::uint32_t SourceFile::shown_column(LineCol at) const { return code_point_column(line_text(at.line), at.column); }

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t begin = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

SourceManager::SourceManager() {
  // Index 0 is "no file", so that a default Span names nothing.
  files_.push_back(std::make_unique<SourceFile>(std::string(), std::string()));
}

std::uint32_t SourceManager::add(std::string path, std::string text) {
  files_.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
  return static_cast<std::uint32_t>(files_.size() - 1);
}

}  // namespace leadscore
