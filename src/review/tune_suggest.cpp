// Candidate rules for `tune --suggest-rules`. Each is a plain condition in the language, compiled
// and run by the VM like any rule, so what is measured is what the suggested rule will do.
#include "review/tune_suggest.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "fmt/tokens.hpp"
#include "leadscore/io.hpp"
#include "leadscore/keywords.hpp"

namespace leadscore::tune {

void FieldStats::add(const Schema& schema, const Record& record, Day as_of) {
  ++leads;
  for (std::size_t f = 0; f < schema.fields.size(); ++f) {
    const FieldValue& v = record.values[f];
    if (!v.present) {
      ++missing[f];
      continue;
    }
    switch (schema.fields[f].type) {
      case FieldType::Int:
      case FieldType::Number: values[f].push_back(v.num); break;
      case FieldType::Date:
      case FieldType::Timestamp: values[f].push_back(std::max(0, as_of - v.date)); break;
      default: break;
    }
  }
}

namespace {

void fields_of(const ast::Expr& e, const ast::Model& model, std::set<int>& out, int depth = 0) {
  if (depth > 64) return;  // lets cannot cycle in a checked model; this only bounds the walk
  if (e.kind == ast::ExprKind::Name) {
    if (e.ref == ast::NameRef::Field) out.insert(e.index);
    if (e.ref == ast::NameRef::Let && e.index >= 0 && static_cast<std::size_t>(e.index) < model.lets.size()) {
      fields_of(*model.lets[static_cast<std::size_t>(e.index)].value, model, out, depth + 1);
    }
  }
  for (const auto& k : e.kids) fields_of(*k, model, out, depth);
}

// Two significant digits: thresholds people can read (3300000, not 3287415.27).
double readable(double x) {
  if (x == 0) return 0;
  double mag = std::pow(10.0, std::floor(std::log10(std::fabs(x))) - 1);
  return std::round(x / mag) * mag;
}

// Thresholds for `field >= v`: every value of a small whole-number range, else quantiles.
std::vector<double> thresholds(std::vector<double> values, bool whole) {
  std::vector<double> out;
  if (values.empty()) return out;
  std::sort(values.begin(), values.end());
  double lo = values.front(), hi = values.back();
  if (whole && hi - lo <= 12) {
    for (double v = lo + 1; v <= hi; v += 1) out.push_back(v);
  } else {
    for (double q : {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99}) {
      double v = readable(values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1))]);
      if (whole) v = std::round(v);
      if (v > lo) out.push_back(v);
    }
  }
  // Keep the ones that split the leads: at least 1% on each side.
  std::vector<double> kept;
  auto n = static_cast<double>(values.size());
  for (double v : out) {
    double above = static_cast<double>(values.end() - std::lower_bound(values.begin(), values.end(), v));
    if (above >= 0.01 * n && above <= 0.99 * n) kept.push_back(v);
  }
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  return kept;
}

}  // namespace

std::vector<Candidate> candidate_conditions(const Schema& schema, const ast::Model& model, const FieldStats& stats) {
  // The group each field belongs to: the first whose rules or decay use it.
  std::vector<int> group_of(schema.fields.size(), -2);
  for (const auto& rule : model.rules) {
    std::set<int> fs;
    fields_of(*rule.condition, model, fs);
    if (rule.per) fields_of(*rule.per, model, fs);
    for (int f : fs) {
      if (f >= 0 && static_cast<std::size_t>(f) < group_of.size() && group_of[static_cast<std::size_t>(f)] == -2) {
        group_of[static_cast<std::size_t>(f)] = rule.group;
      }
    }
  }
  for (std::size_t g = 0; g < model.groups.size(); ++g) {
    if (!model.groups[g].decay) continue;
    int f = schema.find(model.groups[g].decay->field);
    if (f >= 0 && group_of[static_cast<std::size_t>(f)] == -2) group_of[static_cast<std::size_t>(f)] = static_cast<int>(g);
  }

  std::vector<Candidate> out;
  for (std::size_t fi = 0; fi < schema.fields.size(); ++fi) {
    const Field& f = schema.fields[fi];
    if (f.key || is_reserved_word(f.name)) continue;
    int field = static_cast<int>(fi);
    int group = std::max(group_of[fi], -1);
    auto add = [&](std::string cond) { out.push_back({std::move(cond), field, group}); };
    double missing_share = stats.leads ? static_cast<double>(stats.missing[fi]) / static_cast<double>(stats.leads) : 0;
    bool can_miss = !f.required && missing_share >= 0.005 && missing_share <= 0.995;
    switch (f.type) {
      case FieldType::Enum:
        for (const auto& m : f.members) {
          if (!is_reserved_word(m)) add(fmt::format("{} = {}", f.name, m));
        }
        break;
      case FieldType::Set:
        for (const auto& m : f.members) {
          if (!is_reserved_word(m)) add(fmt::format("{} {}", f.name, m));
        }
        break;
      case FieldType::Bool: add(f.name); break;
      case FieldType::Int:
      case FieldType::Number:
        for (double v : thresholds(stats.values[fi], f.type == FieldType::Int)) {
          add(fmt::format("{} >= {}", f.name, format_number(v)));
        }
        break;
      case FieldType::Date:
      case FieldType::Timestamp:
        for (double v : thresholds(stats.values[fi], true)) {
          if (v >= 1) add(fmt::format("{} older than {} days", f.name, format_number(v - 1)));
        }
        break;
      default: break;
    }
    if (can_miss) add(fmt::format("{} is missing", f.name));
  }
  return out;
}

namespace {

std::uint32_t line_end(std::string_view text, std::uint32_t at) {
  std::size_t nl = text.find('\n', at);
  return static_cast<std::uint32_t>(nl == std::string_view::npos ? text.size() : nl + 1);
}

std::string indent_of(std::string_view text, std::uint32_t at) {
  std::size_t start = text.rfind('\n', at == 0 ? 0 : at - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  std::size_t p = start;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  return std::string(text.substr(start, p - start));
}

// The end of the line holding the first '}' after `from` (outside comments and strings).
std::uint32_t after_closing_brace(std::string_view text, std::uint32_t from) {
  std::string_view rest = text.substr(from);
  for (const auto& t : formatter::lex(rest)) {
    if (t.punct("}")) return line_end(text, static_cast<std::uint32_t>(t.text.data() - text.data()));
  }
  return static_cast<std::uint32_t>(text.size());
}

}  // namespace

InsertPoint insert_point(const ast::Model& model, std::string_view text, int group) {
  const ast::Rule* last_in_group = nullptr;
  const ast::Rule* last_local = nullptr;
  for (const auto& r : model.rules) {
    if (r.imported_at.file != 0 || r.span.file != model.file) continue;
    last_local = &r;
    if (r.group == group) last_in_group = &r;
  }
  if (group >= 0 && last_in_group) {
    return {line_end(text, last_in_group->span.end), indent_of(text, last_in_group->span.begin)};
  }
  // Ungrouped: after the last group's closing brace, or after the last rule.
  const ast::Group* last_group = nullptr;
  for (const auto& g : model.groups) {
    if (g.imported_at.file == 0 && g.span.file == model.file) last_group = &g;
  }
  if (last_group) {
    // The group's closing brace is the first '}' after its last rule (or after its name).
    std::uint32_t from = last_group->name_span.end;
    for (const auto& r : model.rules) {
      if (r.span.file == model.file && r.imported_at.file == 0 && r.group >= 0 &&
          &model.groups[static_cast<std::size_t>(r.group)] == last_group) {
        from = std::max(from, r.span.end);
      }
    }
    return {after_closing_brace(text, from), ""};
  }
  if (last_local) return {line_end(text, last_local->span.end), ""};
  return {static_cast<std::uint32_t>(text.size()), ""};
}

}  // namespace leadscore::tune
