// The wording of every error-record message, in one place. Each reporter appends one located
// message to `rec.error`; `rec.line` must already be set. Field messages read
//   line 7: field 'company_size': 'lots' is not an int
// and values are quoted and cleaned by append_quoted_value so that a message is one printable line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/utf8.hpp"
#include "leadscore/record.hpp"
#include "leadscore/schema.hpp"

namespace leadscore::io {

// Appends `'text'`: control characters and bytes that are not UTF-8 escaped, long values cut.
void append_quoted_value(std::string& out, std::string_view text);
// A key as it is shown: itself when it is UTF-8, else with each stray byte written as \xNN (in
// `scratch`), so that every output stays valid UTF-8 and the key still tells the rows apart.
std::string_view key_as_text(std::string_view key, std::string& scratch);
// The same as append_quoted_value without the quotes (JSON values are shown as JSON).
void append_escaped(std::string& out, std::string_view text);

void report_missing(Record& rec, const Field& f);
void report_not_int(Record& rec, const Field& f, std::string_view text);
void report_int_range(Record& rec, const Field& f, std::string_view text);
void report_not_number(Record& rec, const Field& f, std::string_view text);
void report_number_range(Record& rec, const Field& f, std::string_view text);
void report_not_bool(Record& rec, const Field& f, std::string_view text);
void report_not_date(Record& rec, const Field& f, std::string_view text);
// An enum value or a set member that the field does not declare; lists the members.
void report_not_member(Record& rec, const Field& f, std::string_view member);
void report_empty_member(Record& rec, const Field& f, std::string_view cell);
void report_not_utf8(Record& rec, const Field& f);

// CSV structure. `column` names the cell: its header name, or "cell N" past the header.
void report_cell_count(Record& rec, std::size_t cells, std::size_t header_cells);
void report_unclosed_quote(Record& rec, std::string_view column, std::uint64_t opened_at_line);
void report_text_after_quote(Record& rec, std::string_view column);
void report_record_too_long(Record& rec, std::string_view column, std::size_t limit_bytes);

// JSON lines. `json_text` is the value as JSON (it is shown as is, cut when long).
void report_json_type(Record& rec, const Field& f, std::string_view expected,
                      std::string_view json_text);
void report_json_not_int(Record& rec, const Field& f, std::string_view json_text);
void report_json_int_range(Record& rec, const Field& f, std::string_view json_text);
void report_json_number_range(Record& rec, const Field& f, std::string_view json_text);
// `why` says what is wrong and where ("expected ',' or '}' at column 23"); may be empty.
void report_not_json(Record& rec, std::string_view why);
void report_not_object(Record& rec);
void report_line_too_long(Record& rec, std::size_t limit_bytes);
void report_duplicate_key(Record& rec, std::string_view key);

}  // namespace leadscore::io
