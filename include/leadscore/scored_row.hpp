// Scored rows: what scoring a record hands to a ResultWriter (io.hpp) and the output's column
// layout. Built from a VM outcome by make_row (leadscore.hpp).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/record.hpp"

namespace leadscore {

// Column layout of the output: key, score, qualified, tier, status, reason, one column per named
// group, and `fired` when explaining.
struct OutputColumns {
  std::string key_name;
  std::vector<std::string> group_names;
  bool explain = false;
  // score --round N: the score and group cells are written rounded to N decimals (round_decimals);
  // -1: as computed. Only the text changes: qualification and tiers were decided on the score.
  int round_decimals = -1;
};

struct ScoredRow {
  std::string_view key;
  RowStatus status = RowStatus::Ok;
  double score = 0;                  // unused for Error
  bool qualified = false;
  std::string_view tier;             // empty: no tier
  std::string_view reason;           // reject reason or error message
  std::span<const double> groups;    // one per OutputColumns::group_names; unused for Error
  std::span<const std::string_view> fired;  // labels, when explaining
};

}  // namespace leadscore
