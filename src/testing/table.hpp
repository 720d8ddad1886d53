// Aligned text columns for the explanation tables: left-aligned words, right-aligned numbers, two
// spaces between columns, no trailing blanks.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace leadscore::testing {

class Table {
 public:
  enum class Align { Left, Right };
  explicit Table(std::vector<Align> columns) : align_(std::move(columns)) {}

  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }

  // Appends the rows to `out`, each line starting with `indent`. The first row is the heading.
  void render(std::string& out, std::string_view indent) const {
    std::vector<std::size_t> width(align_.size(), 0);
    for (const auto& row : rows_) {
      for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
        width[c] = std::max(width[c], columns_of(row[c]));
      }
    }
    for (const auto& row : rows_) {
      std::string line(indent);
      for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
        if (c > 0) line += "  ";
        std::string pad(width[c] - columns_of(row[c]), ' ');
        line += align_[c] == Align::Right ? pad + row[c] : row[c] + pad;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line;
      out += '\n';
    }
  }

 private:
  // Code points, so that a label with accents lines up with one without.
  static std::size_t columns_of(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80 ? 1 : 0;
    return n;
  }

  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace leadscore::testing
