// Constant evaluation: the value of an expression whose operands are all literals (through lets),
// computed without a record. The compiler folds what this returns into one constant (and emits no
// code for a rule whose condition is false), and lint's truth and range analyses start from it, so
// lint's "never fires" and the compiler's "emits no code" are one judgement and cannot drift apart.
// Arithmetic is common/arith.hpp's `apply` (operators.def), the function the VM computes with.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "leadscore/ast.hpp"

namespace leadscore {

struct Constant {
  enum class Kind { Number, String, Date, Truth } kind = Kind::Number;
  double number = 0;   // Number; Date as a day number; Truth as 0 or 1
  std::string text;    // String
};

// `lets` are the model's lets, for names that refer to them. Folding never reads a record.
std::optional<Constant> fold(const ast::Expr& e, const std::vector<ast::Let>& lets);

// `a op b` for two values of one kind, as the VM's comparison opcodes decide it.
template <typename T>
bool compare(ast::CompareOp op, const T& a, const T& b) {
  switch (op) {
    case ast::CompareOp::Eq: return a == b;
    case ast::CompareOp::Ne: return a != b;
    case ast::CompareOp::Lt: return a < b;
    case ast::CompareOp::Le: return a <= b;
    case ast::CompareOp::Gt: return a > b;
    case ast::CompareOp::Ge: return a >= b;
  }
  return false;
}

}  // namespace leadscore
