// The formatter's output before alignment: one Line per output line. Layout (layout.cpp) decides
// what goes on which line; render (render.cpp) pads the columns, works out the indentation of
// continuation lines and writes the text.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "fmt/tokens.hpp"

namespace leadscore::formatter {

constexpr std::size_t no_pos = std::string::npos;

// A column given relative to an earlier line: the column of byte `pos` of that line's code (0: the
// column where its code starts), plus `extra`. Columns of earlier lines move when render pads them,
// so continuation lines are placed only after padding.
struct Anchor {
  int line = -1;  // -1: the column is `extra` itself
  std::size_t pos = 0;
  int extra = 0;
};

struct Line {
  Anchor indent;           // where the code (or a comment-only line's comment) starts
  std::string code;        // without the indentation; empty for a comment-only line
  std::string comment;     // the trailing comment, or the whole line's comment
  bool blank_before = false;
  // Lines of one alignment run (consecutive `tier`s, the fields of a schema) are padded at
  // `pad_at` so that what follows starts in one column; a schema field's modifiers (`key`,
  // `required`, `from`, `missing`) start at `modifiers_at`, and get a column of their own.
  int run = -1;
  std::size_t pad_at = no_pos;
  std::size_t modifiers_at = no_pos;
};

std::vector<Line> layout(const std::vector<Token>& tokens);

// Aligns the columns and writes the text (every line ends with '\n').
std::string render(std::vector<Line> lines);

}  // namespace leadscore::formatter
