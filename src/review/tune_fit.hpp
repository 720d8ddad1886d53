// The numeric core of `tune`, apart from reading files: the training data as rule contributions,
// the searches for decay, points, caps and bounds, and the choice of thresholds. Unit-tested on
// hand-made data (tests/unit/tune_test.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "review/tune_lr.hpp"

namespace leadscore::tune {

// One column of the design: a rule of the model, or a candidate rule for --suggest-rules.
struct Column {
  int group = -1;              // index into Design::groups, -1 for the implicit group
  double points = 0;           // the model's points per unit (0 for a candidate)
  std::optional<double> up_to_units;  // a `per` rule's cap in units (up to / points)
  bool fixed = false;          // from an import: fitted, but its numbers are kept
  bool candidate = false;
};

struct DecayChoice {
  double percent = 0, every_days = 30;
  bool operator==(const DecayChoice&) const = default;
};

struct GroupSpec {
  std::optional<double> min, max;
  std::optional<DecayChoice> decay;   // none: the group does not decay
};

// The leads a fit sees: contributions in units (1 for a fired rule, the `per` amount capped at
// `up to` for a per rule), days since each decaying group's date field (-1: missing, no decay).
struct Design {
  std::vector<Column> columns;
  std::vector<GroupSpec> groups;
  SparseRows units;                   // one row per lead
  std::vector<std::int32_t> days;     // lead-major: days[lead * groups.size() + g]
  std::vector<std::uint8_t> converted;
  std::vector<std::uint8_t> rejected; // rejected leads rank last and are not fitted
  std::optional<double> score_min, score_max;
  std::vector<double> model_score;    // each lead's score under the model as it is (may be empty)

  std::size_t leads() const { return converted.size(); }
};

// The decay factor (1 - P/100)^floor(days / D) of SPEC 3; 1 where the date is missing.
double decay_factor(const std::optional<DecayChoice>& decay, std::int32_t days);

// The rows of `d` (rejected leads left out) with each column scaled by its group's decay, as
// LIBLINEAR sees them; `y` gets the outcomes.
SparseRows decayed_rows(const Design& d, const std::vector<GroupSpec>& groups, std::vector<std::uint8_t>& y);

struct Fitted {
  std::vector<GroupSpec> groups;       // decay chosen; caps as given
  std::vector<std::uint8_t> active;    // columns kept (wrong-sign rules dropped)
  LogisticFit fit;
  double log_likelihood = 0;
  std::vector<std::size_t> sign_dropped;  // rules whose fitted sign disagreed with the model's
};

// The decay grid tried for every decaying group (percent x days; 0% means no decay at all).
std::vector<DecayChoice> decay_grid();

// Fits the columns marked in `active`; rules whose sign disagrees with the model's points are
// dropped (weight 0) and the rest refitted, so no `add` turns into a subtraction.
Fitted fit_signed(const Design& d, const std::vector<GroupSpec>& groups, std::vector<std::uint8_t> active);

// Chooses each decaying group's rate and period from decay_grid() by training log-likelihood,
// one group at a time, then fits with signs kept.
Fitted fit_with_decay(const Design& d, std::vector<std::uint8_t> active);

// For every column, the score test for adding it to `fit`: (sum x (y - p))^2 / sum x^2 p (1 - p)
// (large when the column explains what the fit misses; about chi-squared with 1 degree of freedom).
std::vector<double> score_statistics(const SparseRows& rows, const std::vector<std::uint8_t>& y,
                                     const LogisticFit& fit, std::size_t columns);

// Points per unit from fitted weights, rounded to whole points. The scale keeps the model's own:
// the fitted scores spread as widely (standard deviation over the leads that are not rejected) as
// the model's scores do; without those, the least-squares factor that brings the weights nearest
// the model's points. Either way the largest weight gets at least `min_top` points.
struct Scaled {
  double scale = 0;
  std::vector<double> points;          // per column; 0 for inactive columns
};
Scaled scale_to_points(const Design& d, const Fitted& f, double min_top = 10);

// Scores of every lead of `d` under `points`, `groups` and the score bounds (rejected leads too;
// the caller ranks them last).
std::vector<double> simulate_scores(const Design& d, const std::vector<double>& points,
                                    const std::vector<GroupSpec>& groups, std::optional<double> score_min,
                                    std::optional<double> score_max);

// ROC AUC with rejected leads ranked last, ties counting half.
double ranking_auc(std::span<const double> score, std::span<const std::uint8_t> rejected,
                   std::span<const std::uint8_t> converted);

// Caps and score bounds: for each cap the model has, the value (among the current one, the
// group's reach and quantiles of its totals) that gives the best training AUC; near-ties go to the
// value closest to the current one.
struct Bounds {
  std::vector<GroupSpec> groups;
  std::optional<double> score_min, score_max;
};
Bounds choose_bounds(const Design& d, const std::vector<double>& points, const std::vector<GroupSpec>& groups);

// Thresholds on scores (rejected leads never qualify).
// The lowest whole-number threshold whose precision reaches `precision`; nullopt when none does.
std::optional<double> threshold_for_precision(std::span<const double> score, std::span<const std::uint8_t> rejected,
                                              std::span<const std::uint8_t> converted, double precision);
// The whole-number threshold whose qualified share of all leads is nearest `share`.
double threshold_for_share(std::span<const double> score, std::span<const std::uint8_t> rejected, double share);
// The share of leads at or above `at` and not rejected.
double share_at(std::span<const double> score, std::span<const std::uint8_t> rejected, double at);

}  // namespace leadscore::tune
