// One lead's breakdown: every rule fired or not with the points it added, each group's total before
// decay, after decay and after its caps, every reject clause held or not, and the final score, tier
// and qualification. `leadscore explain` and the failures of `leadscore test` show it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/date.hpp"
#include "leadscore/io.hpp"
#include "leadscore/program.hpp"
#include "leadscore/record.hpp"
#include "leadscore/source.hpp"
#include "leadscore/vm.hpp"

namespace leadscore {

// Where a rule, group or reject clause was written: its file and 1-based line.
struct SourceLine {
  std::string path;
  std::uint32_t line = 0;
};

struct RuleExplanation {
  std::string label;
  std::string group;        // empty: the implicit group of ungrouped rules
  SourceLine source;
  bool fired = false;
  double points = 0;        // what the rule added (for `per` rules, the amount actually added); 0 if not fired
};

struct GroupExplanation {
  std::string name;         // empty: the implicit group of ungrouped rules
  SourceLine source;        // no line for the implicit group
  double raw = 0;           // sum of its fired rules
  double decayed = 0;       // after decay, before the caps
  double total = 0;         // after the caps: what counts towards the score
  std::optional<double> min, max;
  // Decay, as the VM applies it: raw * base^steps, steps = floor(days / every).
  bool decays = false;
  std::string decay_field;
  bool decay_date_present = false;  // without the date nothing decays
  double decay_base = 1;
  double decay_every = 1;
  double decay_days = 0;    // days from the date to the as-of day, never below 0
  double decay_steps = 0;
  double decay_factor = 1;
};

struct RejectExplanation {
  std::string reason;
  SourceLine source;
  bool held = false;
};

struct Explanation {
  std::string key;
  std::uint64_t line = 0;   // input line of the record; 0 for a test's lead
  Day as_of = 0;
  RowStatus status = RowStatus::Ok;
  std::string error;        // an error record's message; nothing else is filled then
  std::vector<RuleExplanation> rules;     // every scoring rule, in source order
  std::vector<GroupExplanation> groups;   // named groups in source order, then the implicit one
  std::vector<RejectExplanation> rejects; // every reject clause, in source order
  std::string reject_reason;              // the first clause that held gives it; empty if none
  double sum = 0;           // the group totals added up, before the score's clamp
  double score = 0;
  std::optional<double> score_min, score_max;
  bool qualified = false;
  std::optional<double> qualify_at;
  std::string tier;         // empty: no tier (always for a rejected lead)
};

// Explains records scored by one program. Builds, once, a second program that tells which reject
// clauses hold: the VM reports only the first one (the reason), an explanation needs them all.
class Explainer {
 public:
  // `model` is the checked tree `program` was compiled from; `sources` names files and lines.
  // All three must outlive the explainer.
  Explainer(const Program& program, const SourceManager& sources);
  ~Explainer();
  Explainer(const Explainer&) = delete;
  Explainer& operator=(const Explainer&) = delete;

  Explanation explain(const Record& record, Day as_of);

 private:
  const Program& program_;
  const SourceManager& sources_;
  std::unique_ptr<Vm> vm_;
};

// The breakdown as text for people: aligned tables of rules, groups and rejects, then the score,
// tier and qualification. Every line starts with `indent`; `model_path` is left out of rule lines
// (only rules from other files name their file). `decimals` (explain --round N, 0 to 15; -1: as
// computed) rounds the lead's figures with round_decimals: rule points, group raw, decayed and
// total, the sum and the score; the model's own numbers (caps, decay, qualify at) are shown as written.
std::string render_explanation_text(const Explanation& e, std::string_view model_path,
                                    std::string_view indent = "", int decimals = -1);
// The breakdown as one JSON object (docs/testing.md gives its shape); `decimals` as above.
std::string render_explanation_json(const Explanation& e, int decimals = -1);

}  // namespace leadscore
