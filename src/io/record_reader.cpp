// Choosing a format and opening a reader for it.
#include "io/readers.hpp"
#include "leadscore/io.hpp"

namespace leadscore {
namespace {

bool ends_with_ignore_case(std::string_view s, std::string_view lower_suffix) {
  if (s.size() < lower_suffix.size()) return false;
  s.remove_prefix(s.size() - lower_suffix.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
    if (c != lower_suffix[i]) return false;
  }
  return true;
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
                                    const Schema& schema) {
  return format == RecordFormat::Csv ? io::open_csv_reader(in, name, schema)
                                     : io::open_jsonl_reader(in, name, schema);
}

}  // namespace leadscore
