// Walking the expressions a document itself declares (not those its imports brought in).
#pragma once

#include <cstdint>
#include <vector>

#include "leadscore/ast.hpp"

namespace leadscore::lsp {

inline bool own(const Span& span, std::uint32_t file) { return file != 0 && span.file == file; }
inline bool contains(const Span& span, std::uint32_t offset) {
  return offset >= span.begin && offset <= span.end;
}

// Calls `f(expr)` for every expression, depth first, of the lets, rules and rejects written in
// `file`. An explicit stack: a long `and` chain must not recurse once per operand.
template <class F>
void for_each_expr(const ast::Model& m, std::uint32_t file, F f) {
  std::vector<const ast::Expr*> stack;
  auto push = [&](const ast::ExprPtr& e) {
    if (e && e->span.file == file) stack.push_back(e.get());
  };
  for (const auto& x : m.lets) push(x.value);
  for (const auto& x : m.rules) {
    push(x.condition);
    push(x.per);
  }
  for (const auto& x : m.rejects) push(x.condition);
  while (!stack.empty()) {
    const ast::Expr* e = stack.back();
    stack.pop_back();
    f(*e);
    for (const auto& k : e->kids) push(k);
  }
}

// The chain of expressions at `offset`, outermost first, innermost last; empty when the offset is in
// no expression of the file.
inline std::vector<const ast::Expr*> exprs_at(const ast::Model& m, std::uint32_t file,
                                              std::uint32_t offset) {
  std::vector<const ast::Expr*> chain;
  auto descend = [&](const ast::ExprPtr& root) {
    if (!root || root->span.file != file || !contains(root->span, offset)) return false;
    const ast::Expr* e = root.get();
    chain.push_back(e);
    for (bool found = true; found;) {
      found = false;
      for (const auto& k : e->kids) {
        if (k && contains(k->span, offset)) {
          e = k.get();
          chain.push_back(e);
          found = true;
          break;
        }
      }
    }
    return true;
  };
  for (const auto& x : m.lets) if (descend(x.value)) return chain;
  for (const auto& x : m.rules) {
    if (descend(x.condition) || descend(x.per)) return chain;
  }
  for (const auto& x : m.rejects) if (descend(x.condition)) return chain;
  return chain;
}

}  // namespace leadscore::lsp
