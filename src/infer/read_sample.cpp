#include "infer/read_sample.hpp"

#include <cerrno>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "io/byte_source.hpp"
#include "io/csv_scan.hpp"
#include "io/csv_separator.hpp"
#include "io/json_scan.hpp"

namespace leadscore::infer {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Calls `on_record(cells)` for each CSV record; false from it stops the reading.
// `sep` 0 is detected from the header (and set).
template <typename OnRecord>
void for_each_csv_record(io::ByteSource& src, char& sep, std::string& error, OnRecord on_record) {
  std::vector<io::CsvCell> cells;
  src.skip_bom();
  if (sep == 0) sep = io::detect_csv_separator(src);
  for (;;) {
    if (src.size() == 0 && !src.refill()) break;
    io::CsvScan scan = io::scan_csv_record(src.data(), src.data() + src.size(), src.at_eof(), sep, cells);
    while (!scan.complete) {
      // As the record readers do, a record may not hold the whole rest of a large input.
      if (src.size() >= io::ByteSource::max_record) {
        error = "a record longer than 64 MiB (an unclosed quote?)";
        return;
      }
      if (!src.refill()) {
        scan = io::scan_csv_record(src.data(), src.data() + src.size(), true, sep, cells);
        break;
      }
      scan = io::scan_csv_record(src.data(), src.data() + src.size(), src.at_eof(), sep, cells);
    }
    if (scan.length == 0) break;
    const bool go_on = is_blank_record(cells, sep) || on_record(cells, scan.broken != io::CsvBreak::None);
    src.consume(scan.length);
    if (!go_on) break;
  }
  if (!src.read_error().empty()) error = src.read_error();
}

}  // namespace

Sample read_csv_sample(std::FILE* in, std::uint64_t max_rows, UniquenessFilter filter,
                       const std::string& key_option, char delimiter) {
  Sample sample;
  sample.delimiter = delimiter;
  io::ByteSource src(in);
  bool header_read = false;
  for_each_csv_record(src, sample.delimiter, sample.error, [&](std::vector<io::CsvCell>& cells, bool broken) {
    if (!header_read) {
      header_read = true;
      for (io::CsvCell& cell : cells) {
        if (cell.doubled_quotes) io::unescape_quotes(cell);
        sample.columns.emplace_back(std::string(trim(cell.text())));
        if (filter(sample.columns.back().header(), key_option))
          sample.columns.back().track_uniqueness();
      }
      return true;
    }
    if (broken) {
      ++sample.broken_rows;
      return true;
    }
    ++sample.rows;
    for (std::size_t c = 0; c < sample.columns.size(); ++c) {
      if (c >= cells.size()) {
        sample.columns[c].add_missing();
        continue;
      }
      io::CsvCell& cell = cells[c];
      if (cell.doubled_quotes) io::unescape_quotes(cell);
      const std::string_view text = cell.text();
      if (text.empty())
        sample.columns[c].add_missing();
      else
        sample.columns[c].add_text(text, true);
    }
    return max_rows == 0 || sample.rows < max_rows;
  });
  return sample;
}

Sample read_jsonl_sample(std::FILE* in, std::uint64_t max_rows, UniquenessFilter filter,
                         const std::string& key_option, char /*delimiter: CSV only*/) {
  Sample sample;
  std::unordered_map<std::string, std::size_t> column_of;
  std::vector<bool> seen;
  io::JsonScan scan;
  std::string line, decoded;
  std::vector<std::string> members;
  io::ByteSource src(in);
  src.skip_bom();
  for (;;) {
    std::string_view window(src.data(), src.size());
    std::size_t eol = window.find('\n');
    while (eol == std::string_view::npos && !src.at_eof()) {
      if (window.size() >= io::ByteSource::max_record) {
        sample.error = "a line longer than 64 MiB";
        return sample;
      }
      if (!src.refill()) break;
      window = std::string_view(src.data(), src.size());
      eol = window.find('\n');
    }
    if (window.empty()) break;
    const std::size_t length = eol == std::string_view::npos ? window.size() : eol + 1;
    std::string_view text = window.substr(0, eol == std::string_view::npos ? window.size() : eol);
    if (trim(text).empty()) {
      src.consume(length);
      continue;
    }
    io::scan_json_line(text, scan);
    if (!scan.ok() || !scan.object) {
      ++sample.broken_rows;
      src.consume(length);
      continue;
    }
    ++sample.rows;
    seen.assign(sample.columns.size(), false);
    for (const io::JsonMember& m : scan.members) {
      if (!io::decode_json_string(m.key, decoded)) continue;
      auto [it, added] = column_of.emplace(decoded, sample.columns.size());
      if (added) {
        sample.columns.emplace_back(decoded);
        // Absent from every record before this one.
        for (std::uint64_t r = 1; r < sample.rows; ++r) sample.columns.back().add_missing();
        if (filter(decoded, key_option) && sample.rows == 1) sample.columns.back().track_uniqueness();
        seen.push_back(false);
      }
      const std::size_t c = it->second;
      if (seen[c]) continue;  // a repeated key: the first one counts, as in the reader
      seen[c] = true;
      ColumnStats& col = sample.columns[c];
      switch (m.kind) {
        case io::JsonKind::String:
          if (io::decode_json_string(m.value, decoded) && !decoded.empty())
            col.add_text(decoded, false);
          else if (decoded.empty())
            col.add_missing();
          else
            col.add_unreadable();
          break;
        case io::JsonKind::Number:
          col.add_text(m.value, false);
          break;
        case io::JsonKind::Literal:
          if (m.value == "null") col.add_missing();
          else col.add_json_bool(m.value == "true");
          break;
        case io::JsonKind::Array: {
          members.clear();
          bool all_strings = m.strings_only;
          std::size_t p = 1;
          while (p < m.value.size()) {
            while (p < m.value.size() && (m.value[p] == ' ' || m.value[p] == ',' || m.value[p] == '\t')) ++p;
            if (p >= m.value.size() || m.value[p] == ']') break;
            const std::size_t end = io::scan_json_value(m.value, p);
            if (end == std::string_view::npos) break;
            if (m.value[p] == '"' && io::decode_json_string(m.value.substr(p, end - p), decoded))
              members.push_back(decoded);
            else
              all_strings = false;
            p = end;
          }
          col.add_json_list(members, all_strings);
          break;
        }
        case io::JsonKind::Object:
          col.add_unreadable();
          break;
      }
    }
    for (std::size_t c = 0; c < sample.columns.size(); ++c)
      if (!seen[c]) sample.columns[c].add_missing();
    src.consume(length);
    if (max_rows != 0 && sample.rows >= max_rows) break;
  }
  if (!src.read_error().empty()) sample.error = src.read_error();
  return sample;
}

}  // namespace leadscore::infer
