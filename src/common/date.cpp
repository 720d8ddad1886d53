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

// `hh:mm` at `pos` with hh <= max_hour; advances `pos`.
bool hour_minute(std::string_view t, std::size_t& pos, unsigned max_hour) {
  unsigned h = 0, mi = 0;
  if (!digits(t, pos, 2, h) || pos + 2 >= t.size() || t[pos + 2] != ':' ||
      !digits(t, pos + 3, 2, mi) || h > max_hour || mi > 59)
    return false;
  pos += 5;
  return true;
}

}  // namespace

std::optional<Day> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return date_prefix(text);
}

std::optional<Day> parse_date_or_datetime(std::string_view text) {
  auto day = date_prefix(text);
  if (!day || text.size() == 10) return day;
  // The time must still be well formed even though only the date part is used: a malformed
  // time usually means the column holds something other than what the schema says.
  std::size_t pos = 10;
  if (text[pos] != 'T') return std::nullopt;
  ++pos;
  if (!hour_minute(text, pos, 23)) return std::nullopt;
  if (pos < text.size() && text[pos] == ':') {
    unsigned s = 0;
    if (!digits(text, pos + 1, 2, s) || s > 60) return std::nullopt;  // 60: a leap second
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      const std::size_t start = ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start || pos - start > 9) return std::nullopt;
    }
  }
  if (pos == text.size()) return day;
  if (text[pos] == 'Z') return pos + 1 == text.size() ? day : std::nullopt;
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  ++pos;
  if (!hour_minute(text, pos, 23) || pos != text.size()) return std::nullopt;
  return day;
}

std::string format_date(Day d) {
  int y = 0;
  unsigned m = 0, day = 0;
  civil_from_days(d, y, m, day);
  return fmt::format("{:04}-{:02}-{:02}", y, m, day);
}

Day today() {
  using namespace std::chrono;
  return static_cast<Day>(floor<days>(system_clock::now()).time_since_epoch().count());
}

}  // namespace leadscore
