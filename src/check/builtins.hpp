// The built-in functions as the checker sees them (include/leadscore/builtins.def): each name with
// its argument and result type. The checker types calls from it and suggests names from it.
#pragma once

#include <string_view>

#include "leadscore/ast.hpp"

namespace leadscore::check {

struct Builtin {
  std::string_view name;
  ast::TypeKind arg;     // Set also accepts a set of strings
  ast::TypeKind result;
};

inline constexpr Builtin builtins[] = {
#define BUILTIN(name, argument, result, opcode, lowest, highest, signature, doc) \
  {#name, ast::TypeKind::argument, ast::TypeKind::result},
#include "leadscore/builtins.def"
#undef BUILTIN
};

}  // namespace leadscore::check
