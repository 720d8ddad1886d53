// Plain-text tables for the review reports: columns padded to their widest cell, the first
// column(s) left-aligned and the rest right-aligned, as figures read best.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadscore::review {

class TextTable {
 public:
  // `left_columns`: how many leading columns are text (left-aligned).
  explicit TextTable(std::vector<std::string> header, std::size_t left_columns = 1)
      : left_(left_columns) {
    rows_.push_back(std::move(header));
  }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Appends the table, each line indented by `indent` spaces and ended by '\n'.
  void render(std::string& out, std::size_t indent = 2) const;

 private:
  std::size_t left_;
  std::vector<std::vector<std::string>> rows_;
};

// Figures as the text reports show them; NaN (no denominator) is "-".
std::string text_percent(double fraction);  // 0.1234 -> "12.34%"
std::string text_fixed(double x, int decimals);
std::string text_count(std::uint64_t n);

}  // namespace leadscore::review
