// The range of a numeric expression, by interval arithmetic over its operands' ranges.
#include <algorithm>
#include <cmath>

#include "common/arith.hpp"
#include "common/constant_fold.hpp"
#include "lint/analysis.hpp"

namespace leadscore::lint {

using ast::Expr;
using ast::ExprKind;

Range Range::tightened() const {
  if (!integral) return *this;
  Range r = *this;
  if (std::isfinite(lo)) r.lo = lo_open ? std::floor(lo) + 1 : std::ceil(lo);
  if (std::isfinite(hi)) r.hi = hi_open ? std::ceil(hi) - 1 : std::floor(hi);
  r.lo_open = r.hi_open = false;
  return r;
}

Range Range::intersect(const Range& o) const {
  Range r = *this;
  if (o.lo > lo || (o.lo == lo && o.lo_open)) r.lo = o.lo, r.lo_open = o.lo_open;
  if (o.hi < hi || (o.hi == hi && o.hi_open)) r.hi = o.hi, r.hi_open = o.hi_open;
  r.integral = integral || o.integral;
  r.may_be_missing = may_be_missing && o.may_be_missing;
  return r.tightened();
}

bool Range::contains(const Range& o) const {
  bool low_ok = lo < o.lo || (lo == o.lo && (!lo_open || o.lo_open));
  bool high_ok = hi > o.hi || (hi == o.hi && (!hi_open || o.hi_open));
  return low_ok && high_ok;
}

namespace {

Range point(double v) {
  Range r;
  r.lo = r.hi = v;
  r.integral = std::floor(v) == v;
  r.may_be_missing = false;
  return r;
}

Range from(double lo, double hi, bool integral, bool may_be_missing) {
  Range r;
  r.lo = lo;
  r.hi = hi;
  r.integral = integral;
  r.may_be_missing = may_be_missing;
  return r;
}

// Infinity times zero is zero here: a factor that is exactly 0 zeroes the product.
double times(double a, double b) { return a == 0 || b == 0 ? 0 : a * b; }

// The range of `a op b` for every a and b in theirs. One arm per operator of operators.def, and no
// default: an operator added there is a compile error here until its range is written.
Range arithmetic(char symbol, const Range& a, const Range& b) {
  bool missing = a.may_be_missing || b.may_be_missing;
  bool integral = a.integral && b.integral;
  const auto op = arith_op(symbol);
  if (!op) return from(-infinity, infinity, false, true);  // the grammar lets no other symbol through
  switch (*op) {
    case ArithOp::Add: return from(a.lo + b.lo, a.hi + b.hi, integral, missing);
    case ArithOp::Sub: return from(a.lo - b.hi, a.hi - b.lo, integral, missing);
    case ArithOp::Mul: {
      double c[] = {times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)};
      return from(*std::min_element(c, c + 4), *std::max_element(c, c + 4), integral, missing);
    }
    case ArithOp::Div: {
      // Division by zero gives a missing value; a divisor range that holds 0 says nothing.
      if (b.lo <= 0 && b.hi >= 0) return from(-infinity, infinity, false, true);
      double c[] = {a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi};
      return from(*std::min_element(c, c + 4), *std::max_element(c, c + 4), false, missing);
    }
  }
  return from(-infinity, infinity, false, true);
}

Range field_range(const Field& f) {
  bool missing = !f.required && !f.key;
  switch (f.type) {
    case FieldType::Int:
    case FieldType::Date:
    case FieldType::Timestamp: return from(-infinity, infinity, true, missing);
    default: return from(-infinity, infinity, false, missing);
  }
}

Range call_range(const Expr& e, const Context& cx) {
  if (e.kids.empty()) return Range{};
  const Expr& arg = unwrap(*e.kids[0], cx);
  bool missing = range_of(arg, cx).may_be_missing;
  if (e.text == "count") {
    double members = infinity;
    if (arg.kind == ExprKind::Name && arg.ref == ast::NameRef::Field) {
      const Field& f = cx.schema.fields[static_cast<std::size_t>(arg.index)];
      if (f.type == FieldType::Set) members = static_cast<double>(f.members.size());
    }
    return from(0, members, true, missing);
  }
  // The range builtins.def gives a built-in's number result (whole numbers).
  [[maybe_unused]] constexpr double unbounded = infinity;
#define BUILTIN(name, argument, result, opcode, lowest, highest, signature, doc) \
  if (ast::TypeKind::result == ast::TypeKind::Number && e.text == #name) return from(lowest, highest, true, missing);
#include "leadscore/builtins.def"
#undef BUILTIN
  return Range{};
}

}  // namespace

Range range_of(const Expr& raw, const Context& cx) {
  // A constant is the one value the compiler folds it to.
  if (auto c = fold(raw, cx.model.lets)) {
    if (c->kind == Constant::Kind::Number || c->kind == Constant::Kind::Date) return point(c->number);
  }
  const Expr& e = unwrap(raw, cx);
  switch (e.kind) {
    case ExprKind::Name:
      if (e.ref == ast::NameRef::Field) return field_range(cx.schema.fields[static_cast<std::size_t>(e.index)]);
      return Range{};
    case ExprKind::Neg: {
      Range a = range_of(*e.kids[0], cx);
      Range r = a;
      r.lo = -a.hi;
      r.hi = -a.lo;
      r.lo_open = a.hi_open;
      r.hi_open = a.lo_open;
      return r;
    }
    case ExprKind::Arith: {
      // Left to right, as the chain is evaluated.
      Range acc = range_of(*e.kids[0], cx);
      for (std::size_t i = 1; i < e.kids.size(); ++i) acc = arithmetic(e.ops[i - 1], acc, range_of(*e.kids[i], cx));
      return acc;
    }
    case ExprKind::Call: return call_range(e, cx);
    default: return Range{};
  }
}

const Expr& unwrap(const Expr& e, const Context& cx) {
  const Expr* at = &e;
  // The checker rejected let cycles, so this ends; the bound is for a model it did not check.
  for (int guard = 0; guard < 1000; ++guard) {
    if (at->kind == ExprKind::Paren && !at->kids.empty()) {
      at = at->kids[0].get();
    } else if (at->kind == ExprKind::Name && at->ref == ast::NameRef::Let && at->index >= 0 &&
               static_cast<std::size_t>(at->index) < cx.model.lets.size() &&
               cx.model.lets[static_cast<std::size_t>(at->index)].value) {
      at = cx.model.lets[static_cast<std::size_t>(at->index)].value.get();
    } else {
      break;
    }
  }
  return *at;
}

}  // namespace leadscore::lint
