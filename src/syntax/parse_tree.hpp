// Which grammar rules keep a node in PEGTL's parse tree, and how the tree is run. Internal to the
// syntax stage: lower.cpp turns this tree into leadscore's own AST in one pass.
#pragma once

#include <tao/pegtl/contrib/limit_depth.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include <cctype>
#include <type_traits>

#include "leadscore/limits.hpp"
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
              text_list, missing_values, column_from, date_format, schema_format,
              // model statements
              model_decl, schema_ref, import_decl, let_decl, group_decl, group_min, group_max,
              decay_clause, rule_decl, add_action, subtract_action, per_clause, up_to, label,
              reject_decl, score_decl, score_min, score_max, qualify_decl, tier_decl,
              tier_threshold, test_decl, as_of, lead_record, field_init, field_name, expectation,
              score_expectation, tier_expectation, qualified_expectation, rejected_expectation,
              fired_expectation, negated>,
          // A chain of one operand is just that operand.
          fold_single_child::on<or_expr, and_expr, test_expr, sum, product>> {};

// The rules through which the grammar recurses: each is one level of nesting. (A call is counted
// at its arguments, after its `(`: every name is first tried as a call.)
template <typename Rule>
inline constexpr bool is_nesting_rule = std::is_same_v<Rule, paren> || std::is_same_v<Rule, neg> ||
                                        std::is_same_v<Rule, negation> || std::is_same_v<Rule, call_args>;

// Whether the nesting rule `Rule` can start where `in` is: a rule tried where it cannot match (a
// name tried as `not`) nests nothing and must not count against the limit.
template <typename Rule, typename ParseInput>
bool starts_here(ParseInput& in) {
  if constexpr (std::is_same_v<Rule, paren>) return in.size(1) >= 1 && in.peek_char() == '(';
  if constexpr (std::is_same_v<Rule, neg>) return in.size(1) >= 1 && in.peek_char() == '-';
  if constexpr (std::is_same_v<Rule, negation>) {
    if (in.size(4) < 3 || in.peek_char(0) != 'n' || in.peek_char(1) != 'o' || in.peek_char(2) != 't') return false;
    if (in.size(4) == 3) return true;
    char after = in.peek_char(3);
    return !(std::isalnum(static_cast<unsigned char>(after)) || after == '_');
  }
  return true;
}

inline constexpr const char* nesting_error = "nesting limit exceeded";

// Deeply nested input must give an error, not exhaust the stack: like PEGTL's limit_depth, but
// counting only the rules that nest, so that the limit is one a user can read (limits.hpp).
template <typename Rule>
struct depth_limit : pegtl::maybe_nothing {
  template <typename R, pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    if constexpr (is_nesting_rule<R>) {
      const pegtl::internal::depth_guard guard(in.private_depth);
      if (in.private_depth > limits::max_parse_nesting && starts_here<R>(in)) {
        throw pegtl::parse_error(nesting_error, in);
      }
      return pegtl::match<R, A, M, Action, Control>(in, st...);
    } else {
      return pegtl::match<R, A, M, Action, Control>(in, st...);
    }
  }
};

}  // namespace leadscore::grammar
