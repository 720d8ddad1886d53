// The lead schema: the shape of a record, as every later stage sees it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/source.hpp"

namespace leadscore {

enum class FieldType : std::uint8_t {
  String,     // text
  Int,        // 64-bit integer (promoted to double in arithmetic)
  Number,     // double
  Bool,
  Date,       // calendar day, days since 1970-01-01
  Timestamp,  // an instant at second precision, seconds since 1970-01-01T00:00:00Z
  Enum,       // one of `members`
  Set,        // a subset of `members` (at most 64), held as a bitmask
  StringSet,  // an open set of strings
};

std::string_view field_type_name(FieldType t);

// Sets of enum members are bitmasks in one 64-bit word.
inline constexpr std::size_t max_set_members = 64;

struct Field {
  std::string name;
  FieldType type = FieldType::String;
  std::vector<std::string> members;  // Enum and Set only, in declaration order
  std::string column;                // `from "..."`: the column it reads, when not its name; else ""
  // Texts that mean "no value" (`missing [...]`): the field's own, then the schema's. A cell or
  // JSON string equal to one, after trimming blanks and ignoring ASCII case, is a missing value.
  std::vector<std::string> missing;
  // `format "..."`: the layout of a date or timestamp field's values (its own; a date's, else the
  // schema's); empty: ISO 8601.
  std::string format;
  bool key = false;
  bool required = false;
  Span span;  // the whole declaration

  // Index of `member` in `members`, or -1.
  int member_index(std::string_view member) const;
  // The CSV column or JSON key the readers take its value from.
  std::string_view column_name() const { return column.empty() ? std::string_view(name) : std::string_view(column); }
};

struct Schema {
  std::string name;
  std::vector<Field> fields;
  int key_index = -1;  // exactly one field is the key in a checked schema
  std::vector<std::string> missing;  // the schema's own `missing [...]` (also in every field's)
  std::string format;                // the schema's own `format "..."` (also in its date fields' without one)
  Span span;

  // Index of the field called `name`, or -1. Used while loading and checking, never per record.
  int find(std::string_view name) const;
};

}  // namespace leadscore
