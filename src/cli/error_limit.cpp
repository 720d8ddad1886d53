#include "cli/error_limit.hpp"

#include <fmt/format.h>

namespace leadscore::cli {

namespace {
__extension__ typedef unsigned __int128 Wide;  // errors * 100 * 10^6 needs more than 64 bits
constexpr int max_decimals = 6;
}  // namespace

std::optional<ErrorLimit> parse_error_limit(std::string_view text) {
  ErrorLimit limit;
  limit.text = std::string(text);
  if (!text.empty() && text.back() == '%') {
    limit.percent = true;
    text.remove_suffix(1);
  }
  // Plain digits, and for a percentage an optional fraction: no sign, exponent, spaces or words.
  bool seen_digit = false, seen_point = false;
  for (const char c : text) {
    if (c == '.' && limit.percent && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (limit.digits > 100'000'000'000'000'000ULL) return std::nullopt;  // would overflow
    limit.digits = limit.digits * 10 + static_cast<std::uint64_t>(c - '0');
    seen_digit = true;
    if (seen_point && ++limit.decimals > max_decimals) return std::nullopt;
  }
  if (!seen_digit) return std::nullopt;
  if (limit.percent) {
    std::uint64_t hundred = 100;
    for (int i = 0; i < limit.decimals; ++i) hundred *= 10;
    if (limit.digits > hundred) return std::nullopt;
  }
  return limit;
}

std::string error_limit_exceeded(const ErrorLimit& limit, const ScoreStats& stats) {
  if (!limit.percent) {
    if (stats.errors <= limit.digits) return {};
    return fmt::format("{} errors exceed --max-errors {}", stats.errors, limit.text);
  }
  // errors / records > digits / 10^decimals / 100, without dividing.
  Wide scaled_errors = Wide{stats.errors} * 100;
  for (int i = 0; i < limit.decimals; ++i) scaled_errors *= 10;
  if (scaled_errors <= Wide{limit.digits} * stats.records) return {};
  const double share = 100.0 * static_cast<double>(stats.errors) / static_cast<double>(stats.records);
  return fmt::format("{} errors ({:.3g}% of {} records) exceed --max-errors {}", stats.errors, share,
                     stats.records, limit.text);
}

}  // namespace leadscore::cli
