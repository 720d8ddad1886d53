// `leadscore tune`: new numbers for a model, fitted to what sales closed. A regularised logistic
// regression (LIBLINEAR) on what each rule contributes gives the points; decay and caps are chosen
// by a small search on the training part; thresholds meet a target on the training part. The result
// is the model's own text with only its numbers changed (and, when asked, suggested rules added), so
// a pull request shows a small diff. docs/review.md ("## tune") describes the method. Nothing here
// prints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/date.hpp"
#include "leadscore/io.hpp"
#include "leadscore/leadscore.hpp"
#include "leadscore/source.hpp"

namespace leadscore {

// ---- Rewriting a model's numbers in place ----------------------------------------------------

// What a number literal of a model sets.
enum class NumberRole : std::uint8_t {
  RulePoints,    // `add N` / `subtract N` (the value is negative for subtract)
  RuleUpTo,      // `per ... up to M`
  GroupMin,
  GroupMax,
  DecayPercent,  // `decay P% ...`
  DecayDays,     // `... every D days ...`
  ScoreMin,
  ScoreMax,
  QualifyAt,
  TierAt,
};

struct NumberSlot {
  NumberRole role = NumberRole::RulePoints;
  int index = 0;       // rule, group or tier index in the ast::Model; 0 for score and qualify lines
  Span span;           // the literal's bytes, a leading '-' included
  double value = 0;    // as the model says it (for RulePoints: negative for `subtract`)
  bool negated = false;  // the literal is the negation of `value` (the number after `subtract`)
};

// Every number `tune` may change that is written in the model's own file (not in an import), in
// text order. `text` is that file's text.
std::vector<NumberSlot> number_slots(const ast::Model& model, std::string_view text);

// A new value for one slot. For RulePoints the value is the points as added (negative for
// `subtract`); the literal written after `subtract` is its magnitude.
struct NumberEdit {
  NumberSlot slot;
  double value = 0;
};

// Text inserted before byte `at` (e.g. a suggested rule with its comment).
struct TextInsertion {
  std::uint32_t at = 0;
  std::string text;
};

// `text` with each edited literal replaced by the new value (integral values without a decimal
// point) and the insertions made; every other byte is kept.
std::string rewrite_model_text(std::string_view text, const std::vector<NumberEdit>& edits,
                               const std::vector<TextInsertion>& insertions = {});

// ---- Tuning ----------------------------------------------------------------------------------

struct TuneTarget {
  enum class Kind : std::uint8_t { KeepShare, Precision, Qualified };
  Kind kind = Kind::KeepShare;  // default: qualify as large a share as the model does today
  double value = 0;             // Precision: 0..1; Qualified: share 0..1
};

struct TuneOptions {
  double holdout = 0.3;         // share of leads held out for judging, chosen by key hash
  std::uint64_t seed = 1;       // mixes into that hash
  TuneTarget target;
  bool suggest_rules = false;
  Day as_of = 0;
};

struct TuneInput {
  std::string model_path;       // the model; its schema and imports are found relative to it
  std::string leads_path;       // read twice, so a file, not a pipe
  RecordFormat leads_format = RecordFormat::Csv;
  ReadOptions leads_read;       // --delimiter; the outcome file's is detected
  std::string outcomes_path;
};

// Ranking figures of one model on a set of leads (rejected leads rank below all others).
struct TuneMetrics {
  std::uint64_t leads = 0, converted = 0, qualified = 0, qualified_converted = 0;
  double auc = 0, precision = 0, recall = 0;
};

// One number that changed, for the report.
struct TuneChange {
  NumberRole role = NumberRole::RulePoints;
  std::string what;             // e.g. "rule 'Senior title' points", "group 'fit' max"
  std::uint32_t line = 0;
  double before = 0, after = 0;
};

struct TuneSuggestion {
  std::string rule;             // the rule's text as inserted
  std::string group;            // empty: ungrouped
  std::uint64_t leads = 0, converted = 0;  // on the training part
  double rate = 0, lift = 0;
};

struct TuneResult {
  bool ok = false;
  std::string error;            // when !ok: what stopped the run (unreadable input, no outcomes, ...)
  std::vector<std::string> warnings;
  std::vector<std::string> ignored_columns;  // the leads' header names that are no field's

  std::string tuned_text;       // the model's text with the new numbers
  std::vector<TuneChange> changes;
  std::vector<TuneSuggestion> suggestions;
  std::vector<std::string> notes;  // e.g. rules whose sign the outcomes disagree with

  // Counts over the input.
  std::uint64_t records = 0, errors = 0, without_outcome = 0, outcomes_without_lead = 0;
  std::uint64_t training = 0, holdout = 0;   // included leads in each part
  bool error_is_usage = false;   // when !ok: bad input or options (exit 2) rather than a model problem
  TuneMetrics before_train, after_train, before_holdout, after_holdout;
  std::string target;           // what `qualify at` was chosen for, in words
  bool target_reached = true;
  std::string decay;            // the decay chosen, in words, per decaying group
};

// Runs the whole fit. The model's problems go into `session` (then `error` says the model has
// errors); the tuned text passes `check` with no errors whenever `ok` is set.
TuneResult tune_model(Session& session, const TuneInput& input, const TuneOptions& options);

// The tune report as text (for stderr) or as one JSON object.
std::string render_tune_text(const TuneResult& r);
std::string render_tune_json(const TuneResult& r);

}  // namespace leadscore
