#include "infer/value_shape.hpp"

#include <array>
#include <cstddef>

#include "common/ascii.hpp"
#include "io/value_parse.hpp"
#include "leadscore/date.hpp"

namespace leadscore::infer {
namespace {

int number_at(std::string_view s, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// A date-time as the timestamp reader takes it (parse_iso_datetime), so that a column inferred as
// `timestamp` reads with no error rows; a bare date is shape_date (and a timestamp too) apart.
bool is_timestamp(std::string_view s) { return s.size() > 10 && parse_iso_datetime(s).has_value(); }

// d/m/yyyy or dd/mm/yyyy: the two leading numbers and the year, or false.
bool slash_date(std::string_view s, int& first, int& second, int& year) {
  std::size_t p = 0;
  auto read = [&](int& out, std::size_t max_digits) {
    const std::size_t start = p;
    while (p < s.size() && p - start < max_digits && s[p] >= '0' && s[p] <= '9') ++p;
    if (p == start) return false;
    out = number_at(s, start, p - start);
    return true;
  };
  if (!read(first, 2) || p >= s.size()) return false;
  const char sep = s[p];
  if (sep != '/') return false;
  ++p;
  if (!read(second, 2) || p >= s.size() || s[p] != sep) return false;
  ++p;
  const std::size_t year_at = p;
  if (!read(year, 4) || p - year_at != 4) return false;
  return p == s.size();
}

bool real_day(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > days[static_cast<std::size_t>(month - 1)]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month != 2 || day < 29 || leap;
}

bool fits_member(std::string_view s) {
  if (s.empty() || s.size() > 120) return false;
  if (s.front() == ' ' || s.back() == ' ') return false;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == ';' || c == '"' || c == '\\') return false;
  }
  return true;
}


}  // namespace

std::uint32_t shape_of(std::string_view text, std::uint32_t wanted) {
  std::uint32_t shapes = 0;
  bool b = false;
  if ((wanted & shape_bool) && io::parse_bool_text(text, b)) shapes |= shape_bool;
  std::int64_t i = 0;
  if ((wanted & shape_int) && io::parse_int_text(text, i) == io::NumberParse::Ok) shapes |= shape_int;
  double d = 0;
  if ((wanted & shape_number) && io::parse_number_text(text, d) == io::NumberParse::Ok)
    shapes |= shape_number;
  // A bare date is also a timestamp (midnight), so a column mixing both reads as timestamps.
  if ((wanted & (shape_date | shape_timestamp)) && parse_date(text))
    shapes |= shape_date | shape_timestamp;
  else if ((wanted & shape_timestamp) && is_timestamp(text))
    shapes |= shape_timestamp;
  int first = 0, second = 0, year = 0;
  if ((wanted & (shape_day_first | shape_month_first)) && slash_date(text, first, second, year)) {
    if (real_day(year, second, first)) shapes |= shape_day_first;
    if (real_day(year, first, second)) shapes |= shape_month_first;
  }
  if ((wanted & shape_member) && fits_member(text)) shapes |= shape_member;
  return shapes & wanted;
}

bool is_placeholder_word(std::string_view text) {
  static constexpr std::array<std::string_view, 13> words{
      "select", "n/a", "na", "#n/a", "-", "--", "null", "none", "nil", "(none)", "(blank)",
      "not provided", "not specified"};
  if (text.size() > 16) return false;
  for (const std::string_view w : words)
    if (equals_lower_ascii(text, w)) return true;
  return false;
}

}  // namespace leadscore::infer
