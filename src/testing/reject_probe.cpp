#include "testing/reject_probe.hpp"

#include "leadscore/compile.hpp"

namespace leadscore::testing {

namespace {

// A deep copy, checker annotations included: the compiler reads them (types, resolved names).
ast::ExprPtr clone(const ast::Expr& e) {
  auto c = std::make_unique<ast::Expr>();
  c->kind = e.kind;
  c->span = e.span;
  c->op = e.op;
  c->number = e.number;
  c->date = e.date;
  c->boolean = e.boolean;
  c->text = e.text;
  c->flags = e.flags;
  c->type = e.type;
  c->ref = e.ref;
  c->index = e.index;
  c->kids.reserve(e.kids.size());
  for (const auto& k : e.kids) c->kids.push_back(clone(*k));
  return c;
}

}  // namespace

Program compile_reject_probe(const ast::Model& model, const Schema& schema) {
  ast::Model probe;
  probe.file = model.file;
  // Lets keep their indices: conditions refer to them by index.
  for (const auto& let : model.lets) {
    ast::Let copy;
    copy.span = let.span;
    copy.name = let.name;
    copy.name_span = let.name_span;
    copy.value = clone(*let.value);
    probe.lets.push_back(std::move(copy));
  }
  for (const auto& rej : model.rejects) {
    ast::Rule rule;
    rule.span = rej.span;
    rule.condition = clone(*rej.condition);
    rule.points = 0;
    rule.label = rej.reason;
    rule.group = -1;
    probe.rules.push_back(std::move(rule));
  }
  return compile_model(probe, schema);
}

}  // namespace leadscore::testing
