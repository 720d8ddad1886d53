// What one value of a sample could be read as: each bit is a type the value fits, the way the
// record readers would read it (io/value_parse), so that an inferred type never rejects a value
// of the sample it came from.
#pragma once

#include <cstdint>
#include <string_view>

namespace leadscore::infer {

enum Shape : std::uint32_t {
  shape_bool = 1u << 0,        // true false yes no 1 0, any case
  shape_int = 1u << 1,         // 64-bit integer
  shape_number = 1u << 2,      // a double
  shape_date = 1u << 3,        // YYYY-MM-DD
  shape_timestamp = 1u << 4,   // an ISO date-time: YYYY-MM-DD, 'T' or ' ', hh:mm[:ss[.f]][Z|+hh:mm]
  shape_day_first = 1u << 5,   // dd/mm/yyyy with a real day and month read day first
  shape_month_first = 1u << 6, // mm/dd/yyyy read month first
  shape_member = 1u << 7,      // fit to be an enum or set member: printable, no edge blanks, no ';'
  shape_all = (1u << 8) - 1,
};

// The shapes among `wanted` that `text` (present, not empty) fits; shapes not wanted are not
// tested, so a column already known to be text costs no more parses.
std::uint32_t shape_of(std::string_view text, std::uint32_t wanted = shape_all);

// True for a value that exports write where a form's field was left alone or not known ("Select",
// "N/A", "-", "null", ...): compared case-insensitively.
bool is_placeholder_word(std::string_view text);

}  // namespace leadscore::infer
