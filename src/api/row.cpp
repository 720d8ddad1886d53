// From a VM outcome to an output row: names and labels come from the program.
#include "leadscore/leadscore.hpp"

namespace leadscore {

ScoredRow make_row(const Program& program, const Record& record, const Outcome& outcome,
                   std::vector<std::string_view>& labels, bool explain) {
  ScoredRow row;
  row.key = record.key;
  row.status = outcome.status;
  labels.clear();
  if (outcome.status == RowStatus::Error) {
    row.reason = record.error;
    return row;
  }
  row.score = outcome.score;
  row.qualified = outcome.qualified;
  if (outcome.tier >= 0) row.tier = program.tiers[static_cast<std::size_t>(outcome.tier)].name;
  if (outcome.reject >= 0) row.reason = program.rejects[static_cast<std::size_t>(outcome.reject)].reason;
  // Named groups come first in Program::groups; the implicit group, if any, is last.
  std::size_t named = program.groups.size();
  if (named > 0 && program.groups.back().name.empty()) --named;
  row.groups = outcome.groups.first(named);
  if (explain) {
    for (auto r : outcome.fired) labels.push_back(program.rules[r].label);
    row.fired = labels;
  }
  return row;
}

}  // namespace leadscore
