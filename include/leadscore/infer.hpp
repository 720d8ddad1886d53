// `leadscore schema infer`: a schema written from a sample of records (a CRM export), so that a
// new user starts from a schema that `check` accepts instead of typing forty fields by hand.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/io.hpp"

namespace leadscore {

struct InferOptions {
  std::uint64_t max_rows = 0;  // 0: the whole input, streaming
  std::string key;             // --key: a column's header or its field name; empty: choose one
  std::string schema_name;     // the schema's name; empty: "lead"
  std::string source_name;     // the input's name, for the header comment and messages
  char delimiter = 0;          // CSV: ',', ';' or '\t' (ReadOptions); 0: detected from the header
};

// The type of one inferred field, as the schema language spells it.
enum class InferredType : std::uint8_t { String, Int, Number, Bool, Date, Timestamp, Enum, Set, StringSet };

struct InferredField {
  std::string name;            // the field's name: the header lower-cased, other runs -> `_`
  std::string column;          // the header as written (trimmed)
  std::size_t column_index = 0;
  InferredType type = InferredType::String;
  std::vector<std::string> members;        // Enum and Set, sorted
  std::vector<std::string> placeholders;   // this column's own values that mean "missing"
  std::string format;                      // a date layout other than ISO, e.g. "%d/%m/%Y"
  bool key = false;
  bool required = false;
  // For the comment: what the sample held.
  std::uint64_t present = 0, missing = 0;
  std::uint64_t distinct = 0;
  bool distinct_capped = false;  // more distinct values than the inference keeps
  std::vector<std::string> examples;
};

struct InferredSchema {
  std::string name;
  std::vector<InferredField> fields;
  std::vector<std::string> placeholders;   // values that mean "missing" in every column
  std::vector<std::size_t> unnamed_columns; // 1-based numbers of columns with an empty header
  std::uint64_t rows = 0;
  char delimiter = 0;                       // CSV: what separated the cells; 0 for JSON lines
};

struct InferResult {
  std::optional<InferredSchema> schema;  // empty when `error` is set
  std::string error;                     // the input could not be read, or no key could be chosen
  bool unreadable = false;               // `error` is a read error (exit 2), not a finding
};

// Reads CSV or JSON lines from `in` (not closed) and infers a schema.
InferResult infer_schema(std::FILE* in, RecordFormat format, const InferOptions& options);

// The schema as source text, with a comment per field.
std::string render_inferred_schema(const InferredSchema& schema, const InferOptions& options);

// The field name for a header: lower-cased, every run of characters other than a-z and 0-9 turned
// into one `_`, trimmed of `_` ("Lead Source" -> "lead_source", "TotalVisits" -> "totalvisits").
// Empty when nothing is left.
std::string field_name_for_column(std::string_view header);

}  // namespace leadscore
