// Name lookups on the schema. Linear scans: schemas are small. Field lookups run only while loading
// and checking (readers build their own column maps once); member_index runs for every enum and
// set cell a reader converts.
#include "leadscore/schema.hpp"

#include "common/same_text.hpp"

namespace leadscore {

std::string_view field_type_name(FieldType t) {
  switch (t) {
    case FieldType::String:
      return "string";
    case FieldType::Int:
      return "int";
    case FieldType::Number:
      return "number";
    case FieldType::Bool:
      return "bool";
    case FieldType::Date:
      return "date";
    case FieldType::Timestamp:
      return "timestamp";
    case FieldType::Enum:
      return "enum";
    case FieldType::Set:
      return "set";
    case FieldType::StringSet:
      return "set(string)";
  }
  return "?";
}

int Field::member_index(std::string_view member) const {
  // Every enum and set cell of every record comes here.
  for (std::size_t i = 0; i < members.size(); ++i)
    if (same_text(members[i], member)) return static_cast<int>(i);
  return -1;
}

int Schema::find(std::string_view field_name) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == field_name) return static_cast<int>(i);
  return -1;
}

}  // namespace leadscore
