#include "io/record_errors.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <iterator>

#include "common/date_layout.hpp"

namespace leadscore::io {
namespace {

// Values longer than this are cut in messages: a message is a cell in the output, not a copy of the
// input.
constexpr std::size_t max_shown_bytes = 60;

void begin(Record& rec) { fmt::format_to(std::back_inserter(rec.error), "line {}: ", rec.line); }

void begin_field(Record& rec, const Field& f) {
  fmt::format_to(std::back_inserter(rec.error), "line {}: field '{}': ", rec.line, f.name);
}

void append_member_list(std::string& out, const Field& f) {
  out += f.type == FieldType::Set ? "set(" : "enum(";
  for (std::size_t i = 0; i < f.members.size(); ++i) {
    if (i > 0) out += ", ";
    out += f.members[i];
  }
  out += ')';
}

}  // namespace

// Control characters and bytes that are not UTF-8 escaped, long values cut: a message is one
// printable line of valid UTF-8, whatever the input held.
void append_escaped(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (i >= max_shown_bytes) {
      out += "...";
      break;
    }
    const char c = text[i];
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 1 && static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (n <= 1) {  // other control characters and stray bytes
      fmt::format_to(std::back_inserter(out), "\\x{:02X}", static_cast<unsigned char>(c));
    } else {
      out.append(text.data() + i, n);
      i += n;
      continue;
    }
    ++i;
  }
}

std::string_view key_as_text(std::string_view key, std::string& scratch) {
  if (is_valid_utf8(key)) return key;
  scratch.clear();
  for (std::size_t i = 0; i < key.size();) {
    const std::size_t n = utf8_sequence_length(key, i);
    if (n == 0) {
      fmt::format_to(std::back_inserter(scratch), "\\x{:02X}", static_cast<unsigned char>(key[i]));
      ++i;
    } else {
      scratch.append(key.data() + i, n);
      i += n;
    }
  }
  return scratch;
}

void append_quoted_value(std::string& out, std::string_view text) {
  out += '\'';
  append_escaped(out, text);
  out += '\'';
}

void report_missing(Record& rec, const Field& f) {
  fmt::format_to(std::back_inserter(rec.error), "line {}: field '{}' is required but missing",
                 rec.line, f.name);
}

void report_not_int(Record& rec, const Field& f, std::string_view text) {
  begin_field(rec, f);
  append_quoted_value(rec.error, text);
  rec.error += " is not an int";
}

void report_int_range(Record& rec, const Field& f, std::string_view text) {
  begin_field(rec, f);
  append_quoted_value(rec.error, text);
  rec.error += " is outside the 64-bit int range";
}

void report_not_number(Record& rec, const Field& f, std::string_view text) {
  begin_field(rec, f);
  append_quoted_value(rec.error, text);
  rec.error += " is not a number";
}

void report_number_range(Record& rec, const Field& f, std::string_view text) {
  begin_field(rec, f);
  append_quoted_value(rec.error, text);
  rec.error += " is outside the number range";
}

void report_not_bool(Record& rec, const Field& f, std::string_view text) {
  begin_field(rec, f);
  append_quoted_value(rec.error, text);
  rec.error += " is not a bool (true, false, yes, no, 1, 0)";
}

void report_not_date(Record& rec, const Field& f, std::string_view text) {
  begin_field(rec, f);
  append_quoted_value(rec.error, text);
  const std::string_view what = f.type == FieldType::Timestamp ? "timestamp" : "date";
  if (!f.format.empty()) {
    rec.error += fmt::format(" is not a {} in the layout {} (for example {})", what, f.format,
                             layout_example(f.format));
  } else if (f.type == FieldType::Timestamp) {
    rec.error += " is not a timestamp (YYYY-MM-DD, then 'T' or a blank and hh:mm[:ss], and a zone "
                 "such as Z or +01:00 if not UTC)";
  } else {
    rec.error += " is not a date";
    // A date in another layout (an export's 18/03/2024) gets the way to read it.
    if (text.find('/') != std::string_view::npos || text.find('.') != std::string_view::npos)
      rec.error += " (dates are YYYY-MM-DD; give the field a layout such as format \"%d/%m/%Y\")";
  }
}

void report_not_member(Record& rec, const Field& f, std::string_view member) {
  begin_field(rec, f);
  append_quoted_value(rec.error, member);
  rec.error += " is not a member of ";
  append_member_list(rec.error, f);
}

void report_empty_member(Record& rec, const Field& f, std::string_view cell) {
  begin_field(rec, f);
  append_quoted_value(rec.error, cell);
  rec.error += " has an empty member";
}

void report_not_utf8(Record& rec, const Field& f) {
  begin_field(rec, f);
  rec.error += "the text is not valid UTF-8";
}

void report_cell_count(Record& rec, std::size_t cells, std::size_t header_cells) {
  begin(rec);
  fmt::format_to(std::back_inserter(rec.error), "{} {}, header has {}", cells,
                 cells == 1 ? "cell" : "cells", header_cells);
}

void report_unclosed_quote(Record& rec, std::string_view column, std::uint64_t opened_at_line) {
  begin(rec);
  fmt::format_to(std::back_inserter(rec.error), "unclosed quote (opened in {} at line {})", column,
                 opened_at_line);
}

void report_text_after_quote(Record& rec, std::string_view column) {
  begin(rec);
  fmt::format_to(std::back_inserter(rec.error), "text after a closing quote in {}", column);
}

void report_record_too_long(Record& rec, std::string_view column, std::size_t limit_bytes) {
  begin(rec);
  fmt::format_to(std::back_inserter(rec.error), "record is longer than {} MiB (at {}); skipped",
                 limit_bytes >> 20, column);
}

void report_line_too_long(Record& rec, std::size_t limit_bytes) {
  begin(rec);
  fmt::format_to(std::back_inserter(rec.error), "line is longer than {} MiB; skipped",
                 limit_bytes >> 20);
}

void report_json_type(Record& rec, const Field& f, std::string_view expected,
                      std::string_view json_text) {
  begin_field(rec, f);
  fmt::format_to(std::back_inserter(rec.error), "expected {}, got ", expected);
  append_escaped(rec.error, json_text);
}

void report_json_not_int(Record& rec, const Field& f, std::string_view json_text) {
  begin_field(rec, f);
  append_escaped(rec.error, json_text);
  rec.error += " is not an int";
}

void report_json_int_range(Record& rec, const Field& f, std::string_view json_text) {
  begin_field(rec, f);
  append_escaped(rec.error, json_text);
  rec.error += " is outside the 64-bit int range";
}

void report_json_number_range(Record& rec, const Field& f, std::string_view json_text) {
  begin_field(rec, f);
  append_escaped(rec.error, json_text);
  rec.error += " is outside the number range";
}

void report_not_json(Record& rec, std::string_view why) {
  begin(rec);
  rec.error += "not valid JSON";
  if (!why.empty()) fmt::format_to(std::back_inserter(rec.error), " ({})", why);
}

void report_not_object(Record& rec) {
  begin(rec);
  rec.error += "not a JSON object";
}

void report_duplicate_key(Record& rec, std::string_view key) {
  begin(rec);
  rec.error += "key ";
  append_quoted_value(rec.error, key);
  rec.error += " appears twice";
}

}  // namespace leadscore::io
