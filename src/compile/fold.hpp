// Constant folding: the value of an expression whose operands are all literals (through lets).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "leadscore/ast.hpp"

namespace leadscore::compile {

struct Constant {
  enum class Kind { Number, String, Date, Truth } kind = Kind::Number;
  double number = 0;   // Number; Date as a day number; Truth as 0 or 1
  std::string text;    // String
};

// `lets` are the model's lets, for names that refer to them. Folding never reads a record.
std::optional<Constant> fold(const ast::Expr& e, const std::vector<ast::Let>& lets);

}  // namespace leadscore::compile
