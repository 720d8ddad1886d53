// Statement checks: lets, rules, groups, rejects, thresholds and tiers, test blocks.
#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "check/checker.hpp"
#include "check/output_columns.hpp"
#include "common/date_layout.hpp"
#include "common/suggest.hpp"
#include "leadscore/check.hpp"
#include "leadscore/limits.hpp"

namespace leadscore::check {

using ast::TypeKind;

Checker::Checker(ast::Model& model, const Schema& schema, Diagnostics& diags)
    : model_(model), schema_(schema), diags_(diags), report_(diags) {}

// Where a clash is reported: at the `import` line when an imported declaration is involved, since
// that is the line the user can change (SPEC 3).
Span Checker::declared_at(Span own, Span imported_at) { return imported_at.file != 0 ? imported_at : own; }

ast::Type Checker::let_type(int index, Span use) {
  auto i = static_cast<std::size_t>(index);
  ast::Let& let = model_.lets[i];
  switch (let_state_[i]) {
    case LetState::Done: count_let_use(index, use); return let_types_[i];
    case LetState::Checking:
      report_.let_cycle(use, let.name);
      return {};
    case LetState::Unchecked: break;
  }
  let_state_[i] = LetState::Checking;
  std::size_t saved_peak = peak_, saved_nodes = nodes_, base = depth_;
  peak_ = depth_;
  nodes_ = 0;
  ast::Type t = expr(*let.value);
  let_height_[i] = peak_ - base;
  let_nodes_[i] = nodes_;
  peak_ = saved_peak;
  nodes_ = saved_nodes;
  let_state_[i] = LetState::Done;
  let_types_[i] = t;
  count_let_use(index, use);
  return t;
}

void Checker::begin_statement() {
  depth_ = peak_ = nodes_ = 0;
  limit_reported_ = false;
}

// Counts `e` as one level deeper and one node more; false (and reported once per statement) past
// a limit, so that the checker never recurses further and no later stage sees such a tree.
bool Checker::enter(const ast::Expr& e) {
  if (depth_ >= limits::max_expression_depth || nodes_ >= limits::max_expression_nodes) {
    if (!limit_reported_) report_.expression_too_big(e.span, depth_ >= limits::max_expression_depth, "");
    limit_reported_ = true;
    return false;
  }
  ++depth_;
  ++nodes_;
  peak_ = std::max(peak_, depth_);
  return true;
}

// A let is put in place where it is used: its height and nodes count at the use.
void Checker::count_let_use(int index, Span use) {
  auto i = static_cast<std::size_t>(index);
  std::size_t depth = depth_ + let_height_[i];
  nodes_ += let_nodes_[i];
  peak_ = std::max(peak_, depth);
  bool too_deep = depth > limits::max_expression_depth;
  if ((too_deep || nodes_ > limits::max_expression_nodes) && !limit_reported_) {
    report_.expression_too_big(use, too_deep, model_.lets[i].name);
    limit_reported_ = true;
  }
}

void Checker::declare_lets() {
  let_state_.assign(model_.lets.size(), LetState::Unchecked);
  let_types_.assign(model_.lets.size(), {});
  let_height_.assign(model_.lets.size(), 0);
  let_nodes_.assign(model_.lets.size(), 0);
  for (std::size_t i = 0; i < model_.lets.size(); ++i) {
    const ast::Let& let = model_.lets[i];
    if (schema_.find(let.name) >= 0) {
      report_.duplicate(declared_at(let.name_span, let.imported_at), "let has the same name as a field:",
                        let.name);
    } else if (auto [it, added] = lets_.emplace(let.name, static_cast<int>(i)); !added) {
      const ast::Let& first = model_.lets[static_cast<std::size_t>(it->second)];
      Span import_line = let.imported_at.file ? let.imported_at : first.imported_at;
      if (import_line.file != 0) report_.import_clash(import_line, "let", let.name);
      else report_.duplicate(let.name_span, "let", let.name);
    }
  }
  for (std::size_t i = 0; i < model_.lets.size(); ++i) {
    begin_statement();
    let_type(static_cast<int>(i), model_.lets[i].name_span);
  }
}

void Checker::check_rules() {
  for (auto& rule : model_.rules) {
    begin_statement();
    condition(*rule.condition);
    if (rule.per) {
      ast::Type t = expr(*rule.per);
      if (t.kind != TypeKind::Number && t.kind != TypeKind::Unknown) {
        report_.per_not_numeric(rule.per->span, t);
      }
    }
    if (rule.up_to && *rule.up_to < 0) {
      report_.invalid_literal(rule.up_to_span, "'up to' needs a limit of 0 or more");
    }
  }
}

void Checker::check_groups() {
  std::set<std::string, std::less<>> names;
  for (auto& g : model_.groups) {
    if (!names.insert(g.name).second) report_.duplicate(declared_at(g.name_span, g.imported_at), "group", g.name);
    bool names_key = schema_.key_index >= 0 && schema_.fields[static_cast<std::size_t>(schema_.key_index)].name == g.name;
    if (names_key || is_fixed_output_column(g.name)) {
      report_.output_column_clash(declared_at(g.name_span, g.imported_at), "group", g.name);
    }
    if (g.min && g.max && *g.min > *g.max) {
      report_.invalid_literal(g.max_span, fmt::format("group '{}' has max {} below its min {}", g.name,
                                                      *g.max, *g.min));
    }
    if (!g.decay) continue;
    const ast::Decay& d = *g.decay;
    int f = schema_.find(d.field);
    if (f < 0) {
      report_.unknown_field(d.field_span, d.field, field_names());
    } else if (const FieldType t = schema_.fields[static_cast<std::size_t>(f)].type;
               t != FieldType::Date && t != FieldType::Timestamp) {
      report_.type_mismatch(d.field_span, fmt::format("decay needs a date or timestamp field; '{}' is {}", d.field,
                                                      field_type_name(schema_.fields[static_cast<std::size_t>(f)].type)));
    }
    if (d.percent < 0 || d.percent > 100) {
      report_.invalid_literal(d.span, "a decay is a percentage from 0 to 100");
    }
    if (d.every_days < 1) report_.invalid_literal(d.span, "a decay period is at least 1 day");
  }
}

void Checker::check_rejects() {
  for (auto& r : model_.rejects) {
    begin_statement();
    condition(*r.condition);
  }
}

void Checker::check_thresholds() {
  for (std::size_t i = 1; i < model_.score_bounds.size(); ++i) {
    report_.duplicate(declared_at(model_.score_bounds[i].span, model_.score_bounds[i].imported_at),
                      "'score' line", "");
  }
  for (const auto& b : model_.score_bounds) {
    if (b.min && b.max && *b.min > *b.max) {
      report_.invalid_literal(b.span, fmt::format("score max {} is below score min {}", *b.max, *b.min));
    }
  }
  for (std::size_t i = 1; i < model_.qualifies.size(); ++i) {
    report_.duplicate(declared_at(model_.qualifies[i].span, model_.qualifies[i].imported_at),
                      "'qualify at' line", "");
  }
  std::set<std::string, std::less<>> names;
  const ast::Tier* previous = nullptr;
  const ast::Tier* bare = nullptr;
  for (const auto& t : model_.tiers) {
    if (!names.insert(t.name).second) report_.duplicate(declared_at(t.name_span, t.imported_at), "tier", t.name);
    if (bare) {
      report_.unordered_tiers(t.span, fmt::format("tier '{}' comes after the bare tier '{}', which "
                                                  "takes every score below the others; list it last",
                                                  t.name, bare->name));
    } else if (!t.at) {
      bare = &t;
    } else if (previous && *t.at >= *previous->at) {
      report_.unordered_tiers(t.span, fmt::format("tier '{}' at {} is listed below tier '{}' at {}; "
                                                  "list tiers highest first",
                                                  t.name, *t.at, previous->name, *previous->at));
    }
    if (t.at) previous = &t;
  }
}

namespace {

// Whether an expression's value depends on the run's day (`within`, `older than`, `days_since`).
bool uses_today(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::Within || e.kind == ast::ExprKind::OlderThan) return true;
  if (e.kind == ast::ExprKind::Call && e.text == "days_since") return true;
  return std::any_of(e.kids.begin(), e.kids.end(), [](const ast::ExprPtr& k) { return k && uses_today(*k); });
}

}  // namespace

bool Checker::model_uses_today() const {
  for (const auto& g : model_.groups) {
    if (g.decay) return true;
  }
  auto any = [](const ast::ExprPtr& e) { return e && uses_today(*e); };
  for (const auto& r : model_.rules) {
    if (any(r.condition) || any(r.per)) return true;
  }
  for (const auto& r : model_.rejects) {
    if (any(r.condition)) return true;
  }
  for (const auto& l : model_.lets) {
    if (any(l.value)) return true;
  }
  return false;
}

// A test expectation that can never hold because it names a tier or a rule label the model does
// not have: an error at `check` time (with a suggestion), not a surprise at `test` time.
void Checker::check_expectations(const ast::TestBlock& test, bool uses_today) {
  if (uses_today && !test.as_of) {
    diags_.report(Code::TestWithoutAsOf, test.span,
                   fmt::format("test \"{}\" has no 'as of': it runs as of today, and this model's "
                               "scores depend on the day (decay, 'within', 'older than' or "
                               "days_since); add `as of YYYY-MM-DD` so it gives the same answer "
                               "every day", test.name));
  }
  std::vector<std::string_view> tiers, labels;
  for (const auto& t : model_.tiers) tiers.push_back(t.name);
  for (const auto& r : model_.rules) labels.push_back(r.label);
  for (const auto& x : test.expectations) {
    if (x.kind == ast::ExpectationKind::Tier &&
        std::find(tiers.begin(), tiers.end(), x.text) == tiers.end()) {
      std::string guess = closest(x.text, tiers);
      std::string known;
      for (auto t : tiers) known += fmt::format("{}{}", known.empty() ? "" : ", ", t);
      diags_.report(Code::UnknownExpectation, x.span,
                   tiers.empty() ? fmt::format("unknown tier '{}': the model declares no tiers", x.text)
                   : guess.empty() ? fmt::format("unknown tier '{}' (the tiers are {})", x.text, known)
                                   : fmt::format("unknown tier '{}'; did you mean '{}'?", x.text, guess));
    }
    if (x.kind == ast::ExpectationKind::Fired &&
        std::find(labels.begin(), labels.end(), x.text) == labels.end()) {
      std::string guess = closest(x.text, labels);
      diags_.report(Code::UnknownExpectation, x.span,
                   guess.empty() ? fmt::format("no rule is labelled \"{}\"; 'expect fired' names a "
                                               "rule's `as \"...\"` label or its text", x.text)
                                 : fmt::format("no rule is labelled \"{}\"; did you mean \"{}\"?", x.text, guess));
    }
  }
}

void Checker::check_tests() {
  bool today = model_uses_today();
  for (auto& test : model_.tests) {
    check_expectations(test, today);
    std::set<std::string, std::less<>> seen;
    for (auto& init : test.lead) {
      int f = schema_.find(init.field);
      if (f < 0) {
        report_.unknown_field(init.field_span, init.field, field_names());
        continue;
      }
      if (!seen.insert(init.field).second) report_.duplicate(init.field_span, "field", init.field);
      const Field& field = schema_.fields[static_cast<std::size_t>(f)];
      ast::Expr& v = *init.value;
      bool ok = false;
      switch (field.type) {
        case FieldType::String: ok = v.kind == ast::ExprKind::String; break;
        case FieldType::Int:
          // A whole number in the 64-bit range (checked before the cast, which is undefined outside it).
          ok = v.kind == ast::ExprKind::Number && std::trunc(v.number) == v.number &&
               v.number >= -9223372036854775808.0 && v.number < 9223372036854775808.0;
          break;
        case FieldType::Number: ok = v.kind == ast::ExprKind::Number; break;
        case FieldType::Bool: ok = v.kind == ast::ExprKind::Bool; break;
        case FieldType::Date:
        case FieldType::Timestamp:
          // A date literal, or a quoted value as a record would hold it (in the field's layout).
          ok = v.kind == ast::ExprKind::Date ||
               (v.kind == ast::ExprKind::String && parse_dated(v.text, field.format).has_value());
          break;
        case FieldType::Enum:
          ok = v.kind == ast::ExprKind::Name || v.kind == ast::ExprKind::String;  // bare or quoted
          if (ok) resolve_member(v, ast::Type{TypeKind::Enum, f, TypeKind::Unknown});
          break;
        case FieldType::Set:
          ok = v.kind == ast::ExprKind::List;
          if (ok) list_items(v, ast::Type{TypeKind::Set, f, TypeKind::Unknown}, v.span);
          break;
        case FieldType::StringSet:
          ok = v.kind == ast::ExprKind::List;
          if (ok) list_items(v, ast::Type{TypeKind::StringSet, f, TypeKind::Unknown}, v.span);
          break;
      }
      if (!ok) {
        report_.type_mismatch(v.span, fmt::format("field '{}' is {}; this value does not fit it",
                                                  field.name, field_type_name(field.type)));
      }
    }
  }
}

void Checker::run() {
  declare_lets();
  check_rules();
  check_groups();
  check_rejects();
  check_thresholds();
  check_tests();
}

}  // namespace leadscore::check

namespace leadscore {

std::optional<CheckedModel> check_model(ast::Model& model, const Schema& schema, Diagnostics& diags) {
  const std::size_t errors_before = diags.error_count();
  check::Checker(model, schema, diags).run();
  if (diags.error_count() > errors_before) return std::nullopt;
  return CheckedModel(model, schema);
}

}  // namespace leadscore
