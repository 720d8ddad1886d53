#include "io/csv_scan.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "io/byte_source.hpp"

namespace leadscore::io {
namespace {

char* find_char(char* from, char* end, char c) {
  return static_cast<char*>(std::memchr(from, c, static_cast<std::size_t>(end - from)));
}

std::uint32_t count_breaks(const char* from, const char* to) {
  return static_cast<std::uint32_t>(count_line_feeds(from, to));
}

// The first `sep` or LF in [s, end), or `end`. Eight bytes at a time: an unquoted cell is the
// commonest thing in a CSV file, and a byte loop with two compares a byte was an eighth of `score`.
char* find_cell_end(char* s, char* end, char sep) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const std::uint64_t seps = ones * static_cast<unsigned char>(sep), lfs = ones * '\n';
    while (end - s >= 8) {
      std::uint64_t w;
      std::memcpy(&w, s, 8);
      const std::uint64_t a = w ^ seps, b = w ^ lfs;
      // A zero byte of a or b is a sep or LF. The borrow of (x - ones) can mark bytes above the
      // first zero byte wrongly, never below it, so the lowest mark is exact.
      const std::uint64_t marks = (((a - ones) & ~a) | ((b - ones) & ~b)) & highs;
      if (marks != 0) return s + (std::countr_zero(marks) >> 3);
      s += 8;
    }
  }
  while (s < end && *s != sep && *s != '\n') ++s;
  return s;
}

// The end of an unquoted cell that ends a line: a CR before the LF belongs to the line end.
char* before_cr(char* begin, char* end) { return end > begin && end[-1] == '\r' ? end - 1 : end; }

}  // namespace

CsvScan scan_csv_record(char* p, char* end, bool at_eof, char sep, std::vector<CsvCell>& cells) {
  cells.clear();
  CsvScan r;
  const CsvScan incomplete;
  char* q = p;
  for (;;) {
    if (q == end || *q != '"') {
      char* s = find_cell_end(q, end, sep);
      if (s == end) {
        if (!at_eof) return incomplete;
        cells.push_back({q, before_cr(q, end), false, false});
        r.length = static_cast<std::size_t>(end - p);
        r.complete = true;
        return r;
      }
      if (*s == sep) {
        cells.push_back({q, s, false, false});
        q = s + 1;
        continue;
      }
      cells.push_back({q, before_cr(q, s), false, false});
      ++r.line_breaks;
      r.length = static_cast<std::size_t>(s + 1 - p);
      r.complete = true;
      return r;
    }

    // A quoted cell.
    const std::uint32_t breaks_before = r.line_breaks;
    char* const start = q + 1;
    char* s = start;
    bool doubled = false;
    for (;;) {
      char* quote = find_char(s, end, '"');
      if (quote == nullptr) {
        if (!at_eof) return incomplete;
        r.line_breaks += count_breaks(s, end);
        cells.push_back({start, end, true, doubled});
        r.length = static_cast<std::size_t>(end - p);
        r.complete = true;
        r.broken = CsvBreak::UnclosedQuote;
        r.broken_cell = cells.size() - 1;
        r.breaks_before_broken = breaks_before;
        return r;
      }
      r.line_breaks += count_breaks(s, quote);
      // Whether this quote is doubled depends on the next byte, which may not be read yet.
      if (quote + 1 == end && !at_eof) return incomplete;
      if (quote + 1 < end && quote[1] == '"') {
        doubled = true;
        s = quote + 2;
        continue;
      }
      cells.push_back({start, quote, true, doubled});
      q = quote + 1;
      break;
    }

    if (q == end) {  // closed right at the end of the input
      r.length = static_cast<std::size_t>(end - p);
      r.complete = true;
      return r;
    }
    if (*q == sep) {
      ++q;
      continue;
    }
    if (*q == '\n' || (*q == '\r' && q + 1 < end && q[1] == '\n')) {
      q += *q == '\r' ? 2 : 1;
      ++r.line_breaks;
      r.length = static_cast<std::size_t>(q - p);
      r.complete = true;
      return r;
    }
    if (*q == '\r' && q + 1 == end) {
      if (!at_eof) return incomplete;
      r.length = static_cast<std::size_t>(end - p);
      r.complete = true;
      return r;
    }
    // Text after a closing quote: the rest of this line is the broken record, so that the next
    // line starts afresh (resynchronising on the line is the best guess at the writer's intent).
    r.broken = CsvBreak::TextAfterQuote;
    r.broken_cell = cells.size() - 1;
    r.breaks_before_broken = breaks_before;
    char* nl = find_char(q, end, '\n');
    if (nl == nullptr) {
      if (!at_eof) return incomplete;
      r.length = static_cast<std::size_t>(end - p);
    } else {
      ++r.line_breaks;
      r.length = static_cast<std::size_t>(nl + 1 - p);
    }
    r.complete = true;
    return r;
  }
}

const char* last_csv_record_end(const char* p, const char* end, char sep) {
  auto find = [end](const char* from, char c) {
    return static_cast<const char*>(std::memchr(from, c, static_cast<std::size_t>(end - from)));
  };
  const char* last = nullptr;
  const char* q = p;  // outside quoted cells, at a cell start or inside an unquoted cell
  for (;;) {
    const char* quote = find(q, '"');
    const char* stop = quote != nullptr ? quote : end;
    // Every LF before the next quote ends a record.
    if (stop > q) {
      const auto* nl = static_cast<const char*>(memrchr(q, '\n', static_cast<std::size_t>(stop - q)));
      if (nl != nullptr) last = nl + 1;
    }
    if (quote == nullptr) return last;
    // A quote inside an unquoted cell is text; one at a cell's start opens a quoted cell.
    if (quote != p && quote[-1] != sep && quote[-1] != '\n') {
      q = quote + 1;
      continue;
    }
    const char* s = quote + 1;
    for (;;) {
      const char* close = find(s, '"');
      if (close == nullptr || close + 1 == end) return last;  // the cell may go on past `end`
      if (close[1] == '"') {
        s = close + 2;
        continue;
      }
      q = close + 1;
      break;
    }
    if (*q == sep) {
      ++q;
      continue;
    }
    if (*q == '\n') {
      last = ++q;
      continue;
    }
    if (*q == '\r') {
      if (q + 1 == end) return last;
      if (q[1] == '\n') {
        q += 2;
        last = q;
        continue;
      }
    }
    // Text after the closing quote: the record runs to the next LF, quotes or not.
    const char* nl = find(q, '\n');
    if (nl == nullptr) return last;
    last = q = nl + 1;
  }
}

void unescape_quotes(CsvCell& cell) {
  if (!cell.doubled_quotes) return;
  char* out = cell.begin;
  for (char* in = cell.begin; in < cell.end; ++in) {
    *out++ = *in;
    if (*in == '"' && in + 1 < cell.end && in[1] == '"') ++in;
  }
  cell.end = out;
  cell.doubled_quotes = false;
}

bool is_blank_record(const std::vector<CsvCell>& cells, char sep) {
  // A line of commas or semicolons is a row of empty cells (a spreadsheet's empty row), not a
  // blank line; a line of tabs is blank whatever separates the cells.
  if (cells.size() != 1 && sep != '\t') return false;
  return std::all_of(cells.begin(), cells.end(), [](const CsvCell& cell) {
    return !cell.quoted &&
           std::all_of(cell.begin, cell.end, [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
  });
}

}  // namespace leadscore::io
