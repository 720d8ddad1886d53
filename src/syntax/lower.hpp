// Lowers PEGTL's parse tree into leadscore's AST, in one pass.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/diagnostic.hpp"
#include "syntax/parse_tree.hpp"

namespace leadscore::syntax {

class Lowerer {
 public:
  Lowerer(std::uint32_t file, std::string_view text, Diagnostics& diags)
      : file_(file), text_(text), diags_(diags) {}

  // Adds one parsed statement (a child of a statement_unit's root) to `model`.
  void statement(const grammar::Node& n, ast::Model& model);
  void schema(const grammar::Node& n, ast::SchemaFile& out);

  // A block read item by item (the parser's recovery): its head, then each item as it parses.
  // group_head returns the new group's index; the group's span is set by the parser at its end.
  int group_head(const grammar::Node& head, ast::Model& model);
  void group_rule(const grammar::Node& rule_decl, int group, ast::Model& model);
  ast::TestBlock test_head(const grammar::Node& head);
  void test_line(const grammar::Node& line, ast::TestBlock& t);
  void schema_head(const grammar::Node& head, ast::SchemaFile& out);
  // One item of a schema's body: a field, or the schema's own `missing [...]` line.
  void schema_field(const grammar::Node& item, ast::SchemaFile& out);

 private:
  Span span(const grammar::Node& n) const;
  Span span(const grammar::Node& first, const grammar::Node& last) const;
  ast::ExprPtr expr(const grammar::Node& n);
  ast::ExprPtr leaf(ast::ExprKind kind, const grammar::Node& n);
  ast::ExprPtr suffix(ast::ExprPtr lhs, const grammar::Node& test, const grammar::Node& sfx);
  ast::ExprPtr chain(const grammar::Node& n);
  ast::ExprPtr list(const grammar::Node& n);
  ast::ExprPtr literal_value(const grammar::Node& n);
  double number(const grammar::Node& n);
  std::string string_value(const grammar::Node& n);
  ast::Rule rule(const grammar::Node& n, int group);
  void group(const grammar::Node& n, ast::Model& model);
  void test(const grammar::Node& n, ast::Model& model);
  void missing_values(const grammar::Node& n, std::vector<std::string>& texts, std::vector<Span>& spans);

  std::uint32_t file_;
  std::string_view text_;
  Diagnostics& diags_;
};

// The value of a string literal's text between its quotes, with escapes replaced.
std::string unescape(std::string_view body);

}  // namespace leadscore::syntax
