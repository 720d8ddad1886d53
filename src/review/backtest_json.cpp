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

void count(JsonWriter& w, std::string_view name, std::uint64_t n) {
  w.key(name).number(n);
}

void group(JsonWriter& w, const GroupFigures& g, std::string_view name_key, bool mean_score) {
  w.begin_object(on_one_line).key(name_key).string(g.name);
  count(w, "leads", g.leads);
  count(w, "converted", g.converted);
  w.key("rate").decimal(g.rate).key("lift").decimal(g.lift).key("revenue").decimal(g.revenue);
  if (mean_score) w.key("mean_score").decimal(g.mean_score);
  w.end_object();
}

}  // namespace

std::string render_backtest_json(const Backtest& b) {
  JsonWriter w;
  // The figures first, then the tables.
  w.begin_object().key("model").string(b.model_name);
  count(w, "records", b.records);
  count(w, "leads", b.leads);
  count(w, "converted", b.converted);
  w.key("base_rate").decimal(b.base_rate).key("auc").decimal(b.auc);
  w.key("qualify_at").decimal_or_null(b.qualify_at);
  count(w, "qualified", b.qualified);
  w.key("precision").decimal(b.precision).key("recall").decimal(b.recall).key("revenue").decimal(b.revenue);
  count(w, "errors", b.errors);
  count(w, "without_outcome", b.without_outcome);
  count(w, "outcomes_without_lead", b.outcomes_without_lead);

  w.key("tiers").begin_array();
  for (const GroupFigures& g : b.tiers) group(w, g, "tier", false);
  w.end_array().key("thresholds").begin_array();
  for (const ThresholdFigures& f : b.thresholds) {
    w.begin_object(on_one_line).key("at").decimal(f.at);
    count(w, "qualified", f.qualified);
    count(w, "converted", f.converted);
    w.key("precision").decimal(f.precision).key("recall").decimal(f.recall).end_object();
  }
  w.end_array().key("deciles").begin_array();
  for (const GroupFigures& d : b.deciles) {
    w.begin_object(on_one_line);
    count(w, "decile", std::stoull(d.name));
    w.key("min_score").decimal(d.min_score).key("max_score").decimal(d.max_score);
    w.key("mean_score").decimal(d.mean_score);
    count(w, "leads", d.leads);
    count(w, "converted", d.converted);
    w.key("rate").decimal(d.rate).key("lift").decimal(d.lift).end_object();
  }
  w.end_array().key("rules").begin_array();
  for (const RuleFigures& r : b.rules) {
    w.begin_object(on_one_line).key("label").string(r.label);
    count(w, "line", r.line);
    w.key("points").decimal(r.points);
    count(w, "fired", r.fired);
    count(w, "converted_fired", r.converted_fired);
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
