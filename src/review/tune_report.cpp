// The tune report: what changed and what it does to the ranking, before and after, on the
// held-out part (and the training part, for comparison).
#include <cmath>

#include <fmt/format.h>

#include "common/json_string.hpp"
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

void json_number(std::string& out, double x) {
  if (std::isnan(x) || std::isinf(x)) {
    out += "null";
  } else {
    append_number(out, x);
  }
}

void json_metrics(std::string& out, const TuneMetrics& m) {
  out += fmt::format("{{\"leads\":{},\"converted\":{},\"qualified\":{},\"auc\":", m.leads, m.converted, m.qualified);
  json_number(out, m.auc);
  out += ",\"precision\":";
  json_number(out, m.precision);
  out += ",\"recall\":";
  json_number(out, m.recall);
  out += "}";
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
  std::string out = "{";
  out += fmt::format("\"records\":{},\"errors\":{},\"without_outcome\":{},\"outcomes_without_lead\":{},"
                     "\"training\":{},\"holdout\":{},",
                     r.records, r.errors, r.without_outcome, r.outcomes_without_lead, r.training, r.holdout);
  out += "\"before\":";
  json_metrics(out, r.before_holdout);
  out += ",\"after\":";
  json_metrics(out, r.after_holdout);
  out += ",\"before_training\":";
  json_metrics(out, r.before_train);
  out += ",\"after_training\":";
  json_metrics(out, r.after_train);
  out += ",\"decay\":";
  append_json_string(out, r.decay);
  out += ",\"target\":";
  append_json_string(out, r.target);
  out += fmt::format(",\"target_reached\":{},\"changes\":[", r.target_reached ? "true" : "false");
  for (std::size_t k = 0; k < r.changes.size(); ++k) {
    const auto& c = r.changes[k];
    out += k ? ",{" : "{";
    out += "\"what\":";
    append_json_string(out, c.what);
    out += fmt::format(",\"line\":{},\"before\":", c.line);
    json_number(out, c.before);
    out += ",\"after\":";
    json_number(out, c.after);
    out += "}";
  }
  out += "],\"suggestions\":[";
  for (std::size_t k = 0; k < r.suggestions.size(); ++k) {
    const auto& s = r.suggestions[k];
    out += k ? ",{" : "{";
    out += "\"rule\":";
    append_json_string(out, s.rule);
    out += ",\"group\":";
    append_json_string(out, s.group);
    out += fmt::format(",\"leads\":{},\"converted\":{},\"rate\":", s.leads, s.converted);
    json_number(out, s.rate);
    out += ",\"lift\":";
    json_number(out, s.lift);
    out += "}";
  }
  out += "],\"notes\":[";
  for (std::size_t k = 0; k < r.notes.size(); ++k) {
    if (k) out += ",";
    append_json_string(out, r.notes[k]);
  }
  out += "]}";
  return out;
}

}  // namespace leadscore
