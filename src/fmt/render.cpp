// Columns and the final text. Every column depends only on the output lines themselves, never on
// the source's spacing, so formatting twice gives the same text.
#include <algorithm>
#include <map>

#include "fmt/lines.hpp"

namespace leadscore::formatter {

namespace {

// Display width: code points, not bytes (a string literal may hold UTF-8).
std::size_t width(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Inserts `n` spaces at `at` in line `l`, keeping its other byte positions pointing at the same code.
void insert_spaces(Line& l, std::size_t at, std::size_t n, std::vector<std::pair<std::size_t, std::size_t>>& moved) {
  l.code.insert(at, n, ' ');
  if (l.modifiers_at != no_pos && l.modifiers_at >= at) l.modifiers_at += n;
  moved.emplace_back(at, n);
}

// Pads each run's prefixes (`tier NAME`, `field:`) to the widest one of the run; a bare `tier NAME`
// counts, but gets no trailing blanks. Then a schema's modifiers get their column, two spaces after
// the widest type that has modifiers. Returns, per line, the (position, count) of the spaces added.
std::vector<std::vector<std::pair<std::size_t, std::size_t>>> align_runs(std::vector<Line>& lines) {
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> moved(lines.size());
  std::map<int, std::size_t> widest, widest_type;
  for (const auto& l : lines) {
    if (l.run >= 0 && l.pad_at != no_pos) widest[l.run] = std::max(widest[l.run], width(l.code.substr(0, l.pad_at)));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.run < 0 || l.pad_at == no_pos || l.pad_at == l.code.size()) continue;
    insert_spaces(l, l.pad_at, widest[l.run] - width(l.code.substr(0, l.pad_at)), moved[i]);
  }
  for (const auto& l : lines) {
    if (l.modifiers_at != no_pos)
      widest_type[l.run] = std::max(widest_type[l.run], width(l.code.substr(0, l.modifiers_at)));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.modifiers_at == no_pos) continue;
    // The code has one space before the modifiers already.
    insert_spaces(l, l.modifiers_at, widest_type[l.run] + 1 - width(l.code.substr(0, l.modifiers_at)), moved[i]);
  }
  return moved;
}

// The indentation of every line, in order: an anchor always names an earlier line.
std::vector<std::size_t> indents(const std::vector<Line>& lines,
                                 const std::vector<std::vector<std::pair<std::size_t, std::size_t>>>& moved) {
  std::vector<std::size_t> out(lines.size(), 0);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Anchor& a = lines[i].indent;
    if (a.line < 0) {
      out[i] = static_cast<std::size_t>(a.extra);
      continue;
    }
    const auto at = static_cast<std::size_t>(a.line);
    std::size_t pos = a.pos;
    for (auto [where, n] : moved[at]) {
      if (pos > where) pos += n;
    }
    out[i] = out[at] + width(std::string_view(lines[at].code).substr(0, pos)) + static_cast<std::size_t>(a.extra);
  }
  return out;
}

// The spaces before each trailing comment. The trailing comments of a section (adjacent lines at
// one indentation, with no blank line between them) share one column, one space after the longest
// code that has a comment. Across indentations, a group's header would push its rules' comments
// far right, and a continuation line's comment is about that line.
std::vector<std::size_t> comment_gaps(const std::vector<Line>& lines, const std::vector<std::size_t>& indent) {
  std::vector<std::size_t> gaps(lines.size(), 0);
  std::size_t i = 0;
  while (i < lines.size()) {
    std::size_t end = i + 1;
    while (end < lines.size() && !lines[end].blank_before && indent[end] == indent[i]) ++end;
    std::size_t column = 0;
    for (std::size_t k = i; k < end; ++k) {
      if (!lines[k].code.empty() && !lines[k].comment.empty()) column = std::max(column, indent[k] + width(lines[k].code));
    }
    for (std::size_t k = i; k < end; ++k) {
      if (!lines[k].code.empty() && !lines[k].comment.empty()) gaps[k] = column + 1 - indent[k] - width(lines[k].code);
    }
    i = end;
  }
  return gaps;
}

}  // namespace

std::string render(std::vector<Line> lines) {
  const auto moved = align_runs(lines);
  const std::vector<std::size_t> indent = indents(lines, moved);
  const std::vector<std::size_t> gaps = comment_gaps(lines, indent);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.blank_before) out += '\n';
    out.append(indent[i], ' ');
    out += l.code;
    if (!l.comment.empty()) {
      out.append(gaps[i], ' ');
      out += l.comment;
    }
    out += '\n';
  }
  return out;
}

}  // namespace leadscore::formatter
