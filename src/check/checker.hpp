// The model checker's state, shared by the statement checks (model_check.cpp) and the expression
// checks (expr_check.cpp).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/report.hpp"
#include "leadscore/ast.hpp"
#include "leadscore/schema.hpp"

namespace leadscore::check {

class Checker {
 public:
  Checker(ast::Model& model, const Schema& schema, Diagnostics& diags);
  void run();

 private:
  enum class LetState : std::uint8_t { Unchecked, Checking, Done };

  // statements
  void declare_lets();
  void check_rules();
  void check_groups();
  void check_rejects();
  void check_thresholds();
  void check_tests();
  bool model_uses_today() const;
  void check_expectations(const ast::TestBlock& test, bool uses_today);

  static Span declared_at(Span own, Span imported_at);

  // expressions
  ast::Type expr(ast::Expr& e);
  ast::Type condition(ast::Expr& e);
  ast::Type operand(ast::Expr& e, const ast::Type& context);
  ast::Type name(ast::Expr& e, const ast::Type* context);
  ast::Type let_type(int index, Span use);
  ast::Type compare(ast::Expr& e);
  ast::Type membership(ast::Expr& e);
  ast::Type set_test(ast::Expr& e);
  ast::Type string_test(ast::Expr& e);
  ast::Type call(ast::Expr& e);
  void list_items(ast::Expr& list, const ast::Type& element_of, Span use);
  bool is_free_name(const ast::Expr& e) const;
  bool resolve_member(ast::Expr& e, const ast::Type& context);
  ast::Expr* let_list(ast::Expr& collection);
  void regex(ast::Expr& e);
  void bare_word_warning(const ast::Expr& word, std::string_view what);

  std::vector<std::string_view> value_names() const;
  std::vector<std::string_view> field_names() const;
  void expect(ast::Expr& e, const ast::Type& got, ast::TypeKind want, std::string_view what);
  ast::Type arith(ast::Expr& e);

  ast::Model& model_;
  const Schema& schema_;
  Diagnostics& diags_;
  Reporter report_;
  std::unordered_map<std::string_view, int> lets_;
  std::vector<LetState> let_state_;
  std::vector<ast::Type> let_types_;

  // The size limits (leadscore/limits.hpp), counted with lets put in place as the compiler does:
  // the depth of the expression being checked, the deepest level and the nodes seen in the current
  // statement, and each let's own height and nodes.
  void begin_statement();
  bool enter(const ast::Expr& e);
  void count_let_use(int index, Span use);
  std::size_t depth_ = 0, peak_ = 0, nodes_ = 0;
  bool limit_reported_ = false;
  std::vector<std::size_t> let_height_, let_nodes_;
};

}  // namespace leadscore::check
