// The breakdown of one lead as text (for people) and as JSON (for tools). docs/testing.md shows
// both; change them together.
#include <fmt/format.h>

#include "common/json_string.hpp"
#include "io/writers.hpp"
#include "leadscore/explain.hpp"
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

void key(std::string& out, std::string_view name) {
  append_json_string(out, name);
  out += ':';
}

void number(std::string& out, std::string_view name, double x) {
  key(out, name);
  append_number(out, x);
}

void optional_number(std::string& out, std::string_view name, const std::optional<double>& x) {
  key(out, name);
  if (x) append_number(out, *x);
  else out += "null";
}

void string(std::string& out, std::string_view name, std::string_view text) {
  key(out, name);
  append_json_string(out, text);
}

void optional_string(std::string& out, std::string_view name, std::string_view text) {
  key(out, name);
  if (text.empty()) out += "null";
  else append_json_string(out, text);
}

void boolean(std::string& out, std::string_view name, bool b) {
  key(out, name);
  out += b ? "true" : "false";
}

void source(std::string& out, const SourceLine& s) {
  string(out, "file", s.path);
  out += ',';
  key(out, "line");
  fmt::format_to(std::back_inserter(out), "{}", s.line);
}

}  // namespace

std::string render_explanation_json(const Explanation& e, int decimals) {
  std::string out = "{";
  string(out, "key", e.key);
  out += ',';
  key(out, "line");
  fmt::format_to(std::back_inserter(out), "{}", e.line);
  out += ',';
  string(out, "as_of", format_date(e.as_of));
  out += ',';
  string(out, "status", io::status_name(e.status));
  if (e.status == RowStatus::Error) {
    out += ',';
    string(out, "error", e.error);
    out += '}';
    return out;
  }
  out += ",\"rules\":[";
  for (std::size_t i = 0; i < e.rules.size(); ++i) {
    const auto& r = e.rules[i];
    out += i ? ",{" : "{";
    string(out, "label", r.label);
    out += ',';
    optional_string(out, "group", r.group);
    out += ',';
    source(out, r.source);
    out += ',';
    boolean(out, "fired", r.fired);
    out += ',';
    number(out, "points", figure(r.points, decimals));
    out += '}';
  }
  out += "],\"groups\":[";
  for (std::size_t i = 0; i < e.groups.size(); ++i) {
    const auto& g = e.groups[i];
    out += i ? ",{" : "{";
    optional_string(out, "name", g.name);
    out += ',';
    number(out, "raw", figure(g.raw, decimals));
    out += ',';
    key(out, "decay");
    if (!g.decays) {
      out += "null";
    } else {
      out += '{';
      string(out, "field", g.decay_field);
      out += ',';
      number(out, "every", g.decay_every);
      out += ',';
      number(out, "base", g.decay_base);
      out += ',';
      if (g.decay_date_present) {
        number(out, "days", g.decay_days);
        out += ',';
        number(out, "steps", g.decay_steps);
      } else {
        out += "\"days\":null,\"steps\":null";
      }
      out += ',';
      number(out, "factor", g.decay_factor);
      out += '}';
    }
    out += ',';
    number(out, "decayed", figure(g.decayed, decimals));
    out += ',';
    optional_number(out, "min", g.min);
    out += ',';
    optional_number(out, "max", g.max);
    out += ',';
    number(out, "total", figure(g.total, decimals));
    out += '}';
  }
  out += "],\"rejects\":[";
  for (std::size_t i = 0; i < e.rejects.size(); ++i) {
    const auto& r = e.rejects[i];
    out += i ? ",{" : "{";
    string(out, "reason", r.reason);
    out += ',';
    source(out, r.source);
    out += ',';
    boolean(out, "held", r.held);
    out += '}';
  }
  out += "],";
  optional_string(out, "reason", e.reject_reason);
  out += ',';
  number(out, "sum", figure(e.sum, decimals));
  out += ',';
  optional_number(out, "score_min", e.score_min);
  out += ',';
  optional_number(out, "score_max", e.score_max);
  out += ',';
  number(out, "score", figure(e.score, decimals));
  out += ',';
  optional_string(out, "tier", e.tier);
  out += ',';
  boolean(out, "qualified", e.qualified);
  out += ',';
  optional_number(out, "qualify_at", e.qualify_at);
  out += '}';
  return out;
}

}  // namespace leadscore
