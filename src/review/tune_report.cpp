// The tune report: what changed and what it does to the ranking, before and after, on the
// held-out part (and the training part, for comparison).
#include <cmath>

#include <fmt/format.h>

#include "diagfmt/json_writer.hpp"
#include "leadscore/tune.hpp"

namespace leadscore {

namespace {

std::string figure(double x, int digits) {
  return std::isnan(x) ? std::string("-") : fmt::format("{:.{}f}", x, digits);
}

std::string metrics_line(std::string_view name, const TuneMetrics& m) {
  return fmt::format("  {:<20} {:>6} {:>9} {:>9} {:>7} {:>9}\n", name, figure(m.auc, 3), figure(m.precision, 3),
                     figure(m.recall, 3), m.qualified, m.leads);
}

using diagfmt::JsonWriter;

void json_metrics(JsonWriter& w, std::string_view name, const TuneMetrics& m) {
  w.key(name).begin_object();
  w.key("leads").number(m.leads).key("converted").number(m.converted);
  w.key("qualified").number(m.qualified);
  w.key("auc").decimal(m.auc).key("precision").decimal(m.precision).key("recall").decimal(m.recall);
  w.end_object();
}

}  // namespace

std::string render_tune_text(const TuneResult& r) {
  std::string out;
  out += fmt::format("tune: {} records, {} error records, {} leads without an outcome, {} outcomes without a lead\n",
                     r.records, r.errors, r.without_outcome, r.outcomes_without_lead);
  out += fmt::format("fitted on {} training leads; judged on {} held-out leads\n\n", r.training, r.holdout);
  out += fmt::format("  {:<20} {:>6} {:>9} {:>9} {:>7} {:>9}\n", "", "AUC", "precision", "recall", "qualif.", "leads");
  if (r.holdout > 0) {
    out += metrics_line("held out, before", r.before_holdout);
    out += metrics_line("held out, after", r.after_holdout);
  }
  out += metrics_line("training, before", r.before_train);
  out += metrics_line("training, after", r.after_train);
  out += "\n";
  if (!r.decay.empty()) out += fmt::format("decay: {}\n", r.decay);
  if (!r.target.empty()) out += fmt::format("qualify at: chosen for {}{}\n", r.target, r.target_reached ? "" : " (not reached)");
  out += fmt::format("\nnumbers changed ({}):\n", r.changes.size());
  for (const auto& c : r.changes) {
    out += fmt::format("  line {:>4}: {}: {} -> {}\n", c.line, c.what, format_number(c.before), format_number(c.after));
  }
  if (!r.suggestions.empty()) {
    out += fmt::format("\nrules suggested ({}):\n", r.suggestions.size());
    for (const auto& s : r.suggestions) {
      out += fmt::format("  {}: {} ({} training leads, {:.1f}% converted, lift {:.2f})\n",
                         s.group.empty() ? "ungrouped" : "group '" + s.group + "'", s.rule, s.leads, 100 * s.rate, s.lift);
    }
  }
  for (const auto& n : r.notes) out += fmt::format("note: {}\n", n);
  return out;
}

std::string render_tune_json(const TuneResult& r) {
  JsonWriter w(JsonWriter::Layout::Minified);
  w.begin_object();
  w.key("records").number(r.records).key("errors").number(r.errors);
  w.key("without_outcome").number(r.without_outcome);
  w.key("outcomes_without_lead").number(r.outcomes_without_lead);
  w.key("training").number(r.training).key("holdout").number(r.holdout);
  json_metrics(w, "before", r.before_holdout);
  json_metrics(w, "after", r.after_holdout);
  json_metrics(w, "before_training", r.before_train);
  json_metrics(w, "after_training", r.after_train);
  w.key("decay").string(r.decay).key("target").string(r.target).key("target_reached").boolean(r.target_reached);
  w.key("changes").begin_array();
  for (const auto& c : r.changes) {
    w.begin_object().key("what").string(c.what).key("line").number(c.line);
    w.key("before").decimal(c.before).key("after").decimal(c.after).end_object();
  }
  w.end_array().key("suggestions").begin_array();
  for (const auto& s : r.suggestions) {
    w.begin_object().key("rule").string(s.rule).key("group").string(s.group);
    w.key("leads").number(s.leads).key("converted").number(s.converted);
    w.key("rate").decimal(s.rate).key("lift").decimal(s.lift).end_object();
  }
  w.end_array().key("notes").begin_array();
  for (const auto& n : r.notes) w.string(n);
  w.end_array().end_object();
  return w.text();
}

}  // namespace leadscore
