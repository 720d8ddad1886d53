#include "common/date_layout.hpp"

#include <array>
#include <cstdint>

#include <fmt/format.h>

#include "common/ascii.hpp"

namespace leadscore {
namespace {

constexpr std::array<std::string_view, 12> month_names{"january", "february", "march",     "april",
                                                       "may",     "june",     "july",      "august",
                                                       "september", "october", "november", "december"};
constexpr std::string_view directives = "YymbBdHIpMSfz";

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

// Reads `min`..`max` ASCII digits at `pos` (as many as there are, up to `max`).
bool read_digits(std::string_view t, std::size_t& pos, std::size_t min, std::size_t max, unsigned& out) {
  const std::size_t start = pos;
  out = 0;
  while (pos < t.size() && pos - start < max && t[pos] >= '0' && t[pos] <= '9')
    out = out * 10 + static_cast<unsigned>(t[pos++] - '0');
  return pos - start >= min;
}

// A month name at `pos`: the whole name or its first three letters, any case.
bool read_month_name(std::string_view t, std::size_t& pos, unsigned& month) {
  for (std::size_t m = 0; m < month_names.size(); ++m) {
    for (const std::size_t len : {month_names[m].size(), std::size_t{3}}) {
      if (pos + len <= t.size() && equals_lower_ascii(t.substr(pos, len), month_names[m].substr(0, len))) {
        pos += len;
        month = static_cast<unsigned>(m + 1);
        return true;
      }
    }
  }
  return false;
}

bool read_zone(std::string_view t, std::size_t& pos, std::int32_t& offset) {
  if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z')) {
    ++pos;
    offset = 0;
    return true;
  }
  if (pos >= t.size() || (t[pos] != '+' && t[pos] != '-')) return false;
  const int sign = t[pos++] == '-' ? -1 : 1;
  unsigned h = 0, m = 0;
  if (!read_digits(t, pos, 2, 2, h) || h > 23) return false;
  if (pos < t.size() && (t[pos] == ':' || (t[pos] >= '0' && t[pos] <= '9'))) {
    if (t[pos] == ':') ++pos;
    if (!read_digits(t, pos, 2, 2, m) || m > 59) return false;
  }
  offset = sign * static_cast<std::int32_t>(h * 3600 + m * 60);
  return true;
}

}  // namespace

std::string date_layout_error(std::string_view layout) {
  std::string seen;
  for (std::size_t i = 0; i < layout.size(); ++i) {
    if (layout[i] != '%') continue;
    if (i + 1 == layout.size()) return "a layout cannot end with a lone '%' (write %% for a '%')";
    const char d = layout[++i];
    if (d == '%') continue;
    if (directives.find(d) == std::string_view::npos)
      return fmt::format("'%{}' is not a directive leadscore reads (it reads %Y %y %m %b %B %d %H %I %p "
                         "%M %S %f %z and %%)", d);
    if (seen.find(d) != std::string::npos) return fmt::format("'%{}' is written twice", d);
    seen += d;
  }
  auto has = [&](std::string_view any) { return seen.find_first_of(any) != std::string::npos; };
  if (!has("Yy")) return "the layout has no year (%Y or %y)";
  if (has("Y") && has("y")) return "the layout has two years (%Y and %y)";
  if (!has("mbB")) return "the layout has no month (%m, %b or %B)";
  if (seen.find_first_of("mbB") != seen.find_last_of("mbB")) return "the layout has two months";
  if (!has("d")) return "the layout has no day (%d)";
  if (has("H") && has("I")) return "the layout has two hours (%H and %I)";
  if (has("I") != has("p")) return "%I (a 12-hour clock) and %p (AM or PM) go together";
  if ((has("M") || has("S")) && !has("HI")) return "the layout has minutes or seconds but no hour";
  return {};
}

std::optional<DateTimeParts> parse_with_layout(std::string_view text, std::string_view layout) {
  int year = -1;
  unsigned month = 0, day = 0, hour = 0, minute = 0, second = 0, v = 0;
  int pm = -1;  // %p: 0 AM, 1 PM
  bool twelve_hour = false;
  std::int32_t offset = 0;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < layout.size(); ++i) {
    if (layout[i] != '%' || i + 1 == layout.size() || layout[i + 1] == '%') {
      if (pos >= text.size() || text[pos] != layout[i]) return std::nullopt;
      ++pos;
      if (layout[i] == '%') ++i;  // "%%"
      continue;
    }
    switch (layout[++i]) {
      case 'Y':
        if (!read_digits(text, pos, 4, 4, v)) return std::nullopt;
        year = static_cast<int>(v);
        break;
      case 'y':
        if (!read_digits(text, pos, 2, 2, v)) return std::nullopt;
        year = static_cast<int>(v < 69 ? 2000 + v : 1900 + v);
        break;
      case 'm':
        if (!read_digits(text, pos, 1, 2, month)) return std::nullopt;
        break;
      case 'b':
      case 'B':
        if (!read_month_name(text, pos, month)) return std::nullopt;
        break;
      case 'd':
        if (!read_digits(text, pos, 1, 2, day)) return std::nullopt;
        break;
      case 'H':
        if (!read_digits(text, pos, 1, 2, hour) || hour > 23) return std::nullopt;
        break;
      case 'I':
        if (!read_digits(text, pos, 1, 2, hour) || hour < 1 || hour > 12) return std::nullopt;
        twelve_hour = true;
        break;
      case 'p':
        if (pos + 2 > text.size()) return std::nullopt;
        if (equals_lower_ascii(text.substr(pos, 2), "am")) pm = 0;
        else if (equals_lower_ascii(text.substr(pos, 2), "pm")) pm = 1;
        else return std::nullopt;
        pos += 2;
        break;
      case 'M':
        if (!read_digits(text, pos, 2, 2, minute) || minute > 59) return std::nullopt;
        break;
      case 'S':
        if (!read_digits(text, pos, 2, 2, second) || second > 60) return std::nullopt;
        if (second == 60) second = 59;
        break;
      case 'f':
        if (!read_digits(text, pos, 1, 9, v)) return std::nullopt;
        break;
      case 'z':
        if (!read_zone(text, pos, offset)) return std::nullopt;
        break;
      default: return std::nullopt;  // date_layout_error refuses such a layout
    }
  }
  if (pos != text.size() || year < 0 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month))
    return std::nullopt;
  if (twelve_hour) hour = hour % 12 + (pm == 1 ? 12 : 0);
  DateTimeParts parts;
  parts.day = days_from_civil(year, month, day);
  parts.second = static_cast<std::int32_t>(hour * 3600 + minute * 60 + second);
  parts.offset = offset;
  return parts;
}

std::string layout_example(std::string_view layout) {
  std::string out;
  for (std::size_t i = 0; i < layout.size(); ++i) {
    if (layout[i] != '%' || i + 1 == layout.size()) {
      out += layout[i];
      continue;
    }
    switch (layout[++i]) {
      case 'Y': out += "2024"; break;
      case 'y': out += "24"; break;
      case 'm': out += "03"; break;
      case 'b': out += "Mar"; break;
      case 'B': out += "March"; break;
      case 'd': out += "18"; break;
      case 'H': out += "14"; break;
      case 'I': out += "02"; break;
      case 'p': out += "PM"; break;
      case 'M': out += "27"; break;
      case 'S': out += "05"; break;
      case 'f': out += "0"; break;
      case 'z': out += "+00:00"; break;
      default: out += layout[i]; break;  // "%%" and what date_layout_error refuses
    }
  }
  return out;
}

}  // namespace leadscore
