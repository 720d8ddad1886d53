// The breakdown of one lead as text (for people) and as JSON (for tools). docs/testing.md shows
// both; change them together.
#include <fmt/format.h>

#include "diagfmt/json_writer.hpp"
#include "io/writers.hpp"
#include "leadscore/explain.hpp"
#include "testing/explain_json.hpp"
#include "testing/table.hpp"

namespace leadscore {

namespace {

using testing::Table;
using Align = Table::Align;

// A figure of the lead's own (points, group totals, the score), rounded when `decimals` >= 0.
double figure(double x, int decimals) { return decimals < 0 ? x : round_decimals(x, decimals); }

std::string signed_number(double x) {
  std::string s = format_number(x);
  return x > 0 ? "+" + s : s;
}

std::string where(const SourceLine& s, std::string_view model_path) {
  if (s.line == 0) return "";
  if (s.path == model_path) return fmt::format("{}", s.line);
  return fmt::format("{}:{}", s.path, s.line);
}

std::string group_name(const std::string& name) { return name.empty() ? "(ungrouped)" : name; }

std::string bounds(const std::optional<double>& min, const std::optional<double>& max) {
  std::string out;
  if (min) out += "min " + format_number(*min);
  if (max) out += (out.empty() ? "max " : " max ") + format_number(*max);
  return out;
}

std::string decay_text(const GroupExplanation& g) {
  if (!g.decays) return "-";
  if (!g.decay_date_present) return fmt::format("none (no {})", g.decay_field);
  return fmt::format("{} = {}^{} ({} days since {})", format_number(g.decay_factor),
                     format_number(g.decay_base), format_number(g.decay_steps),
                     format_number(g.decay_days), g.decay_field);
}

}  // namespace

std::string render_explanation_text(const Explanation& e, std::string_view model_path,
                                    std::string_view indent, int decimals) {
  std::string out;
  if (e.status == RowStatus::Error) {
    out += fmt::format("{}error record: {}\n", indent, e.error);
    return out;
  }

  Table rules({Align::Left, Align::Left, Align::Left, Align::Right, Align::Right});
  rules.add({"rules", "group", "fired", "points", "line"});
  for (const auto& r : e.rules) {
    rules.add({"  " + r.label, r.group.empty() ? "-" : r.group, r.fired ? "yes" : "no",
               r.fired ? signed_number(figure(r.points, decimals)) : "", where(r.source, model_path)});
  }
  if (e.rules.empty()) out += fmt::format("{}rules: none\n", indent);
  else rules.render(out, indent);

  Table groups({Align::Left, Align::Right, Align::Left, Align::Right, Align::Left, Align::Right, Align::Left});
  groups.add({"groups", "raw", "decay", "decayed", "caps", "total", ""});
  for (const auto& g : e.groups) {
    std::string caps = bounds(g.min, g.max);
    // "capped" compares the exact figures: a cap that moved the total is named even when the
    // rounded figures look alike.
    groups.add({"  " + group_name(g.name), format_number(figure(g.raw, decimals)), decay_text(g),
                format_number(figure(g.decayed, decimals)), caps.empty() ? "-" : caps,
                format_number(figure(g.total, decimals)), g.total != g.decayed ? "capped" : ""});
  }
  if (e.groups.empty()) out += fmt::format("{}groups: none\n", indent);
  else groups.render(out, indent);

  Table rejects({Align::Left, Align::Left, Align::Right});
  rejects.add({"rejects", "held", "line"});
  for (const auto& r : e.rejects) {
    rejects.add({"  " + r.reason, r.held ? "yes" : "no", where(r.source, model_path)});
  }
  if (e.rejects.empty()) out += fmt::format("{}rejects: none\n", indent);
  else rejects.render(out, indent);

  std::string score = format_number(figure(e.score, decimals));
  std::string clamp = bounds(e.score_min, e.score_max);
  if (!clamp.empty()) {
    score += fmt::format(" (groups add up to {}; score {})", format_number(figure(e.sum, decimals)), clamp);
  }
  std::string tier = !e.tier.empty() ? e.tier : e.status == RowStatus::Rejected ? "none (rejected)" : "none";
  std::string qualified = e.qualified ? "yes" : "no";
  if (e.status == RowStatus::Rejected) qualified += " (rejected)";
  else if (e.qualify_at) qualified += fmt::format(" (qualify at {})", format_number(*e.qualify_at));
  else qualified += " (the model has no 'qualify at' line)";
  std::string status = e.status == RowStatus::Rejected ? "rejected: " + e.reject_reason : "ok";

  Table summary({Align::Left, Align::Left});
  summary.add({"score", score});
  summary.add({"tier", tier});
  summary.add({"qualified", qualified});
  summary.add({"status", status});
  summary.render(out, indent);
  return out;
}

namespace {

using diagfmt::JsonWriter;

void source(JsonWriter& w, const SourceLine& s) {
  w.key("file").string(s.path).key("line").number(s.line);
}

void decay(JsonWriter& w, const GroupExplanation& g) {
  w.key("decay");
  if (!g.decays) {
    w.null();
    return;
  }
  w.begin_object().key("field").string(g.decay_field);
  w.key("every").decimal(g.decay_every).key("base").decimal(g.decay_base);
  if (g.decay_date_present) w.key("days").decimal(g.decay_days).key("steps").decimal(g.decay_steps);
  else w.key("days").null().key("steps").null();
  w.key("factor").decimal(g.decay_factor).end_object();
}

}  // namespace

void write_explanation_json(JsonWriter& w, const Explanation& e, int decimals) {
  w.begin_object();
  w.key("key").string(e.key).key("line").number(e.line);
  w.key("as_of").string(format_date(e.as_of)).key("status").string(io::status_name(e.status));
  if (e.status == RowStatus::Error) {
    w.key("error").string(e.error).end_object();
    return;
  }
  w.key("rules").begin_array();
  for (const auto& r : e.rules) {
    w.begin_object().key("label").string(r.label);
    w.key("group").string_or_null(r.group);
    source(w, r.source);
    w.key("fired").boolean(r.fired).key("points").decimal(figure(r.points, decimals)).end_object();
  }
  w.end_array().key("groups").begin_array();
  for (const auto& g : e.groups) {
    w.begin_object();
    w.key("name").string_or_null(g.name);
    w.key("raw").decimal(figure(g.raw, decimals));
    decay(w, g);
    w.key("decayed").decimal(figure(g.decayed, decimals));
    w.key("min").decimal_or_null(g.min);
    w.key("max").decimal_or_null(g.max);
    w.key("total").decimal(figure(g.total, decimals)).end_object();
  }
  w.end_array().key("rejects").begin_array();
  for (const auto& r : e.rejects) {
    w.begin_object().key("reason").string(r.reason);
    source(w, r.source);
    w.key("held").boolean(r.held).end_object();
  }
  w.end_array();
  w.key("reason").string_or_null(e.reject_reason);
  w.key("sum").decimal(figure(e.sum, decimals));
  w.key("score_min").decimal_or_null(e.score_min);
  w.key("score_max").decimal_or_null(e.score_max);
  w.key("score").decimal(figure(e.score, decimals));
  w.key("tier").string_or_null(e.tier);
  w.key("qualified").boolean(e.qualified);
  w.key("qualify_at").decimal_or_null(e.qualify_at);
  w.end_object();
}

std::string render_explanation_json(const Explanation& e, int decimals) {
  JsonWriter w(JsonWriter::Layout::Minified);
  write_explanation_json(w, e, decimals);
  return w.text();
}

}  // namespace leadscore
