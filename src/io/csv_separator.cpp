#include "io/csv_separator.hpp"

#include "leadscore/io.hpp"

namespace leadscore {
namespace io {

SeparatorGuess guess_csv_separator(std::string_view window) {
  bool comma = false, semicolon = false, tab = false;
  bool in_quotes = false, cell_start = true;
  bool blank_line = true;  // only spaces, tabs and CRs so far: not the header, which comes after
  SeparatorGuess g;
  for (std::size_t i = 0; i < window.size(); ++i) {
    const char c = window[i];
    if (in_quotes) {
      if (c != '"') continue;
      if (i + 1 < window.size() && window[i + 1] == '"') {
        ++i;  // a doubled quote is text
        continue;
      }
      in_quotes = false;
      continue;
    }
    if (c == '\n') {
      if (!blank_line) {
        g.header_complete = true;
        break;
      }
      comma = semicolon = tab = false;
      cell_start = true;
      continue;
    }
    blank_line = blank_line && (c == ' ' || c == '\t' || c == '\r');
    if (c == '"' && cell_start) {
      in_quotes = true;
      cell_start = false;
      continue;
    }
    cell_start = c == ',' || c == ';' || c == '\t';
    comma |= c == ',';
    semicolon |= c == ';';
    tab |= c == '\t';
  }
  g.sep = comma ? ',' : semicolon ? ';' : tab ? '\t' : ',';
  return g;
}

char detect_csv_separator(ByteSource& src) {
  for (;;) {
    const SeparatorGuess g = guess_csv_separator({src.data(), src.size()});
    if (g.header_complete || src.at_eof() || src.size() >= ByteSource::max_record) return g.sep;
    if (!src.refill()) return guess_csv_separator({src.data(), src.size()}).sep;
  }
}

}  // namespace io

bool parse_delimiter(std::string_view text, char& out) {
  if (text == "," || text == "comma") {
    out = ',';
  } else if (text == ";" || text == "semicolon") {
    out = ';';
  } else if (text == "tab" || text == "\\t" || text == "\t") {
    out = '\t';
  } else {
    return false;
  }
  return true;
}

std::string_view delimiter_name(char delimiter) {
  switch (delimiter) {
    case ';':
      return "';'";
    case '\t':
      return "tab";
    default:
      return "','";
  }
}

}  // namespace leadscore
