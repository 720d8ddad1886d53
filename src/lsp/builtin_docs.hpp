// The built-in functions as an editor shows them: signature and one line of documentation
// (SPEC 3, docs/language.md). The names are tested against the checker's table.
#pragma once

#include <string_view>

namespace leadscore::lsp {

struct BuiltinDoc {
  std::string_view name;
  std::string_view signature;
  std::string_view doc;
};

inline constexpr BuiltinDoc builtin_docs[] = {
    {"lower", "lower(s: string) -> string", "The string in lower case."},
    {"upper", "upper(s: string) -> string", "The string in upper case."},
    {"len", "len(s: string) -> number", "The string's length in characters."},
    {"email_domain", "email_domain(s: string) -> string",
     "The lower-cased part after the last `@`; missing when there is none."},
    {"count", "count(s: set) -> number", "How many members the set holds."},
    {"days_since", "days_since(d: date) -> number",
     "Whole days from the date to the as-of date, never below 0."},
};

inline const BuiltinDoc* find_builtin_doc(std::string_view name) {
  for (const auto& b : builtin_docs) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

}  // namespace leadscore::lsp
