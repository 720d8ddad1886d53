// Which grammar rules keep a node in PEGTL's parse tree, and how the tree is run. Internal to the
// syntax stage: lower.cpp turns this tree into leadscore's own AST in one pass.
#pragma once

#include <tao/pegtl/contrib/limit_depth.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "syntax/errors.hpp"
#include "syntax/grammar.hpp"

namespace leadscore::grammar {

namespace parse_tree = pegtl::parse_tree;
using Node = parse_tree::node;

// Like PEGTL's fold_one, but a node that is kept keeps its content: spans need its end.
struct fold_single_child : parse_tree::apply<fold_single_child> {
  template <typename Node, typename... States>
  static void transform(std::unique_ptr<Node>& n, States&&...) {
    if (n->children.size() == 1) n = std::move(n->children.front());
  }
};

template <typename Rule>
struct selector
    : parse_tree::selector<
          Rule,
          parse_tree::store_content::on<
              number, signed_number, date_lit, string_lit, bool_lit, regex_lit, regex_body,
              regex_flags, list_lit, call, name, ident, mul_op, add_op, compare_op, paren, neg,
              negation, compare_suffix, in_suffix, not_in_suffix, any_of_suffix, all_of_suffix,
              matches_suffix, starts_with_suffix, ends_with_suffix, contains_suffix, is_suffix,
              within_suffix, older_than_suffix, before_suffix, after_suffix, member_suffix,
              // schema
              schema_decl, field_decl, enum_type, set_type, string_set, scalar_type, modifier,
              // model statements
              model_decl, schema_ref, import_decl, let_decl, group_decl, group_min, group_max,
              decay_clause, rule_decl, add_action, subtract_action, per_clause, up_to, label,
              reject_decl, score_decl, score_min, score_max, qualify_decl, tier_decl,
              tier_threshold, test_decl, as_of, lead_record, field_init, field_name, expectation,
              score_expectation, tier_expectation, qualified_expectation, rejected_expectation,
              fired_expectation, negated>,
          // A chain of one operand is just that operand.
          fold_single_child::on<or_expr, and_expr, test_expr, sum, product>> {};

// Deeply nested input must give an error, not exhaust the stack.
template <typename Rule>
struct depth_limit : pegtl::limit_depth<600> {};

}  // namespace leadscore::grammar
