// The built-in functions: each name once, with its argument and result type. The checker types
// calls from it and suggests names from it.
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
    {"lower", ast::TypeKind::String, ast::TypeKind::String},
    {"upper", ast::TypeKind::String, ast::TypeKind::String},
    {"len", ast::TypeKind::String, ast::TypeKind::Number},
    {"email_domain", ast::TypeKind::String, ast::TypeKind::String},
    {"count", ast::TypeKind::Set, ast::TypeKind::Number},
    {"days_since", ast::TypeKind::Date, ast::TypeKind::Number},
};

}  // namespace leadscore::check
