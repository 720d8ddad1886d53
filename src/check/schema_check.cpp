// Schema rules: exactly one key, unique field and member names, sets of at most 64 members, one
// field per column, members a reader can read.
#include <map>
#include <set>

#include <fmt/format.h>

#include "check/output_columns.hpp"
#include "check/report.hpp"
#include "common/date_layout.hpp"
#include "leadscore/check.hpp"

namespace leadscore {

namespace {

FieldType field_type_of(const ast::SchemaField& f) {
  if (f.type == "int") return FieldType::Int;
  if (f.type == "number") return FieldType::Number;
  if (f.type == "bool") return FieldType::Bool;
  if (f.type == "date") return FieldType::Date;
  if (f.type == "timestamp") return FieldType::Timestamp;
  if (f.type == "enum") return FieldType::Enum;
  if (f.type == "set") return f.string_set ? FieldType::StringSet : FieldType::Set;
  return FieldType::String;
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A member no record could ever hold: an empty one (an empty cell is a missing value) and, in a
// set, one with a ';' (it separates members) or blanks around it (dropped when a cell is read).
// Returns why, or "".
std::string unreadable_member(std::string_view m, FieldType type) {
  if (m.empty()) return "a member cannot be empty (an empty value is a missing one)";
  if (type != FieldType::Set) return {};
  if (m.find(';') != std::string_view::npos)
    return fmt::format("set member \"{}\" cannot hold ';' (it separates the members of a set)", m);
  if (trim_blanks(m).size() != m.size())
    return fmt::format("set member \"{}\" cannot start or end with a blank (blanks around set "
                       "members are dropped when a record is read)", m);
  return {};
}

// The layout written at `at`, or "" (reported) when it cannot read dates.
std::string checked_layout(const std::string& layout, Span at, check::Reporter& report) {
  if (std::string why = date_layout_error(layout); !why.empty()) {
    report.invalid_schema(at, fmt::format("format \"{}\" cannot read dates: {}", layout, why));
    return {};
  }
  return layout;
}

}  // namespace

Schema check_schema(const ast::SchemaFile& file, Diagnostics& diags) {
  check::Reporter report(diags);
  Schema schema;
  schema.name = file.name;
  schema.span = file.span;
  std::set<std::string, std::less<>> names;
  schema.missing = file.missing;
  for (std::size_t i = 0; i < file.formats.size(); ++i) {
    if (i > 0) {
      report.invalid_schema(file.format_spans[i], "the schema has a second 'format' line; keep one");
      continue;
    }
    schema.format = checked_layout(file.formats[i], file.format_spans[i], report);
  }
  std::map<std::string, std::string, std::less<>> column_reader;  // column -> the field reading it
  for (const auto& f : file.fields) {
    if (!names.insert(f.name).second) {
      report.duplicate(f.name_span, "field", f.name);
      continue;
    }
    Field field;
    field.name = f.name;
    field.type = field_type_of(f);
    field.key = f.key;
    field.required = f.required;
    field.span = f.span;
    std::set<std::string, std::less<>> members;
    for (std::size_t i = 0; i < f.members.size(); ++i) {
      if (!members.insert(f.members[i]).second) {
        report.duplicate(f.member_spans[i], "member", f.members[i]);
      } else if (std::string why = unreadable_member(f.members[i], field.type); !why.empty()) {
        report.invalid_schema(f.member_spans[i], std::move(why));
      } else {
        field.members.push_back(f.members[i]);
      }
    }
    // The column: `from "..."` (blanks around it dropped, as around header names), else the name.
    Span column_at = f.name_span;
    if (!f.columns.empty()) {
      column_at = f.column_spans[0];
      field.column = std::string(trim_blanks(f.columns[0]));
      if (field.column.empty())
        report.invalid_schema(column_at, fmt::format("field '{}' reads a column with no name; write "
                                                     "its header between the quotes", f.name));
      if (field.column == field.name) field.column.clear();
      for (std::size_t i = 1; i < f.columns.size(); ++i)
        report.invalid_schema(f.column_spans[i], fmt::format("field '{}' names its column twice; "
                                                             "keep one 'from'", f.name));
    }
    if (const std::string_view column = field.column_name(); !column.empty()) {
      auto [at, fresh] = column_reader.try_emplace(std::string(column), f.name);
      if (!fresh)
        report.invalid_schema(column_at, fmt::format("column \"{}\" is already read by field '{}'; "
                                                     "two fields cannot read one column",
                                                     column, at->second));
    }
    const bool dated = field.type == FieldType::Date || field.type == FieldType::Timestamp;
    // The schema's layout is its dates'; a timestamp, which a date layout could not read, names its own.
    if (field.type == FieldType::Date) field.format = schema.format;
    for (std::size_t i = 0; i < f.formats.size(); ++i) {
      if (!dated) {
        report.invalid_schema(f.format_spans[i], fmt::format("field '{}' is {}; 'format' gives the layout "
                                                             "of a date or timestamp field", f.name,
                                                             field_type_name(field.type)));
      } else if (i > 0) {
        report.invalid_schema(f.format_spans[i], fmt::format("field '{}' has a second 'format'; keep one", f.name));
      } else {
        field.format = checked_layout(f.formats[i], f.format_spans[i], report);
      }
    }
    field.missing = f.missing;
    field.missing.insert(field.missing.end(), file.missing.begin(), file.missing.end());
    if (field.type == FieldType::Set && field.members.size() > max_set_members) {
      report.invalid_schema(f.type_span, fmt::format("set '{}' has {} members; at most {} are allowed",
                                                     f.name, field.members.size(), max_set_members));
    }
    if (field.key) {
      if (schema.key_index >= 0) {
        report.invalid_schema(f.span, fmt::format("field '{}' is a second key; a schema has exactly one",
                                                  f.name));
      } else if (field.type != FieldType::String && field.type != FieldType::Int) {
        report.invalid_schema(f.type_span, fmt::format("key field '{}' must be a string or an int", f.name));
      } else {
        schema.key_index = static_cast<int>(schema.fields.size());
        if (check::is_fixed_output_column(f.name)) report.output_column_clash(f.name_span, "key field", f.name);
      }
    }
    schema.fields.push_back(std::move(field));
  }
  bool key_declared = false;
  for (const auto& f : file.fields) key_declared = key_declared || f.key;
  if (!key_declared) {
    report.invalid_schema(Span{file.file, file.span.begin, file.span.begin + 6},
                          fmt::format("schema '{}' has no key field; mark one field 'key'", file.name));
  }
  return schema;
}

}  // namespace leadscore
