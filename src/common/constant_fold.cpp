#include "common/constant_fold.hpp"

#include "common/arith.hpp"

namespace leadscore {

using ast::ExprKind;
using Kind = Constant::Kind;

namespace {

Constant truth(bool b) { return Constant{Kind::Truth, b ? 1.0 : 0.0, {}}; }

}  // namespace

std::optional<Constant> fold(const ast::Expr& e, const std::vector<ast::Let>& lets) {
  switch (e.kind) {
    case ExprKind::Number: return Constant{Kind::Number, e.number, {}};
    case ExprKind::String: return Constant{Kind::String, 0, e.text};
    case ExprKind::Date: return Constant{Kind::Date, static_cast<double>(e.date), {}};
    case ExprKind::Bool: return truth(e.boolean);
    case ExprKind::Paren: return fold(*e.kids[0], lets);
    case ExprKind::Name:
      if (e.ref == ast::NameRef::Let) return fold(*lets[static_cast<std::size_t>(e.index)].value, lets);
      return std::nullopt;
    case ExprKind::Neg: {
      auto a = fold(*e.kids[0], lets);
      if (!a || a->kind != Kind::Number) return std::nullopt;
      return Constant{Kind::Number, -a->number, {}};
    }
    case ExprKind::Arith: {
      // Left to right, as the VM computes the chain; one operand that is not a constant number
      // leaves the whole chain to run time.
      double x = 0;
      for (std::size_t i = 0; i < e.kids.size(); ++i) {
        auto b = fold(*e.kids[i], lets);
        if (!b || b->kind != Kind::Number) return std::nullopt;
        if (i == 0) {
          x = b->number;
          continue;
        }
        const auto op = arith_op(e.ops[i - 1]);
        const auto result = op ? apply(*op, x, b->number) : std::nullopt;
        if (!result) return std::nullopt;  // missing at run time (a division by zero)
        x = *result;
      }
      return Constant{Kind::Number, x, {}};
    }
    case ExprKind::Compare: {
      auto a = fold(*e.kids[0], lets);
      auto b = fold(*e.kids[1], lets);
      if (!a || !b || a->kind != b->kind) return std::nullopt;
      if (a->kind == Kind::String) return truth(compare(e.op, a->text, b->text));
      return truth(compare(e.op, a->number, b->number));
    }
    case ExprKind::Not: {
      auto a = fold(*e.kids[0], lets);
      if (!a || a->kind != Kind::Truth) return std::nullopt;
      return truth(a->number == 0);
    }
    case ExprKind::And:
    case ExprKind::Or: {
      // One operand that decides the result is enough: `x and false` is false whatever x is.
      bool is_and = e.kind == ExprKind::And;
      bool all_known = true;
      for (const auto& k : e.kids) {
        auto a = fold(*k, lets);
        if (!a || a->kind != Kind::Truth) {
          all_known = false;
          continue;
        }
        if ((a->number != 0) != is_and) return truth(!is_and);
      }
      if (all_known) return truth(is_and);
      return std::nullopt;
    }
    default: return std::nullopt;
  }
}

}  // namespace leadscore
