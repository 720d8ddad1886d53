// The backtest figures (docs/review.md "Definitions"). Every figure counts the same leads: scored
// (not error records), with an outcome, and inside the caller's `include` mask when one is given.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "leadscore/review.hpp"

namespace leadscore::review {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double ratio(double a, double b) { return b == 0 ? nan : a / b; }

// The ranking key: rejected leads below every other lead, then by score. Higher ranks better.
struct RankKey {
  bool kept;  // not rejected
  double score;
  bool operator<(const RankKey& o) const { return kept != o.kept ? !kept : score < o.score; }
  bool operator==(const RankKey& o) const { return kept == o.kept && score == o.score; }
};

struct Ranked {
  RankKey key;
  bool converted;
};

// Sorts best first and walks the groups of tied leads; `visit(positives, negatives)` per group.
template <typename Visit>
void walk_tie_groups(std::vector<Ranked>& leads, Visit visit) {
  std::sort(leads.begin(), leads.end(),
            [](const Ranked& a, const Ranked& b) { return b.key < a.key; });
  for (std::size_t i = 0; i < leads.size();) {
    std::uint64_t pos = 0, neg = 0;
    std::size_t j = i;
    for (; j < leads.size() && leads[j].key == leads[i].key; ++j) (leads[j].converted ? pos : neg) += 1;
    visit(pos, neg);
    i = j;
  }
}

// AUC from tie groups walked best first: each converted lead beats every non-converted lead in a
// later group and ties half of those in its own. Counted as whole numbers of half-pairs, so exact.
double auc_of(std::vector<Ranked>& leads, std::vector<RocPoint>* roc) {
  std::uint64_t positives = 0, negatives = 0;
  for (const Ranked& r : leads) (r.converted ? positives : negatives) += 1;
  if (positives == 0 || negatives == 0) {
    if (roc) *roc = {{0, 0}, {1, 1}};
    return nan;
  }
  // Walking best first: a group's positives beat the negatives still below, i.e. not yet seen.
  std::uint64_t half_pairs = 0, neg_seen = 0, pos_seen = 0;
  if (roc) roc->assign(1, RocPoint{0, 0});
  walk_tie_groups(leads, [&](std::uint64_t pos, std::uint64_t neg) {
    half_pairs += 2 * pos * (negatives - neg_seen - neg) + pos * neg;
    neg_seen += neg;
    pos_seen += pos;
    if (roc) {
      const RocPoint p{static_cast<double>(neg_seen) / static_cast<double>(negatives),
                       static_cast<double>(pos_seen) / static_cast<double>(positives)};
      // About 200 points are enough to draw the curve: keep a point once it moved 1/200 away.
      const RocPoint& last = roc->back();
      if (std::max(p.fpr - last.fpr, p.tpr - last.tpr) >= 0.005 || (p.fpr == 1 && p.tpr == 1))
        roc->push_back(p);
    }
  });
  if (roc && (roc->back().fpr != 1 || roc->back().tpr != 1)) roc->push_back({1, 1});
  return static_cast<double>(half_pairs) / (2.0 * static_cast<double>(positives) *
                                            static_cast<double>(negatives));
}

double lift_of(std::uint64_t converted, std::uint64_t leads, std::uint64_t base_converted,
               std::uint64_t base_leads) {
  if (leads == 0 || base_converted == 0) return nan;
  return (static_cast<double>(converted) * static_cast<double>(base_leads)) /
         (static_cast<double>(leads) * static_cast<double>(base_converted));
}

struct Tally {
  std::uint64_t leads = 0, converted = 0;
  double revenue = 0, score_sum = 0;
  double min_score = std::numeric_limits<double>::infinity();
  double max_score = -std::numeric_limits<double>::infinity();
  void add(double score, bool conv, double deal_value) {
    ++leads;
    converted += conv ? 1 : 0;
    revenue += conv ? deal_value : 0;
    score_sum += score;
    min_score = std::min(min_score, score);
    max_score = std::max(max_score, score);
  }
  // Lift as converted * N / (leads * C) rather than rate / base rate: one rounding, not three, so
  // that e.g. 3 of 10 against 14 of 35 is 0.75 exactly.
  GroupFigures figures(std::string name, std::uint64_t base_converted, std::uint64_t base_leads) const {
    GroupFigures g;
    g.name = std::move(name);
    g.leads = leads;
    g.converted = converted;
    g.rate = ratio(static_cast<double>(converted), static_cast<double>(leads));
    g.lift = lift_of(converted, leads, base_converted, base_leads);
    g.revenue = revenue;
    g.mean_score = ratio(score_sum, static_cast<double>(leads));
    g.min_score = leads ? min_score : nan;
    g.max_score = leads ? max_score : nan;
    return g;
  }
};

// The `qualify at` values of the threshold table: 10, 20, ... up to `top`; a wider round step
// (still a multiple of 10) when that would make more than max_rows rows.
std::vector<double> threshold_values(double top) {
  constexpr double max_rows = 30;
  double step = 10;
  if (std::isfinite(top) && top / step > max_rows) step = 10 * std::ceil(top / 10 / max_rows);
  std::vector<double> at;
  for (int k = 1; k <= max_rows && (k == 1 || k * step <= top + 1e-9); ++k) at.push_back(k * step);
  return at;
}

}  // namespace

double roc_auc(std::span<const double> score, std::span<const std::uint8_t> rejected,
               std::span<const std::uint8_t> converted, std::span<const std::uint8_t> include) {
  std::vector<Ranked> leads;
  leads.reserve(score.size());
  for (std::size_t i = 0; i < score.size(); ++i) {
    if (!include.empty() && !include[i]) continue;
    const bool rej = !rejected.empty() && rejected[i];
    leads.push_back({{!rej, score[i]}, converted[i] != 0});
  }
  return auc_of(leads, nullptr);
}

std::vector<std::uint32_t> ranking(const LeadData& data, std::span<const std::uint8_t> include) {
  std::vector<std::uint32_t> order;
  order.reserve(data.size());
  for (std::size_t i = 0; i < data.size(); ++i)
    if (data.included(i) && (include.empty() || include[i])) order.push_back(static_cast<std::uint32_t>(i));
  auto key = [&data](std::uint32_t i) {
    return RankKey{data.status[i] != RowStatus::Rejected, data.score[i]};
  };
  std::stable_sort(order.begin(), order.end(),
                   [&key](std::uint32_t a, std::uint32_t b) { return key(b) < key(a); });
  return order;
}

Backtest compute_backtest(const Program& program, const LeadData& data,
                          const SourceManager* sources, std::string_view by_field,
                          std::span<const std::uint8_t> include) {
  Backtest b;
  b.model_name = program.display_name;
  b.records = data.size();
  b.errors = data.errors;
  b.without_outcome = data.without_outcome;
  b.outcomes_without_lead = data.outcomes_without_lead;
  b.qualify_at = program.qualify_at;
  b.by_field = by_field;

  const std::size_t tier_count = program.tiers.size();
  std::vector<Tally> tiers(tier_count + 2);  // the tiers, "(none)", "(rejected)"
  std::vector<Tally> by(data.by_names.size());
  std::vector<std::uint64_t> rule_fired(program.rules.size(), 0), rule_converted(program.rules.size(), 0);
  std::vector<Ranked> ranked;
  ranked.reserve(data.size());
  std::uint64_t qualified_converted = 0;
  double top_seen = -std::numeric_limits<double>::infinity();
  double low_seen = std::numeric_limits<double>::infinity();

  for (std::size_t i = 0; i < data.size(); ++i) {
    if (!data.included(i) || (!include.empty() && !include[i])) continue;
    const bool conv = data.converted[i] != 0;
    const bool rejected = data.status[i] == RowStatus::Rejected;
    const double score = data.score[i];
    ++b.leads;
    b.converted += conv ? 1 : 0;
    b.revenue += conv ? data.deal_value[i] : 0;
    b.qualified += data.qualified[i];
    qualified_converted += data.qualified[i] && conv ? 1 : 0;
    const std::size_t t = rejected ? tier_count + 1 : data.tier[i] < 0 ? tier_count : static_cast<std::size_t>(data.tier[i]);
    tiers[t].add(score, conv, data.deal_value[i]);
    if (!by.empty()) by[data.by_value[i]].add(score, conv, data.deal_value[i]);
    for (const std::uint32_t r : data.fired(i)) {
      ++rule_fired[r];
      rule_converted[r] += conv ? 1 : 0;
    }
    ranked.push_back({{!rejected, score}, conv});
    if (!rejected) top_seen = std::max(top_seen, score);
    low_seen = std::min(low_seen, score);
  }

  b.base_rate = ratio(static_cast<double>(b.converted), static_cast<double>(b.leads));
  b.precision = ratio(static_cast<double>(qualified_converted), static_cast<double>(b.qualified));
  b.recall = ratio(static_cast<double>(qualified_converted), static_cast<double>(b.converted));

  // Histogram over every counted lead's score (rejected leads keep theirs).
  if (b.leads > 0) {
    double high_seen = low_seen;
    for (const Ranked& r : ranked) high_seen = std::max(high_seen, r.key.score);
    // Scores are clamped into the model's range, so its bounds (when given) frame every score.
    const double lo = program.score_min ? *program.score_min : low_seen;
    double hi = program.score_max ? *program.score_max : high_seen;
    if (hi <= lo) hi = lo + 1;
    constexpr int bins = 20;
    b.histogram.resize(bins);
    for (int k = 0; k < bins; ++k) {
      b.histogram[k].from = lo + (hi - lo) * k / bins;
      b.histogram[k].to = lo + (hi - lo) * (k + 1) / bins;
    }
    for (const Ranked& r : ranked) {
      int k = static_cast<int>(std::floor((r.key.score - lo) / (hi - lo) * bins));
      k = std::clamp(k, 0, bins - 1);
      (r.converted ? b.histogram[k].converted : b.histogram[k].not_converted) += 1;
    }
  }

  b.auc = auc_of(ranked, &b.roc);

  for (std::size_t t = 0; t < tier_count; ++t) b.tiers.push_back(tiers[t].figures(program.tiers[t].name, b.converted, b.leads));
  if (tiers[tier_count].leads > 0) b.tiers.push_back(tiers[tier_count].figures("(none)", b.converted, b.leads));
  if (tiers[tier_count + 1].leads > 0) b.tiers.push_back(tiers[tier_count + 1].figures("(rejected)", b.converted, b.leads));

  // Threshold table: what `qualify at t` would give (qualified = not rejected and score >= t).
  // `ranked` is sorted best first now, so the qualified set at t is a prefix of it.
  const double top = program.score_max ? *program.score_max : (std::isfinite(top_seen) ? top_seen : 0);
  for (const double at : threshold_values(top)) {
    ThresholdFigures f;
    f.at = at;
    for (const Ranked& r : ranked) {
      if (!r.key.kept || r.key.score < at) break;
      ++f.qualified;
      f.converted += r.converted ? 1 : 0;
    }
    f.precision = ratio(static_cast<double>(f.converted), static_cast<double>(f.qualified));
    f.recall = ratio(static_cast<double>(f.converted), static_cast<double>(b.converted));
    b.thresholds.push_back(f);
  }

  // Deciles by rank: decile d holds ranks [n*d/10, n*(d+1)/10), ties in input order.
  const std::vector<std::uint32_t> order = ranking(data, include);
  const std::size_t n = order.size();
  for (std::size_t d = 0; d < 10; ++d) {
    Tally tally;
    for (std::size_t k = n * d / 10; k < n * (d + 1) / 10; ++k)
      tally.add(data.score[order[k]], data.converted[order[k]] != 0, data.deal_value[order[k]]);
    if (tally.leads > 0) b.deciles.push_back(tally.figures(std::to_string(d + 1), b.converted, b.leads));
  }

  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    const RuleInfo& info = program.rules[r];
    RuleFigures f;
    f.label = info.label;
    if (sources && info.span.file != 0 && info.span.file < sources->size())
      f.line = sources->file(info.span.file).line_col(info.span.begin).line;
    f.points = info.points;
    f.fired = rule_fired[r];
    f.converted_fired = rule_converted[r];
    f.not_fired = b.leads - f.fired;
    f.converted_not_fired = b.converted - f.converted_fired;
    f.rate_fired = ratio(static_cast<double>(f.converted_fired), static_cast<double>(f.fired));
    f.rate_not_fired = ratio(static_cast<double>(f.converted_not_fired), static_cast<double>(f.not_fired));
    f.lift = lift_of(f.converted_fired, f.fired, b.converted, b.leads);
    if (f.fired < RuleFigures::rare_min_fired || f.converted_fired < RuleFigures::rare_min_converted)
      f.flag = "rare";
    else if ((f.points > 0 && f.rate_fired < f.rate_not_fired) || (f.points < 0 && f.rate_fired > f.rate_not_fired))
      f.flag = "sign";
    b.rules.push_back(std::move(f));
  }

  if (!by.empty()) {
    // Enum members and bools in their own order; other values most leads first. "(missing)" last.
    const int f = program.schema.find(by_field);
    const bool declared_order = f >= 0 && (program.schema.fields[static_cast<std::size_t>(f)].type == FieldType::Enum ||
                                           program.schema.fields[static_cast<std::size_t>(f)].type == FieldType::Bool);
    std::vector<std::uint32_t> ids(by.size());
    std::iota(ids.begin(), ids.end(), 0);
    auto missing = [&data](std::uint32_t id) { return data.by_names[id] == "(missing)"; };
    std::stable_sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t x) {
      if (missing(a) != missing(x)) return missing(x);
      if (declared_order) return a < x;
      if (by[a].leads != by[x].leads) return by[a].leads > by[x].leads;
      return data.by_names[a] < data.by_names[x];
    });
    for (const std::uint32_t id : ids)
      if (by[id].leads > 0) b.by.push_back(by[id].figures(data.by_names[id], b.converted, b.leads));
  }
  return b;
}

}  // namespace leadscore::review
