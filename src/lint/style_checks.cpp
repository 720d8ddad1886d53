// Checks on the model's shape rather than one condition: no negative scoring anywhere (W008),
// behaviour rules all worth the same (W009), decay on a date a lead may not have (W010).
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lint/context.hpp"

namespace leadscore::lint {

namespace {

// The model's own rules come first in what a warning points at; imported ones are not its text.
const ast::Rule* first_local_rule(const ast::Model& m) {
  for (const auto& r : m.rules) {
    if (r.imported_at.file == 0) return &r;
  }
  return m.rules.empty() ? nullptr : &m.rules.front();
}

void no_negative_scoring(const Context& cx) {
  if (!cx.model.rejects.empty()) return;
  bool any_negative = std::any_of(cx.model.rules.begin(), cx.model.rules.end(),
                                  [](const ast::Rule& r) { return r.points < 0; });
  const ast::Rule* first = first_local_rule(cx.model);
  if (any_negative || !first) return;
  Diagnostic d{Code::NoNegativeScoring, first->span,
               "no rule subtracts points and nothing is rejected: every signal counts for a lead",
               {"add the signals against a lead (unsubscribed, a free email, a competitor) as "
                "'subtract' rules or 'reject when' clauses"}};
  cx.diags.report(std::move(d));
}

// Behaviour (implicit, engagement) rules are the rules of decaying groups: decay is what marks a
// group as recent activity. Fewer than three such rules are too few to call a pattern.
constexpr std::size_t min_behaviour_rules = 3;

void uniform_behaviour_points(const Context& cx) {
  std::vector<const ast::Rule*> behaviour;
  for (const auto& r : cx.model.rules) {
    if (r.group >= 0 && cx.model.groups[static_cast<std::size_t>(r.group)].decay) behaviour.push_back(&r);
  }
  if (behaviour.size() < min_behaviour_rules) return;
  double points = behaviour.front()->points;
  bool uniform = std::all_of(behaviour.begin(), behaviour.end(),
                             [&](const ast::Rule* r) { return r->points == points && !r->per; });
  if (!uniform) return;
  const ast::Group& group = cx.model.groups[static_cast<std::size_t>(behaviour.front()->group)];
  Diagnostic d{Code::UniformBehaviourPoints, group.name_span,
               fmt::format("every behaviour rule adds {} points: the strongest buying signal counts no more "
                           "than the weakest", points),
               {fmt::format("behaviour rules are the {} rules of groups that decay", behaviour.size())}};
  cx.diags.report(std::move(d));
}

// Whether `e` tests `field is missing` or `field is present` somewhere.
bool tests_presence(const ast::Expr& e, int field) {
  if (e.kind == ast::ExprKind::IsMissing || e.kind == ast::ExprKind::IsPresent) {
    const ast::Expr& v = *e.kids[0];
    if (v.kind == ast::ExprKind::Name && v.ref == ast::NameRef::Field && v.index == field) return true;
  }
  return std::any_of(e.kids.begin(), e.kids.end(), [&](const auto& k) { return tests_presence(*k, field); });
}

// A model that scores `last_activity is missing` itself has decided what a lead without the date
// is worth: the warning is for models that never thought of it.
bool handles_missing(const Context& cx, int field) {
  for (const auto& r : cx.model.rules) {
    if (tests_presence(*r.condition, field)) return true;
  }
  for (const auto& r : cx.model.rejects) {
    if (tests_presence(*r.condition, field)) return true;
  }
  return false;
}

void decay_on_optional_field(const Context& cx) {
  for (const auto& g : cx.model.groups) {
    if (!g.decay) continue;
    int f = cx.schema.find(g.decay->field);
    if (f < 0) continue;
    const Field& field = cx.schema.fields[static_cast<std::size_t>(f)];
    if (field.required || field.key || handles_missing(cx, f)) continue;
    Diagnostic d{Code::DecayOnOptionalField, g.decay->field_span,
                 fmt::format("group '{}' decays since '{}', which is not required: a lead without it "
                             "never decays", g.name, field.name),
                 {fmt::format("mark '{}' required in the schema, or score leads without it with a rule "
                              "'when {} is missing ...'", field.name, field.name)}};
    cx.diags.report(std::move(d));
  }
}

}  // namespace

void check_style(const Context& cx) {
  no_negative_scoring(cx);
  uniform_behaviour_points(cx);
  decay_on_optional_field(cx);
}

}  // namespace leadscore::lint
