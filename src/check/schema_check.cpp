// Schema rules: exactly one key, unique field and member names, sets of at most 64 members.
#include <set>

#include <fmt/format.h>

#include "check/output_columns.hpp"
#include "check/report.hpp"
#include "leadscore/check.hpp"

namespace leadscore {

namespace {

FieldType field_type_of(const ast::SchemaField& f) {
  if (f.type == "int") return FieldType::Int;
  if (f.type == "number") return FieldType::Number;
  if (f.type == "bool") return FieldType::Bool;
  if (f.type == "date") return FieldType::Date;
  if (f.type == "enum") return FieldType::Enum;
  if (f.type == "set") return f.string_set ? FieldType::StringSet : FieldType::Set;
  return FieldType::String;
}

}  // namespace

Schema check_schema(const ast::SchemaFile& file, Diagnostics& diags) {
  check::Reporter report(diags);
  Schema schema;
  schema.name = file.name;
  schema.span = file.span;
  std::set<std::string, std::less<>> names;
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
      } else {
        field.members.push_back(f.members[i]);
      }
    }
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
