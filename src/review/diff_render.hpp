// What the renderings of a diff report share: how numbers, shares and changes read.
#pragma once

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "leadscore/diff.hpp"

namespace leadscore::review {

// `+5`, `-2.5`, `0`.
inline std::string signed_number(double x) {
  std::string s = format_number(x);
  return x > 0 ? "+" + s : s;
}

// A number for people: at most three decimals (`+0.602`), where JSON keeps every digit.
inline std::string short_signed(double x) {
  double r = std::round(x * 1000) / 1000;
  return signed_number(r == 0 ? 0 : r);
}

// A share as a percentage with at most two decimals: `7.5%`, `0%`, `33.33%`.
inline std::string percent(double fraction) {
  double p = std::round(fraction * 10000) / 100;
  return format_number(p) + "%";
}

inline double share(std::uint64_t n, std::uint64_t of) {
  return of == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(of);
}

// AUC, precision and recall: four decimals.
// Four decimals; `-` for a rate with nothing to divide by (NaN).
inline std::string ratio(double x) { return std::isnan(x) ? "-" : fmt::format("{:.4f}", x); }
inline std::string signed_ratio(double x) {
  if (std::isnan(x)) return "-";
  if (std::fabs(x) < 0.00005) return "0.0000";
  return fmt::format("{:+.4f}", x);
}

// The change kinds as people read them: `points changed`.
inline std::string kind_words(ModelChangeKind kind) {
  std::string s(change_kind_name(kind));
  for (char& c : s) c = c == '_' ? ' ' : c;
  return s;
}

// `12 -> 14`, `12`, `new 14`.
inline std::string lines_text(const ModelChange& c) {
  if (c.old_line && c.new_line) {
    return c.old_line == c.new_line ? fmt::format("{}", c.new_line) : fmt::format("{} -> {}", c.old_line, c.new_line);
  }
  if (c.old_line) return fmt::format("{} (old)", c.old_line);
  if (c.new_line) return fmt::format("{}", c.new_line);
  return "";
}

// What a --fail-on result measured, in the threshold's unit.
inline std::string fail_value(const FailResult& r) {
  if (r.condition.metric == FailMetric::AucDrop) {
    double v = std::round(r.value * 1e6) / 1e6;
    return format_number(v == 0 ? 0 : v);
  }
  return percent(r.value);
}

inline std::string yes_no(bool b) { return b ? "yes" : "no"; }

}  // namespace leadscore::review
