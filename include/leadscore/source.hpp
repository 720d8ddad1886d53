// Source files and spans. A span is a byte range in one file; line and column are worked out from
// the file's line table only when a message is printed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace leadscore {

struct Span {
  std::uint32_t file = 0;   // index in the SourceManager; 0 is "no file"
  std::uint32_t begin = 0;  // byte offsets, [begin, end)
  std::uint32_t end = 0;
};

struct LineCol {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in bytes
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  LineCol line_col(std::uint32_t offset) const;
  // The 1-based column every output shows for `at` (a line_col): code points, not bytes, as editors,
  // GitHub and SARIF viewers count, so that an 'é' earlier on the line does not shift it. The one
  // place byte columns are converted.
  std::uint32_t shown_column(LineCol at) const;
  // The text of 1-based line `line`, without its line break.
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

// Owns every source file of a run; spans name files by index.
class SourceManager {
 public:
  SourceManager();
  std::uint32_t add(std::string path, std::string text);
  const SourceFile& file(std::uint32_t id) const { return *files_[id]; }
  std::size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace leadscore
