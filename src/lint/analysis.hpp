// The small static analyses the checks share: the range of values a numeric expression can take,
// whether a condition can hold, and a canonical text of an expression for comparing conditions.
// They read the model only; a `let` name stands for its value everywhere.
#pragma once

#include <limits>
#include <string>

#include "leadscore/ast.hpp"
#include "lint/context.hpp"

namespace leadscore::lint {

inline constexpr double infinity = std::numeric_limits<double>::infinity();

// The values an expression can take when it has one (dates as day numbers). `integral` values are
// whole numbers (int fields, counts, lengths, days); `may_be_missing` says whether a lead can leave
// the expression without a value, which makes every test on it false (SPEC 3, "Missing values").
struct Range {
  double lo = -infinity, hi = infinity;
  bool lo_open = false, hi_open = false;
  bool integral = false;
  bool may_be_missing = true;

  bool empty() const { return lo > hi || (lo == hi && (lo_open || hi_open)); }
  bool is_constant() const { return !may_be_missing && lo == hi && !empty(); }
  // Open ends of a whole-number range become the next whole number in.
  Range tightened() const;
  Range intersect(const Range& other) const;
  bool contains(const Range& other) const;
};

Range range_of(const ast::Expr& e, const Context& cx);

enum class Truth { Never, Sometimes, Always };

// Whether a condition holds for no lead, some leads, or every lead. Sound but not complete: a
// condition it calls Never or Always is one; some constant conditions it leaves as Sometimes.
Truth truth_of(const ast::Expr& cond, const Context& cx);

// `e` without parentheses and with `let` names replaced by their values.
const ast::Expr& unwrap(const ast::Expr& e, const Context& cx);

// One text for conditions that mean the same by their form: parentheses and lets gone, operands of
// `and`/`or` and list items sorted, `a > 3` written as `3 < a`, case-insensitive patterns lowered.
std::string canonical(const ast::Expr& e, const Context& cx);

}  // namespace leadscore::lint
