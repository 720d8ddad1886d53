// Whether a condition can hold: constant folding (common/constant_fold.hpp, the compiler's own),
// and the ranges that the tests of an `and` leave a field (or a count, a date, an enum) put together.
// `company_size > 10 and company_size < 5` leaves company_size nothing; `count(visited) > 7` asks
// more than a 7-member set can hold.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "common/constant_fold.hpp"
#include "lint/analysis.hpp"

namespace leadscore::lint {

using ast::CompareOp;
using ast::Expr;
using ast::ExprKind;

namespace {

// What one primitive test says about one subject (a field, `count(visited)`, ...) when it holds.
// Every such test is false on a missing subject, so each also says that the subject is present.
struct Constraint {
  std::string subject;
  bool is_enum = false;
  Range values;                 // numbers and dates: what is left of the subject's own range
  std::vector<bool> members;    // enums: members still allowed
  bool may_be_missing = true;   // whether the subject itself can be missing
  bool covers_domain = false;   // the test allows every value the subject can take

  bool empty() const {
    if (!is_enum) return values.empty();
    return std::none_of(members.begin(), members.end(), [](bool b) { return b; });
  }
};

CompareOp mirrored(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

std::optional<Range> range_for(CompareOp op, double c) {
  Range r;
  switch (op) {
    case CompareOp::Eq: r.lo = r.hi = c; break;
    case CompareOp::Lt: r.hi = c, r.hi_open = true; break;
    case CompareOp::Le: r.hi = c; break;
    case CompareOp::Gt: r.lo = c, r.lo_open = true; break;
    case CompareOp::Ge: r.lo = c; break;
    case CompareOp::Ne: return std::nullopt;
  }
  return r;
}

Constraint numeric(std::string subject, const Range& domain, const Range& wanted) {
  Constraint k;
  k.subject = std::move(subject);
  k.may_be_missing = domain.may_be_missing;
  Range d = domain;
  d.may_be_missing = false;
  k.values = d.intersect(wanted);
  k.covers_domain = wanted.contains(d.tightened());
  return k;
}

const Field* enum_field(const Expr& e, const Context& cx) {
  if (e.type.kind != ast::TypeKind::Enum || e.type.field < 0) return nullptr;
  return &cx.schema.fields[static_cast<std::size_t>(e.type.field)];
}

bool field_may_be_missing(const Expr& e, const Context& cx) {
  const Expr& u = unwrap(e, cx);
  if (u.kind != ExprKind::Name || u.ref != ast::NameRef::Field) return true;
  const Field& f = cx.schema.fields[static_cast<std::size_t>(u.index)];
  return !f.required && !f.key;
}

Constraint enum_constraint(const Expr& value, const Field& f, const std::vector<int>& listed,
                           bool negated, const Context& cx) {
  Constraint k;
  k.subject = canonical(value, cx);
  k.is_enum = true;
  k.may_be_missing = field_may_be_missing(value, cx);
  k.members.assign(f.members.size(), negated);
  for (int m : listed) {
    if (m >= 0 && static_cast<std::size_t>(m) < k.members.size()) k.members[static_cast<std::size_t>(m)] = !negated;
  }
  k.covers_domain = std::all_of(k.members.begin(), k.members.end(), [](bool b) { return b; });
  return k;
}

// A member, bare or quoted (`"Lead Add Form"`): the checker resolved both alike.
bool is_member(const Expr& e) {
  return (e.kind == ExprKind::Name || e.kind == ExprKind::String) && e.ref == ast::NameRef::Member;
}

std::optional<Constraint> compare_constraint(const Expr& e, const Context& cx) {
  const Expr& l = unwrap(*e.kids[0], cx);
  const Expr& r = unwrap(*e.kids[1], cx);
  CompareOp op = e.op;
  if (is_member(l) || is_member(r)) {
    const Expr& value = is_member(l) ? r : l;
    const Expr& member = is_member(l) ? l : r;
    const Field* f = enum_field(value, cx);
    if (!f || (op != CompareOp::Eq && op != CompareOp::Ne)) return std::nullopt;
    return enum_constraint(value, *f, {member.index}, op == CompareOp::Ne, cx);
  }
  Range lr = range_of(l, cx), rr = range_of(r, cx);
  const Expr* subject = &l;
  double c = 0;
  if (rr.is_constant() && !lr.is_constant()) {
    c = rr.lo;
  } else if (lr.is_constant() && !rr.is_constant()) {
    subject = &r;
    c = lr.lo;
    op = mirrored(op);
  } else {
    return std::nullopt;
  }
  auto wanted = range_for(op, c);
  if (!wanted) return std::nullopt;
  return numeric(canonical(*subject, cx), range_of(*subject, cx), *wanted);
}

std::optional<Constraint> membership_constraint(const Expr& e, const Context& cx) {
  const Expr& value = unwrap(*e.kids[0], cx);
  const Expr& list = unwrap(*e.kids[1], cx);
  const Field* f = enum_field(value, cx);
  if (!f || list.kind != ExprKind::List) return std::nullopt;
  std::vector<int> listed;
  for (const auto& item : list.kids) {
    if (!is_member(*item)) return std::nullopt;
    listed.push_back(item->index);
  }
  return enum_constraint(value, *f, listed, e.kind == ExprKind::NotIn, cx);
}

std::optional<Constraint> date_constraint(const Expr& e, const Context& cx) {
  const Expr& date = *e.kids[0];
  Range wanted;
  switch (e.kind) {
    case ExprKind::Within:
    case ExprKind::OlderThan: {
      // Tests on days_since(date), which is never below 0.
      if (e.kind == ExprKind::Within) wanted.hi = e.number;
      else wanted.lo = e.number, wanted.lo_open = true;
      Range domain = range_of(date, cx);
      domain.lo = 0;
      domain.hi = infinity;
      domain.integral = true;
      return numeric("days_since(" + canonical(date, cx) + ")", domain, wanted);
    }
    case ExprKind::Before:
    case ExprKind::After: {
      double d = static_cast<double>(unwrap(*e.kids[1], cx).date);
      if (e.kind == ExprKind::Before) wanted.hi = d, wanted.hi_open = true;
      else wanted.lo = d, wanted.lo_open = true;
      return numeric(canonical(date, cx), range_of(date, cx), wanted);
    }
    default: return std::nullopt;
  }
}

std::optional<Constraint> constraint_of(const Expr& e, const Context& cx) {
  switch (e.kind) {
    case ExprKind::Compare: return compare_constraint(e, cx);
    case ExprKind::In:
    case ExprKind::NotIn: return membership_constraint(e, cx);
    case ExprKind::Within:
    case ExprKind::OlderThan:
    case ExprKind::Before:
    case ExprKind::After: return date_constraint(e, cx);
    default: return std::nullopt;
  }
}

Truth constraint_truth(const Constraint& k) {
  if (k.empty()) return Truth::Never;
  // `count(visited) >= 0` holds for every lead only where the set is required.
  return k.covers_domain && !k.may_be_missing ? Truth::Always : Truth::Sometimes;
}

// Two operands that both vary: only their ranges can settle the answer.
Truth compare_ranges(CompareOp op, const Range& a, const Range& b) {
  bool present = !a.may_be_missing && !b.may_be_missing;
  auto sometimes_or = [&](bool always) { return always && present ? Truth::Always : Truth::Sometimes; };
  switch (op) {
    case CompareOp::Lt:
      if (a.lo >= b.hi) return Truth::Never;
      return sometimes_or(a.hi < b.lo);
    case CompareOp::Le:
      if (a.lo > b.hi) return Truth::Never;
      return sometimes_or(a.hi <= b.lo);
    case CompareOp::Gt: return compare_ranges(CompareOp::Lt, b, a);
    case CompareOp::Ge: return compare_ranges(CompareOp::Le, b, a);
    case CompareOp::Eq:
      if (a.hi < b.lo || b.hi < a.lo) return Truth::Never;
      return Truth::Sometimes;
    case CompareOp::Ne:
      if (a.hi < b.lo || b.hi < a.lo) return sometimes_or(true);
      return Truth::Sometimes;
  }
  return Truth::Sometimes;
}

Truth compare_truth(const Expr& e, const Context& cx) {
  const Expr& l = unwrap(*e.kids[0], cx);
  const Expr& r = unwrap(*e.kids[1], cx);
  if (auto k = constraint_of(e, cx)) return constraint_truth(*k);
  Range lr = range_of(l, cx), rr = range_of(r, cx);
  if (lr.is_constant() && rr.is_constant()) {
    return compare(e.op, lr.lo, rr.lo) ? Truth::Always : Truth::Never;
  }
  return compare_ranges(e.op, lr, rr);
}

Truth presence_truth(const Expr& e, const Context& cx) {
  const Expr& v = unwrap(*e.kids[0], cx);
  bool literal = v.kind == ExprKind::Number || v.kind == ExprKind::String ||
                 v.kind == ExprKind::Date || v.kind == ExprKind::Bool || v.kind == ExprKind::List;
  bool present = literal || (v.kind == ExprKind::Name ? !field_may_be_missing(v, cx)
                                                      : !range_of(v, cx).may_be_missing);
  if (!present) return Truth::Sometimes;
  return e.kind == ExprKind::IsPresent ? Truth::Always : Truth::Never;
}

void flatten(const Expr& e, ExprKind kind, const Context& cx, std::vector<const Expr*>& out) {
  const Expr& u = unwrap(e, cx);
  if (u.kind != kind) {
    out.push_back(&u);
    return;
  }
  for (const auto& k : u.kids) flatten(*k, kind, cx, out);
}

// Whether the operands hold both some test and its negation (`x and not x`, `x or not x`).
bool holds_a_test_and_its_negation(const std::vector<const Expr*>& operands, const Context& cx) {
  std::set<std::string> plain, negated;
  for (const Expr* o : operands) {
    if (o->kind == ExprKind::Not) negated.insert(canonical(*o->kids[0], cx));
    else plain.insert(canonical(*o, cx));
  }
  return std::any_of(plain.begin(), plain.end(), [&](const std::string& s) { return negated.contains(s); });
}

Truth and_truth(const Expr& e, const Context& cx) {
  std::vector<const Expr*> operands;
  flatten(e, ExprKind::And, cx, operands);
  bool all_always = true;
  std::map<std::string, Constraint> left;
  for (const Expr* o : operands) {
    Truth t = truth_of(*o, cx);
    if (t == Truth::Never) return Truth::Never;
    all_always = all_always && t == Truth::Always;
    auto k = constraint_of(*o, cx);
    if (!k) continue;
    auto [it, fresh] = left.try_emplace(k->subject, *k);
    if (!fresh) {
      Constraint& have = it->second;
      if (have.is_enum != k->is_enum) continue;
      if (have.is_enum) {
        for (std::size_t m = 0; m < have.members.size() && m < k->members.size(); ++m) {
          have.members[m] = have.members[m] && k->members[m];
        }
      } else {
        have.values = have.values.intersect(k->values);
      }
      have.covers_domain = have.covers_domain && k->covers_domain;
    }
    if (it->second.empty()) return Truth::Never;
  }
  if (holds_a_test_and_its_negation(operands, cx)) return Truth::Never;
  return all_always ? Truth::Always : Truth::Sometimes;
}

Truth or_truth(const Expr& e, const Context& cx) {
  std::vector<const Expr*> operands;
  flatten(e, ExprKind::Or, cx, operands);
  bool all_never = true;
  for (const Expr* o : operands) {
    Truth t = truth_of(*o, cx);
    if (t == Truth::Always) return Truth::Always;
    all_never = all_never && t == Truth::Never;
  }
  if (all_never) return Truth::Never;
  // Conditions are two-valued: `x or not x` holds even where x reads a missing value.
  if (holds_a_test_and_its_negation(operands, cx)) return Truth::Always;
  return Truth::Sometimes;
}

}  // namespace

Truth truth_of(const Expr& raw, const Context& cx) {
  // A condition the compiler folds is settled by the same evaluation: lint calls Never exactly the
  // constant conditions that compile to no code.
  if (auto c = fold(raw, cx.model.lets); c && c->kind == Constant::Kind::Truth) {
    return c->number != 0 ? Truth::Always : Truth::Never;
  }
  const Expr& e = unwrap(raw, cx);
  switch (e.kind) {
    case ExprKind::Not: {
      Truth t = truth_of(*e.kids[0], cx);
      return t == Truth::Always ? Truth::Never : t == Truth::Never ? Truth::Always : Truth::Sometimes;
    }
    case ExprKind::And: return and_truth(e, cx);
    case ExprKind::Or: return or_truth(e, cx);
    case ExprKind::Compare: return compare_truth(e, cx);
    case ExprKind::IsPresent:
    case ExprKind::IsMissing: return presence_truth(e, cx);
    default:
      if (auto k = constraint_of(e, cx)) return constraint_truth(*k);
      return Truth::Sometimes;
  }
}

}  // namespace leadscore::lint
