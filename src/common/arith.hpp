// The arithmetic operators of include/leadscore/operators.def as one type, and what each computes:
// the constant folder, the compiler and the VM all call `apply`, so a fold can never disagree with
// the run it stands for.
#pragma once

#include <cstdint>
#include <optional>

namespace leadscore {

enum class ArithOp : std::uint8_t {
#define ARITH(symbol, name, precedence, opcode) name,
#include "leadscore/operators.def"
#undef ARITH
};

// The operator spelled `symbol`, or nullopt.
inline std::optional<ArithOp> arith_op(char symbol) {
#define ARITH(sym, name, precedence, opcode) \
  if (symbol == sym) return ArithOp::name;
#include "leadscore/operators.def"
#undef ARITH
  return std::nullopt;
}

// `a op b`, or nullopt where the result is a missing value (a division by zero).
inline std::optional<double> apply(ArithOp op, double a, double b) {
  switch (op) {
    case ArithOp::Add: return a + b;
    case ArithOp::Sub: return a - b;
    case ArithOp::Mul: return a * b;
    case ArithOp::Div:
      if (b == 0) return std::nullopt;
      return a / b;
  }
  return std::nullopt;
}

}  // namespace leadscore
