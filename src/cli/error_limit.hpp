// `score --max-errors N|P%`: how many error records a run may have before it fails (exit 1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "leadscore/leadscore.hpp"

namespace leadscore::cli {

// The limit is kept as the decimal the user wrote (digits / 10^decimals) so that a run exactly at
// it passes whatever the numbers: 0.29% of 10,000 records is 29 errors, not 28.999999999999996.
struct ErrorLimit {
  std::uint64_t digits = 0;
  int decimals = 0;      // only for a percentage, at most 6
  bool percent = false;
  std::string text;      // as the user wrote it, for the message
};

// "10" (a count) or "2.5%" (0 to 100 percent of the records); nullopt for anything else.
std::optional<ErrorLimit> parse_error_limit(std::string_view text);
// Empty when the run is within the limit (errors equal to it pass); else the message:
// "12 errors exceed --max-errors 10", "12 errors (35.3% of 34 records) exceed --max-errors 5%".
std::string error_limit_exceeded(const ErrorLimit& limit, const ScoreStats& stats);

}  // namespace leadscore::cli
