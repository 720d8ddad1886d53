// Choosing a format and opening a reader for it.
#include <fmt/format.h>

#include "common/ascii.hpp"
#include "io/readers.hpp"
#include "io/record_errors.hpp"
#include "leadscore/io.hpp"

namespace leadscore {
namespace {

constexpr RecordFormatInfo format_table[] = {
#define RECORD_FORMAT(id, spelling, title, extensions, first_byte, reader, writer, sampler) \
  {RecordFormat::id, spelling, title, extensions, first_byte},
#include "leadscore/record_formats.def"
#undef RECORD_FORMAT
};

bool ends_with_ignore_case(std::string_view s, std::string_view lower_suffix) {
  return s.size() >= lower_suffix.size() &&
         equals_lower_ascii(s.substr(s.size() - lower_suffix.size()), lower_suffix);
}

}  // namespace

std::span<const RecordFormatInfo> record_formats() { return format_table; }

const RecordFormatInfo& record_format_info(RecordFormat format) {
  return format_table[static_cast<std::size_t>(format)];
}

bool parse_record_format(std::string_view name, RecordFormat& out) {
  for (const RecordFormatInfo& f : format_table)
    if (f.name == name) {
      out = f.format;
      return true;
    }
  return false;
}

bool format_from_path(std::string_view path, RecordFormat& out) {
  // Case-insensitive: exports from Windows tools are often LEADS.CSV.
  for (const RecordFormatInfo& f : format_table) {
    std::string_view extensions = f.extensions;
    while (!extensions.empty()) {
      const std::size_t space = extensions.find(' ');
      const std::string_view ext = extensions.substr(0, space);
      if (!ext.empty() && ends_with_ignore_case(path, ext)) {
        out = f.format;
        return true;
      }
      extensions = space == std::string_view::npos ? std::string_view() : extensions.substr(space + 1);
    }
  }
  return false;
}

RecordFormat format_from_first_byte(int first) {
  const RecordFormatInfo* fallback = nullptr;
  for (const RecordFormatInfo& f : format_table) {
    if (f.first_byte == 0) fallback = &f;
    else if (first == static_cast<unsigned char>(f.first_byte)) return f.format;
  }
  return fallback->format;  // record_formats.def has exactly one (tests/unit/record_formats_test.cpp)
}

ReaderOpenResult open_record_reader(std::FILE* in, std::string_view name, RecordFormat format,
                                    const Schema& schema, const ReadOptions& options) {
  switch (format) {
#define RECORD_FORMAT(id, spelling, title, extensions, first_byte, reader, writer, sampler) \
  case RecordFormat::id:                                                                \
    return io::reader(in, name, schema, options);
#include "leadscore/record_formats.def"
#undef RECORD_FORMAT
  }
  return {};  // not reached: the switch names every format
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
