// Choosing a format and opening a reader for it.
#include <fmt/format.h>

#include "common/ascii.hpp"
#include "io/readers.hpp"
#include "io/record_errors.hpp"
#include "leadscore/io.hpp"

namespace leadscore {
namespace {

bool ends_with_ignore_case(std::string_view s, std::string_view lower_suffix) {
  return s.size() >= lower_suffix.size() &&
         equals_lower_ascii(s.substr(s.size() - lower_suffix.size()), lower_suffix);
}

}  // namespace

bool format_from_path(std::string_view path, RecordFormat& out) {
  // Case-insensitive: exports from Windows tools are often LEADS.CSV.
  if (ends_with_ignore_case(path, ".csv")) {
    out = RecordFormat::Csv;
    return true;
  }
  for (const std::string_view ext : {".jsonl", ".ndjson", ".json"})
    if (ends_with_ignore_case(path, ext)) {
      out = RecordFormat::JsonLines;
      return true;
    }
  return false;
}

ReaderOpenResult open_record_reader(std::FILE* in, std::string_view name, RecordFormat format,
                                    const Schema& schema, const ReadOptions& options) {
  return format == RecordFormat::Csv ? io::open_csv_reader(in, name, schema, options.delimiter)
                                     : io::open_jsonl_reader(in, name, schema);
}

std::string ignored_columns_note(std::string_view name, const std::vector<std::string>& columns) {
  if (columns.empty()) return {};
  constexpr std::size_t max_named = 20;
  std::string list;
  for (std::size_t i = 0; i < columns.size() && i < max_named; ++i) {
    if (i > 0) list += ", ";
    io::append_quoted_value(list, columns[i]);
  }
  if (columns.size() > max_named) list += fmt::format(" and {} more", columns.size() - max_named);
  if (columns.size() == 1) return fmt::format("{}: 1 column is not in the schema and is ignored: {}", name, list);
  return fmt::format("{}: {} columns are not in the schema and are ignored: {}", name, columns.size(), list);
}

}  // namespace leadscore
