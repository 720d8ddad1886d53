#include "vm/text.hpp"

namespace leadscore::text {

namespace {

bool equal_ci_at(std::string_view hay, std::size_t at, std::string_view lower_needle) {
  for (std::size_t k = 0; k < lower_needle.size(); ++k) {
    if (fold(hay[at + k]) != lower_needle[k]) return false;
  }
  return true;
}

}  // namespace

bool contains_ci(std::string_view hay, std::string_view lower_needle) {
  if (lower_needle.empty()) return true;
  if (lower_needle.size() > hay.size()) return false;
  char first = lower_needle[0];
  std::size_t last = hay.size() - lower_needle.size();
  for (std::size_t i = 0; i <= last; ++i) {
    if (fold(hay[i]) == first && equal_ci_at(hay, i, lower_needle)) return true;
  }
  return false;
}

bool contains_ci_both(std::string_view hay, std::string_view needle) {
  std::string lower;
  lower_into(lower, needle);
  return contains_ci(hay, lower);
}

bool starts_with_ci(std::string_view s, std::string_view lower_prefix) {
  return s.size() >= lower_prefix.size() && equal_ci_at(s, 0, lower_prefix);
}

bool ends_with_ci(std::string_view s, std::string_view lower_suffix) {
  return s.size() >= lower_suffix.size() && equal_ci_at(s, s.size() - lower_suffix.size(), lower_suffix);
}

void lower_into(std::string& out, std::string_view s) {
  out.assign(s);
  for (char& c : out) c = fold(c);
}

void upper_into(std::string& out, std::string_view s) {
  out.assign(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace leadscore::text
