// Calendar arithmetic (Howard Hinnant's days-from-civil algorithms) and the date text forms that
// records and model literals use.
#include "leadscore/date.hpp"

#include <fmt/format.h>

#include <chrono>

namespace leadscore {

Day days_from_civil(int year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);                        // [0, 399]
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return static_cast<Day>(era * 146097 + static_cast<int>(doe) - 719468);
}

void civil_from_days(Day d, int& year, unsigned& month, unsigned& day) {
  const int z = d + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
}

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

// Reads exactly `n` ASCII digits at `pos`; false if any is not a digit or the text is too short.
bool digits(std::string_view t, std::size_t pos, std::size_t n, unsigned& out) {
  if (pos + n > t.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (t[i] < '0' || t[i] > '9') return false;
    out = out * 10 + static_cast<unsigned>(t[i] - '0');
  }
  return true;
}

// The `YYYY-MM-DD` prefix of `t`.
std::optional<Day> date_prefix(std::string_view t) {
  unsigned y = 0, m = 0, d = 0;
  if (!digits(t, 0, 4, y) || t.size() < 10 || t[4] != '-' || !digits(t, 5, 2, m) || t[7] != '-' ||
      !digits(t, 8, 2, d))
    return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(static_cast<int>(y), m)) return std::nullopt;
  return days_from_civil(static_cast<int>(y), m, d);
}

}  // namespace

std::optional<Day> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return date_prefix(text);
}

std::optional<DateTimeParts> parse_iso_datetime(std::string_view text) {
  auto day = date_prefix(text);
  if (!day) return std::nullopt;
  DateTimeParts parts;
  parts.day = *day;
  if (text.size() == 10) return parts;
  // The time must be well formed even where only the date part is used: a malformed time usually
  // means the column holds something other than what the schema says.
  std::size_t pos = 10;
  if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
  ++pos;
  unsigned h = 0, mi = 0, s = 0;
  if (!digits(text, pos, 2, h) || h > 23 || pos + 2 >= text.size() || text[pos + 2] != ':' ||
      !digits(text, pos + 3, 2, mi) || mi > 59)
    return std::nullopt;
  pos += 5;
  if (pos < text.size() && text[pos] == ':') {
    if (!digits(text, pos + 1, 2, s) || s > 60) return std::nullopt;
    if (s == 60) s = 59;  // a leap second stays within its minute
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      const std::size_t start = ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start || pos - start > 9) return std::nullopt;
    }
  }
  parts.second = static_cast<std::int32_t>(h * 3600 + mi * 60 + s);
  if (pos == text.size()) return parts;
  if (text[pos] == 'Z' || text[pos] == 'z') return pos + 1 == text.size() ? std::optional(parts) : std::nullopt;
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  const int sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  unsigned zh = 0, zm = 0;
  if (!digits(text, pos, 2, zh) || zh > 23) return std::nullopt;
  pos += 2;
  if (pos < text.size()) {
    if (text[pos] == ':') ++pos;
    if (!digits(text, pos, 2, zm) || zm > 59) return std::nullopt;
    pos += 2;
  }
  if (pos != text.size()) return std::nullopt;
  parts.offset = sign * static_cast<std::int32_t>(zh * 3600 + zm * 60);
  return parts;
}

std::optional<Day> parse_date_or_datetime(std::string_view text) {
  const auto parts = parse_iso_datetime(text);
  if (!parts) return std::nullopt;
  return parts->day;
}

std::string format_date(Day d) {
  int y = 0;
  unsigned m = 0, day = 0;
  civil_from_days(d, y, m, day);
  return fmt::format("{:04}-{:02}-{:02}", y, m, day);
}

std::string format_timestamp(Seconds t) {
  const Day d = day_of(t);
  const Seconds in_day = t - Seconds{d} * seconds_per_day;
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(d), in_day / 3600, in_day / 60 % 60, in_day % 60);
}

Day today() {
  using namespace std::chrono;
  return static_cast<Day>(floor<days>(system_clock::now()).time_since_epoch().count());
}

}  // namespace leadscore
