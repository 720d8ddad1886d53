#include "io/value_parse.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "common/ascii.hpp"
#include "common/date_layout.hpp"
#include "io/record_errors.hpp"

namespace leadscore::io {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The number grammar is checked by hand first because from_chars accepts forms the spec rules out
// ("inf", "nan") and stops quietly at trailing text.
bool has_number_shape(std::string_view t) {
  std::size_t i = 0;
  if (i < t.size() && t[i] == '-') ++i;
  const std::size_t int_start = i;
  while (i < t.size() && is_digit(t[i])) ++i;
  std::size_t mantissa_digits = i - int_start;
  if (i < t.size() && t[i] == '.') {
    const std::size_t frac_start = ++i;
    while (i < t.size() && is_digit(t[i])) ++i;
    mantissa_digits += i - frac_start;
  }
  if (mantissa_digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    const std::size_t exp_start = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == exp_start) return false;
  }
  return i == t.size();
}

}  // namespace

NumberParse parse_int_text(std::string_view text, std::int64_t& out) {
  const std::size_t digits_from = !text.empty() && text[0] == '-' ? 1 : 0;
  if (text.size() == digits_from) return NumberParse::Bad;
  for (std::size_t i = digits_from; i < text.size(); ++i)
    if (!is_digit(text[i])) return NumberParse::Bad;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec == std::errc::result_out_of_range) return NumberParse::OutOfRange;
  return ec == std::errc() && end == text.data() + text.size() ? NumberParse::Ok : NumberParse::Bad;
}

NumberParse parse_number_text(std::string_view text, double& out) {
  if (!has_number_shape(text)) return NumberParse::Bad;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec == std::errc() && end == text.data() + text.size()) return NumberParse::Ok;
  if (ec != std::errc::result_out_of_range) return NumberParse::Bad;
  // from_chars reports underflow and overflow alike. Underflow (1e-400) is a fine 0 to a user;
  // strtod tells the two apart. Rare, so the copy for its terminating NUL does not matter.
  const std::string copy(text);
  errno = 0;
  const double v = std::strtod(copy.c_str(), nullptr);
  if (std::isinf(v)) return NumberParse::OutOfRange;
  out = v;
  return NumberParse::Ok;
}

bool parse_bool_text(std::string_view text, bool& out) {
  if (equals_lower_ascii(text, "true") || equals_lower_ascii(text, "yes") || text == "1") {
    out = true;
    return true;
  }
  if (equals_lower_ascii(text, "false") || equals_lower_ascii(text, "no") || text == "0") {
    out = false;
    return true;
  }
  return false;
}

bool is_placeholder(const Field& f, std::string_view text) {
  if (f.missing.empty()) return false;
  text = trim_blanks(text);
  for (const std::string& p : f.missing) {
    const std::string_view word = trim_blanks(p);
    if (word.size() != text.size()) continue;
    bool same = true;
    for (std::size_t i = 0; same && i < word.size(); ++i) same = lower_ascii(word[i]) == lower_ascii(text[i]);
    if (same) return true;
  }
  return false;
}

bool add_set_member(const Field& f, std::string_view member, FieldValue& v, Record& rec) {
  if (f.type == FieldType::Set) {
    const int k = f.member_index(member);
    if (k < 0) {
      report_not_member(rec, f, member);
      return false;
    }
    v.set_bits |= std::uint64_t{1} << k;
    return true;
  }
  if (!is_valid_utf8(member)) {
    report_not_utf8(rec, f);
    return false;
  }
  // A set holds each member once, so that count() agrees with what a user means by "set".
  for (std::uint32_t i = v.items_begin; i < v.items_begin + v.items_count; ++i)
    if (rec.items[i] == member) return true;
  rec.items.push_back(member);
  ++v.items_count;
  return true;
}

bool parse_dated_text(const Field& f, std::string_view text, FieldValue& v, Record& rec) {
  const auto parts = parse_dated(text, f.format);
  if (!parts) {
    report_not_date(rec, f, text);
    return false;
  }
  v.str = text;
  if (f.type == FieldType::Date) {
    v.date = parts->day;  // the day as written, whatever the time and zone
  } else {
    v.i = parts->instant();
    v.num = static_cast<double>(v.i);
    v.date = day_of(v.i);  // the UTC day, for `days_since`, `within`, `before` and decay
  }
  return true;
}

bool parse_text_cell(const Field& f, std::string_view text, FieldValue& v, Record& rec) {
  v.present = true;
  switch (f.type) {
    case FieldType::String:
      if (!is_valid_utf8(text)) {
        report_not_utf8(rec, f);
        return false;
      }
      v.str = text;
      return true;
    case FieldType::Int:
      switch (parse_int_text(text, v.i)) {
        case NumberParse::Ok:
          v.num = static_cast<double>(v.i);
          return true;
        case NumberParse::Bad:
          report_not_int(rec, f, text);
          return false;
        case NumberParse::OutOfRange:
          report_int_range(rec, f, text);
          return false;
      }
      return false;
    case FieldType::Number:
      switch (parse_number_text(text, v.num)) {
        case NumberParse::Ok:
          return true;
        case NumberParse::Bad:
          report_not_number(rec, f, text);
          return false;
        case NumberParse::OutOfRange:
          report_number_range(rec, f, text);
          return false;
      }
      return false;
    case FieldType::Bool:
      if (parse_bool_text(text, v.b)) return true;
      report_not_bool(rec, f, text);
      return false;
    case FieldType::Date:
    case FieldType::Timestamp:
      return parse_dated_text(f, text, v, rec);
    case FieldType::Enum: {
      const int k = f.member_index(text);
      if (k < 0) {
        report_not_member(rec, f, text);
        return false;
      }
      v.member = static_cast<std::uint32_t>(k);
      v.str = text;
      return true;
    }
    case FieldType::Set:
    case FieldType::StringSet: {
      v.items_begin = static_cast<std::uint32_t>(rec.items.size());
      std::size_t from = 0;
      for (;;) {
        const std::size_t semi = text.find(';', from);
        const std::string_view member =
            trim_blanks(text.substr(from, semi == std::string_view::npos ? semi : semi - from));
        if (member.empty()) {
          report_empty_member(rec, f, text);
          return false;
        }
        if (!add_set_member(f, member, v, rec)) return false;
        if (semi == std::string_view::npos) return true;
        from = semi + 1;
      }
    }
  }
  return false;
}

}  // namespace leadscore::io
