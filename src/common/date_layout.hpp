// Dates in other layouts than ISO 8601: a schema's `format "%d/%m/%Y"`, strftime's directives.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "leadscore/date.hpp"

namespace leadscore {

// Why `layout` cannot read dates, or "" when it can. It needs a year (%Y or %y), a month (%m, %b or
// %B) and a day (%d); %I goes with %p; no directive twice; only the directives parse_with_layout reads.
std::string date_layout_error(std::string_view layout);

// Reads all of `text` in `layout` (one date_layout_error accepts): %Y four digits; %y two (69-99 are
// 19xx, 00-68 20xx); %m %d %H %I one or two digits; %M %S two (a leap second 60 reads as 59);
// %b %B an English month name, full or its first three letters, any case; %p AM or PM, any case;
// %f one to nine fraction digits (dropped); %z Z, +hh:mm, +hhmm or +hh; %% a '%'. Any other
// character matches itself.
std::optional<DateTimeParts> parse_with_layout(std::string_view text, std::string_view layout);

// A date field's or timestamp field's text as the readers take it: in `layout`, else ISO 8601.
inline std::optional<DateTimeParts> parse_dated(std::string_view text, std::string_view layout) {
  return layout.empty() ? parse_iso_datetime(text) : parse_with_layout(text, layout);
}

// 2024-03-18 14:27:05 UTC written in `layout`, to show what a value should look like.
std::string layout_example(std::string_view layout);

}  // namespace leadscore
