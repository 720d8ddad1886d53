// One named reporter per kind of checker message, so that the wording lives in one place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/diagnostic.hpp"

namespace leadscore::check {

std::string_view type_name(const ast::Type& t);

class Reporter {
 public:
  explicit Reporter(Diagnostics& diags) : diags_(diags) {}

  void unknown_name(Span at, std::string_view name, const std::vector<std::string_view>& known);
  void unknown_field(Span at, std::string_view name, const std::vector<std::string_view>& known);
  void unknown_member(Span at, std::string_view member, std::string_view kind,
                      std::string_view field, const std::vector<std::string>& members);
  void unknown_builtin(Span at, std::string_view name);
  // A bare word compared with a string: "unknown name 'US'; quote the text: \"US\"" (or the
  // field or let it is close to).
  void unknown_name_quote(Span at, std::string_view word, std::string_view close_to);
  void type_mismatch(Span at, std::string message);
  void expected_condition(Span at, const ast::Type& got);
  void invalid_regex(Span at, std::string_view why);
  void per_not_numeric(Span at, const ast::Type& got);
  void duplicate(Span at, std::string_view what, std::string_view name);
  void import_clash(Span import_line, std::string_view what, std::string_view name);
  void unordered_tiers(Span at, std::string message);
  void invalid_schema(Span at, std::string message);
  void invalid_literal(Span at, std::string message);
  void let_cycle(Span at, std::string_view name);
  // A group or the key named like a column `score` writes anyway (SPEC 5): `what` is "group" or
  // "key field", `column` the column it would repeat.
  // An expression past limits::max_expression_depth (`too_deep`) or max_expression_nodes, through
  // `let_name` when a let's value put in place makes it so.
  void regex_too_large(Span at);
  void expression_too_big(Span at, bool too_deep, std::string_view let_name);
  void output_column_clash(Span at, std::string_view what, std::string_view name);

 private:
  Diagnostics& diags_;
};

}  // namespace leadscore::check
