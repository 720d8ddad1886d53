// `backtest --format json`: one object; the names are listed in docs/review.md. Rates are fractions
// (0.0371, not 3.71); a figure with no denominator is null.
#include <string>

#include "diagfmt/json_writer.hpp"
#include "leadscore/review.hpp"

namespace leadscore::review {
namespace {

using diagfmt::JsonWriter;

// Objects inside the top one stay on one line each: one tier, threshold, decile or rule a line.
constexpr bool on_one_line = true;

void group(JsonWriter& w, const GroupFigures& g, std::string_view name_key, bool mean_score) {
  w.begin_object(on_one_line).key(name_key).string(g.name);
  w.key("leads").number(g.leads);
  w.key("converted").number(g.converted);
  w.key("rate").decimal(g.rate).key("lift").decimal(g.lift).key("revenue").decimal(g.revenue);
  if (mean_score) w.key("mean_score").decimal(g.mean_score);
  w.end_object();
}

}  // namespace

std::string render_backtest_json(const Backtest& b) {
  JsonWriter w;
  // The figures first, then the tables.
  w.begin_object().key("model").string(b.model_name);
  w.key("records").number(b.records);
  w.key("leads").number(b.leads);
  w.key("converted").number(b.converted);
  w.key("base_rate").decimal(b.base_rate).key("auc").decimal(b.auc);
  w.key("qualify_at").decimal_or_null(b.qualify_at);
  w.key("qualified").number(b.qualified);
  w.key("precision").decimal(b.precision).key("recall").decimal(b.recall).key("revenue").decimal(b.revenue);
  w.key("errors").number(b.errors);
  w.key("without_outcome").number(b.without_outcome);
  w.key("outcomes_without_lead").number(b.outcomes_without_lead);

  w.key("tiers").begin_array();
  for (const GroupFigures& g : b.tiers) group(w, g, "tier", false);
  w.end_array().key("thresholds").begin_array();
  for (const ThresholdFigures& f : b.thresholds) {
    w.begin_object(on_one_line).key("at").decimal(f.at);
    w.key("qualified").number(f.qualified);
    w.key("converted").number(f.converted);
    w.key("precision").decimal(f.precision).key("recall").decimal(f.recall).end_object();
  }
  w.end_array().key("deciles").begin_array();
  for (const GroupFigures& d : b.deciles) {
    w.begin_object(on_one_line);
    w.key("decile").number(std::stoull(d.name));
    w.key("min_score").decimal(d.min_score).key("max_score").decimal(d.max_score);
    w.key("mean_score").decimal(d.mean_score);
    w.key("leads").number(d.leads);
    w.key("converted").number(d.converted);
    w.key("rate").decimal(d.rate).key("lift").decimal(d.lift).end_object();
  }
  w.end_array().key("rules").begin_array();
  for (const RuleFigures& r : b.rules) {
    w.begin_object(on_one_line).key("label").string(r.label);
    w.key("line").number(r.line);
    w.key("points").decimal(r.points);
    w.key("fired").number(r.fired);
    w.key("converted_fired").number(r.converted_fired);
    w.key("rate_fired").decimal(r.rate_fired).key("rate_not_fired").decimal(r.rate_not_fired);
    w.key("lift").decimal(r.lift).key("flag").string_or_null(r.flag).end_object();
  }
  w.end_array();
  if (!b.by_field.empty()) {
    w.key("by").begin_object(on_one_line).key("field").string(b.by_field).key("values").begin_array_on_lines();
    for (const GroupFigures& g : b.by) group(w, g, "value", true);
    w.end_array().end_object();
  }
  w.end_object();
  return w.text();
}

}  // namespace leadscore::review
