// Calendar days as integers: days since 1970-01-01 (proleptic Gregorian).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leadscore {

using Day = std::int32_t;

Day days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(Day d, int& year, unsigned& month, unsigned& day);

// `YYYY-MM-DD`, a real calendar day.
std::optional<Day> parse_date(std::string_view text);
// `YYYY-MM-DD`, or `YYYY-MM-DDThh:mm[:ss[.fff]]` with an optional `Z` or `+hh:mm`/`-hh:mm`;
// the date part is used as written.
std::optional<Day> parse_date_or_datetime(std::string_view text);
std::string format_date(Day d);
// Today in UTC.
Day today();

}  // namespace leadscore
