// Conditions that never or always hold: rules and rejects that can never fire or always fire
// (W004, W005), and lets or parts of a condition that are constant while the whole is not (W006).
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lint/analysis.hpp"

namespace leadscore::lint {

using ast::Expr;
using ast::ExprKind;

namespace {

const char* never_why = "no lead can satisfy it";
const char* always_why = "every lead satisfies it";

void whole_condition(const Context& cx, const Expr& cond, std::string_view what) {
  Truth t = truth_of(cond, cx);
  if (t == Truth::Never) {
    cx.diags.report(Code::RuleNeverFires, cond.span,
                     fmt::format("{} can never fire: {}", what, never_why));
  } else if (t == Truth::Always) {
    cx.diags.report(Code::RuleAlwaysFires, cond.span,
                     fmt::format("{} always fires: {}", what, always_why));
  }
}

// Operands of `and` that always hold add nothing; operands of `or` that never hold are dead.
// Only the condition's own text is walked: a constant let is reported once, at the let.
void parts(const Context& cx, const Expr& e) {
  const Expr* at = &e;
  while (at->kind == ExprKind::Paren && !at->kids.empty()) at = at->kids[0].get();
  if (at->kind == ExprKind::And || at->kind == ExprKind::Or) {
    bool is_and = at->kind == ExprKind::And;
    for (const auto& k : at->kids) {
      const Expr* inner = k.get();
      while (inner->kind == ExprKind::Paren && !inner->kids.empty()) inner = inner->kids[0].get();
      bool same_kind = inner->kind == at->kind;  // `a and b and c` is one chain
      if (inner->kind == ExprKind::Name && inner->ref == ast::NameRef::Let) continue;
      Truth t = truth_of(*k, cx);
      if (!same_kind && is_and && t == Truth::Always) {
        cx.diags.report(Code::ConstantCondition, k->span,
                         "this part of the condition always holds, so 'and' it adds nothing");
      } else if (!same_kind && !is_and && t == Truth::Never) {
        cx.diags.report(Code::ConstantCondition, k->span,
                         "this part of the condition never holds, so the 'or' never takes it");
      }
      parts(cx, *k);
    }
  } else if (at->kind == ExprKind::Not && !at->kids.empty()) {
    parts(cx, *at->kids[0]);
  }
}

void rule_condition(const Context& cx, const Expr& cond, std::string_view what) {
  Truth t = truth_of(cond, cx);
  if (t != Truth::Sometimes) {
    whole_condition(cx, cond, what);
    return;
  }
  parts(cx, cond);
}

}  // namespace

void check_conditions(const Context& cx) {
  for (const auto& l : cx.model.lets) {
    if (!l.value || l.value->type.kind != ast::TypeKind::Condition) continue;
    Truth t = truth_of(*l.value, cx);
    if (t == Truth::Sometimes) {
      parts(cx, *l.value);
      continue;
    }
    cx.diags.report(Code::ConstantCondition, l.name_span,
                     fmt::format("let '{}' is {}: {}", l.name, t == Truth::Always ? "always true" : "never true",
                                 t == Truth::Always ? always_why : never_why));
  }
  for (const auto& r : cx.model.rules) rule_condition(cx, *r.condition, "this rule");
  for (const auto& r : cx.model.rejects) rule_condition(cx, *r.condition, "this reject");
}

}  // namespace leadscore::lint
