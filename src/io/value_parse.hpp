// Text -> typed value, shared by the readers: CSV cells go through parse_text_cell; the JSON reader
// uses the scalar parsers and the member helpers for its strings and arrays.
#pragma once

#include <cstdint>
#include <string_view>

#include "leadscore/record.hpp"
#include "leadscore/schema.hpp"

namespace leadscore::io {

enum class NumberParse : std::uint8_t { Ok, Bad, OutOfRange };

// Optional '-' and ASCII digits, in the 64-bit range.
NumberParse parse_int_text(std::string_view text, std::int64_t& out);
// Optional '-', digits with an optional fraction, optional exponent; no '+', nan or inf. A value
// too small for a double reads as 0 (or the nearest subnormal); one too large is OutOfRange.
NumberParse parse_number_text(std::string_view text, double& out);
// true false yes no 1 0, any case.
bool parse_bool_text(std::string_view text, bool& out);

// Adds one set member to `v` (an enum set as bits, an open set into rec.items, once each).
// On a bad member writes the error to `rec` and returns false.
bool add_set_member(const Field& f, std::string_view member, FieldValue& v, Record& rec);

// Whether `text` is one of the field's placeholders (`missing [...]`, Field::missing): equal once
// the blanks around both are dropped, ignoring ASCII case. Such a value is read as missing.
bool is_placeholder(const Field& f, std::string_view text);

// A date or timestamp field's text, in its `format` or else ISO 8601, into `v`: a date's day as
// written; a timestamp's instant (in i and num) and its UTC day (in date). On a bad value writes the
// located message to `rec.error` and returns false.
bool parse_dated_text(const Field& f, std::string_view text, FieldValue& v, Record& rec);

// Parses one non-empty CSV cell into `v` (marking it present). On a bad value writes the located
// message to `rec.error` and returns false. Views in `v` and `rec.items` point into `text`.
bool parse_text_cell(const Field& f, std::string_view text, FieldValue& v, Record& rec);

}  // namespace leadscore::io
