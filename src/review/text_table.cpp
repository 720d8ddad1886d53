#include "review/text_table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>


namespace leadscore::review {
namespace {

// Display width as code points: labels may hold non-ASCII text.
std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

void TextTable::render(std::string& out, std::size_t indent) const {
  std::vector<std::size_t> widths;
  for (const auto& row : rows_) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
  }
  for (const auto& row : rows_) {
    std::string line(indent, ' ');
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::size_t pad = widths[c] - width(row[c]);
      if (c > 0) line += "  ";
      if (c < left_) {
        line += row[c];
        if (c + 1 < row.size()) line.append(pad, ' ');
      } else {
        line.append(pad, ' ');
        line += row[c];
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
}

std::string text_percent(double fraction) {
  if (std::isnan(fraction)) return "-";
  return fmt::format("{:.2f}%", fraction * 100);
}

std::string text_fixed(double x, int decimals) {
  if (std::isnan(x)) return "-";
  std::string s = fmt::format("{:.{}f}", x, decimals);
  if (s.starts_with('-') && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string text_count(std::uint64_t n) { return fmt::format("{}", n); }

}  // namespace leadscore::review
