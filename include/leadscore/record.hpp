// One lead record as the VM reads it: one typed slot per schema field, in schema order.
// Strings are views into the reader's buffer and stay valid until the reader's next call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/date.hpp"

namespace leadscore {

// What became of a record: scored, rejected by a reject clause, or an error record (unreadable).
// The VM decides it, the output rows carry it.
enum class RowStatus { Ok, Rejected, Error };

struct FieldValue {
  bool present = false;
  std::int64_t i = 0;         // Int; Timestamp: seconds since 1970-01-01T00:00:00Z
  double num = 0;             // Int (promoted), Number and Timestamp
  bool b = false;             // Bool
  Day date = 0;               // Date; Timestamp: its UTC day
  std::uint32_t member = 0;   // Enum: index in Field::members
  std::uint64_t set_bits = 0; // Set: bit k = members[k]
  std::string_view str;       // String (also Enum, Date and Timestamp: the text as read)
  std::uint32_t items_begin = 0, items_count = 0;  // StringSet: range in Record::items
};

struct Record {
  std::vector<FieldValue> values;        // one per schema field
  std::vector<std::string_view> items;   // members of StringSet fields
  std::string_view key;                  // the key's text; may be set on an error record
  std::uint64_t line = 0;                // input line where the record starts (1-based)
  std::string error;                     // non-empty: an error record, with its located message

  // Makes the record empty for `field_count` fields, keeping capacity (no allocation once warm).
  void reset(std::size_t field_count) {
    values.assign(field_count, FieldValue{});
    items.clear();
    key = {};
    line = 0;
    error.clear();
  }
  bool is_error() const { return !error.empty(); }
};

}  // namespace leadscore
