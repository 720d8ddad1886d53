// `leadscore diff`: what a change to a model does. Two checked models are compared rule by rule
// (the model's changes), then both are run over the same leads (the leads' changes), optionally
// with each model's backtest figures against sales outcomes. Rendering to text, JSON, Markdown for
// a pull request and HTML lives here too; the CLI only prints. docs/review.md describes it all.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/date.hpp"
#include "leadscore/io.hpp"
#include "leadscore/program.hpp"
#include "leadscore/source.hpp"

namespace leadscore {

namespace review {
class OutcomeTable;
}

// ---- The model's changes ------------------------------------------------------------------------

enum class ModelChangeKind : std::uint8_t {
  RuleAdded, RuleRemoved,
  PointsChanged,      // points, `per` or `up to`
  ConditionChanged,   // a different condition by its canonical form (a changed `let` counts)
  GroupChanged,       // moved to another group
  LabelChanged,       // matched by condition, with another `as` label
  RejectAdded, RejectRemoved, RejectChanged,
  GroupAdded, GroupRemoved,
  CapChanged,         // a group's min or max
  DecayChanged,
  QualifyChanged, ScoreBoundsChanged,
  TierAdded, TierRemoved, TierChanged,
};

// `rule_added`, `points_changed`, ...: the names in JSON output and the docs.
std::string_view change_kind_name(ModelChangeKind kind);

struct ModelChange {
  ModelChangeKind kind = ModelChangeKind::RuleAdded;
  std::string label;         // the rule's label, the reject's reason, a group or tier name,
                             // `qualify at` or `score`
  std::uint32_t old_line = 0, new_line = 0;  // 1-based lines in each model; 0: not in that model
  std::string old_text, new_text;            // what it was and is: `add 20`, `max 40`, `fit`
};

// One model of the two: its syntax tree (after the checker), compiled program, and the sources its
// spans point into.
struct ModelSide {
  const ast::Model& model;
  const Program& program;
  const SourceManager& sources;
};

// The changes from `old_model` to `new_model`, rules first (in the new model's order, removed ones
// where they were), then rejects, groups, score bounds, qualify threshold and tiers. Rules are
// matched by label, then the rest by condition (canonical form); likewise rejects by reason, then
// condition; groups and tiers by name.
std::vector<ModelChange> diff_models(const ModelSide& old_model, const ModelSide& new_model);

// Whether two schemas read records identically (same fields, types, members, key, required): then
// each record is read once and both models run on it.
bool same_schema(const Schema& a, const Schema& b);

// ---- The leads' changes -------------------------------------------------------------------------

// How one lead came out under one model.
struct LeadResult {
  RowStatus status = RowStatus::Ok;
  double score = 0;
  bool qualified = false;
  std::string tier;                  // a tier name, `(rejected)`, `(no tier)` or `(error)`
  std::vector<std::string> fired;    // labels of the rules that fired, in source order
};

struct LeadMove {
  std::string key;
  std::uint64_t line = 0;            // input line of the record
  LeadResult before, after;
  double shift() const { return after.score - before.score; }
};

struct TierMove {
  std::string from, to;
  std::uint64_t leads = 0;
};

// One bar of the score-shift histogram (new score - old score). The bars, from the largest drop to
// the largest rise: `-20 or more` (s <= -20), `-10 to -20` (-20 < s <= -10), `-5 to -10`,
// `under -5` (-5 < s < 0), `unchanged` (s == 0), `under +5` (0 < s < 5), `+5 to +10` (5 <= s < 10),
// `+10 to +20`, `+20 or more` (s >= 20).
struct ShiftBucket {
  std::string label;
  std::uint64_t leads = 0;
};

// One model's figures against sales outcomes, defined as for `leadscore backtest`: leads with an
// outcome, error records left out; a rate with nothing to divide by is NaN.
struct DiffBacktest {
  std::uint64_t leads = 0;
  std::uint64_t converted = 0;
  std::uint64_t qualified = 0;
  double auc = 0, precision = 0, recall = 0;
};

struct LeadDiff {
  std::uint64_t records = 0;         // records read
  std::uint64_t errors = 0;          // error records under either model: left out of every figure
  std::uint64_t leads = 0;           // records - errors: every figure below counts these
  std::uint64_t moved = 0;           // score, tier, qualification or status changed
  std::uint64_t score_changed = 0, up = 0, down = 0;
  std::uint64_t newly_qualified = 0, no_longer_qualified = 0;
  std::uint64_t tier_changed = 0;
  std::uint64_t newly_rejected = 0, no_longer_rejected = 0;
  double mean_shift = 0, min_shift = 0, max_shift = 0;  // over `leads`; 0 when there are none
  // The tier matrix: rows are the old model's tiers, columns the new one's, in model order, then
  // `(rejected)` and `(no tier)` where they occur. matrix[row][column] counts leads.
  std::vector<std::string> old_tiers, new_tiers;
  std::vector<std::vector<std::uint64_t>> matrix;
  std::vector<TierMove> tier_moves;  // the matrix's non-zero cells, row by row
  std::vector<ShiftBucket> shift;    // from the largest drop to the largest rise
  std::vector<LeadMove> top;         // the leads that moved most (see LeadDiffOptions::top)
  // With outcomes only: each model's figures, and the leads left out of them for want of one.
  std::optional<DiffBacktest> old_backtest, new_backtest;
  std::uint64_t without_outcome = 0;
  std::string read_error;            // the input could not be read to its end
};

struct LeadDiffOptions {
  Day as_of = 0;
  std::size_t top = 10;              // how many movers to keep; 0 keeps every lead that moved
  // With outcomes (review::read_outcomes), both models' backtest figures are worked out in the
  // same pass, by the definitions `leadscore backtest` uses.
  const review::OutcomeTable* outcomes = nullptr;
};

// Runs both programs over every record. With `new_reader` null, both models read the same schema:
// each record is read once from `old_reader` and both VMs run on it. Otherwise the two readers read
// the same input in step.
LeadDiff diff_leads(const Program& old_program, const Program& new_program, RecordReader& old_reader,
                    RecordReader* new_reader, const LeadDiffOptions& options);

// ---- --fail-on ----------------------------------------------------------------------------------

enum class FailMetric : std::uint8_t {
  QualifiedChange,  // share of leads whose qualification flips
  TierChange,       // share of leads whose tier changes
  AucDrop,          // old AUC - new AUC (needs outcomes)
};

struct FailCondition {
  FailMetric metric = FailMetric::QualifiedChange;
  double threshold = 0;   // a share as a fraction (5% is 0.05), or an AUC difference
  std::string text;       // as written, e.g. `qualified-change>5%`
};

struct FailOnParse {
  std::vector<FailCondition> conditions;
  std::string error;      // non-empty: the option is malformed (a usage error)
};

// `NAME>VALUE[,NAME>VALUE...]`; shares are written `5%` or `0.05`.
FailOnParse parse_fail_on(std::string_view text);

struct FailResult {
  FailCondition condition;
  double value = 0;       // what was measured, in the threshold's unit
  bool held = false;      // value > threshold (strictly)
};

// ---- The whole report and its renderings --------------------------------------------------------

struct DiffReport {
  std::string old_name, new_name;    // the models' paths as given
  Day as_of = 0;
  std::vector<ModelChange> model_changes;
  LeadDiff leads;
  std::vector<FailResult> fail_on;
};

// Evaluates every condition against the report (and stores the results in it). AucDrop without
// backtests does not hold; the CLI refuses it before the run.
void evaluate_fail_on(DiffReport& report, const std::vector<FailCondition>& conditions);
bool any_failed(const DiffReport& report);
// `qualified-change>5% holds: 7.5% of leads change qualification` (or `does not hold: ...`).
std::string fail_on_message(const FailResult& result);

std::string render_diff_text(const DiffReport& report);
std::string render_diff_json(const DiffReport& report);
// Markdown for a pull-request comment: tables, at most about 60 lines.
std::string render_diff_github(const DiffReport& report);
// One self-contained HTML page (inline CSS and SVG, nothing fetched, no script).
std::string render_diff_html(const DiffReport& report);

}  // namespace leadscore
