// A strict JSON syntax scanner for one JSON-lines line, used when simdjson refused the line (and to
// find a value's text as written for messages). It checks the syntax of RFC 8259 without holding
// values, so it never fails on what a parser cannot hold (numbers past 64 bits or the double range,
// deep nesting, text that is not UTF-8 inside strings); the reader decides what those mean for the
// one field they are in. It does not recurse, so nesting depth cannot overflow the stack.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leadscore::io {

enum class JsonKind : unsigned char { String, Number, Literal, Array, Object };

// One member of the top-level object, as written.
struct JsonMember {
  std::string_view key;    // the key's JSON string, quotes included
  std::string_view value;  // the value's text
  JsonKind kind = JsonKind::Literal;
  bool utf8_ok = true;       // every string in the value (keys of nested objects too) is UTF-8
  bool strings_only = true;  // for an array: every element is a string
};

struct JsonScan {
  bool object = false;             // the line holds an object (maybe broken)
  std::vector<JsonMember> members; // the members read whole before any error
  std::size_t error_at = std::string_view::npos;  // byte offset of the first syntax error
  std::string_view error;          // what is wrong there ("expected ':' after the key")
  bool ok() const { return error_at == std::string_view::npos; }
};

// Scans `line` (without its line end; a trailing CR is white space). Clears `out` first.
void scan_json_line(std::string_view line, JsonScan& out);

// Scans one JSON value starting at `pos` (no leading white space). Returns the offset just after
// it, or npos when it is not a whole, well-formed value.
std::size_t scan_json_value(std::string_view line, std::size_t pos);

// Decodes a JSON string literal already accepted by the scanner (quotes included) into `out`.
// Returns false when an escape or its bytes do not decode (e.g. invalid UTF-8: `out` keeps bytes).
bool decode_json_string(std::string_view literal, std::string& out);

// 1-based column of byte `offset`: characters counted as UTF-8 lead bytes (and stray bytes).
std::size_t json_column(std::string_view line, std::size_t offset);

}  // namespace leadscore::io
