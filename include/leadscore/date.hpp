// Calendar days as integers: days since 1970-01-01 (proleptic Gregorian).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leadscore {

using Day = std::int32_t;
// An instant at second precision: seconds since 1970-01-01T00:00:00Z (a `timestamp` value).
using Seconds = std::int64_t;
inline constexpr Seconds seconds_per_day = 86400;

// A date or date-time as written, before it becomes a Day or an instant.
struct DateTimeParts {
  Day day = 0;                 // the calendar day as written
  std::int32_t second = 0;     // seconds since that day's midnight (0 without a time)
  std::int32_t offset = 0;     // the zone's offset from UTC in seconds (0 without a zone: UTC)
  // The instant: the written day and time, less the zone's offset.
  Seconds instant() const { return Seconds{day} * seconds_per_day + second - offset; }
};

Day days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(Day d, int& year, unsigned& month, unsigned& day);

// `YYYY-MM-DD`, a real calendar day.
std::optional<Day> parse_date(std::string_view text);
// ISO 8601 as exports write it: `YYYY-MM-DD`, optionally followed by 'T' or one blank and
// `hh:mm[:ss[.f]]` (up to 9 fraction digits after '.' or ','; a leap second 60 reads as 59), then an
// optional zone `Z`, `+hh:mm`, `+hhmm` or `+hh` (or '-'). The fraction is dropped.
std::optional<DateTimeParts> parse_iso_datetime(std::string_view text);
// A date field's value: the date part of parse_iso_datetime, as written.
std::optional<Day> parse_date_or_datetime(std::string_view text);
std::string format_date(Day d);
// `YYYY-MM-DDThh:mm:ssZ`.
std::string format_timestamp(Seconds t);
// The UTC calendar day an instant falls on.
inline Day day_of(Seconds t) {
  return static_cast<Day>(t >= 0 ? t / seconds_per_day : -((-t + seconds_per_day - 1) / seconds_per_day));
}
// Today in UTC.
Day today();

}  // namespace leadscore
