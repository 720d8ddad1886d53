// The built-in functions as an editor shows them: signature and one line of documentation, from
// include/leadscore/builtins.def (SPEC 3, docs/language.md).
#pragma once

#include <string_view>

namespace leadscore::lsp {

struct BuiltinDoc {
  std::string_view name;
  std::string_view signature;
  std::string_view doc;
};

inline constexpr BuiltinDoc builtin_docs[] = {
#define BUILTIN(name, argument, result, opcode, lowest, highest, signature, doc) {#name, signature, doc},
#include "leadscore/builtins.def"
#undef BUILTIN
};

inline const BuiltinDoc* find_builtin_doc(std::string_view name) {
  for (const auto& b : builtin_docs) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

}  // namespace leadscore::lsp
