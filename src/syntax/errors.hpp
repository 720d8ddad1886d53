// The words of every syntax error, one per commit point of the grammar (PEGTL's must_if pattern).
// The parser appends "after 'TOKEN'" when the token before the error is on the same line.
#pragma once

#include "syntax/grammar.hpp"

namespace leadscore::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define LS_ERROR(rule, text) \
  template <>                \
  inline constexpr const char* error_message<rule> = text
LS_ERROR(expect_stmt_end, "unexpected text; expected a line break or ';' to end the statement");
LS_ERROR(expect_escape, "invalid escape sequence (use \\\" \\\\ \\n \\t \\r or \\uXXXX)");
LS_ERROR(expect_string_close, "unterminated string: a string must close with '\"' on its line");
LS_ERROR(expect_regex_close, "unterminated regular expression: expected a closing '/'");
LS_ERROR(expect_list_close, "expected ',' or ']' in the list");
LS_ERROR(expect_paren_close, "expected ')'");
LS_ERROR(expect_operand, "expected a value");
LS_ERROR(expect_sum, "expected a value");
LS_ERROR(expect_product, "expected a value");
LS_ERROR(expect_collection, "expected a list '[...]' or a let name");
LS_ERROR(expect_string, "expected a quoted string");
LS_ERROR(expect_date, "expected a date (YYYY-MM-DD)");
LS_ERROR(expect_number, "expected a number");
LS_ERROR(expect_days, "expected 'days'");
LS_ERROR(expect_of, "expected 'of'");
LS_ERROR(expect_with, "expected 'with'");
LS_ERROR(expect_than, "expected 'than'");
LS_ERROR(expect_present_or_missing, "expected 'present' or 'missing'");
LS_ERROR(expect_match_pattern, "expected a word, a quoted string or a /regular expression/");
LS_ERROR(expect_not_operand, "expected a condition");
LS_ERROR(expect_and_operand, "expected a condition");
LS_ERROR(expect_condition, "expected a condition");
LS_ERROR(expect_member_list, "expected members (names or quoted strings) separated by ','");
LS_ERROR(expect_text_list, "expected a list of quoted strings, as in [\"N/A\", \"-\"]");
LS_ERROR(expect_field_type, "expected a type (string, int, number, bool, date, timestamp, enum(...) or set(...))");
LS_ERROR(expect_colon, "expected ':'");
LS_ERROR(expect_field_or_close, "expected a field declaration 'name: type' or '}'");
LS_ERROR(expect_ident, "expected a name");
LS_ERROR(expect_open_brace, "expected '{'");
LS_ERROR(expect_close_brace, "expected '}'");
LS_ERROR(expect_schema_decl, "expected 'schema NAME { ... }'");
LS_ERROR(expect_eof, "unexpected text after the schema");
LS_ERROR(expect_points, "expected a number");
LS_ERROR(expect_to, "expected 'to'");
LS_ERROR(expect_action, "expected 'add' or 'subtract'");
LS_ERROR(expect_equals, "expected '='");
LS_ERROR(expect_let_value, "expected a condition, an expression, a list or a /regular expression/");
LS_ERROR(expect_percent, "expected '%'");
LS_ERROR(expect_every, "expected 'every'");
LS_ERROR(expect_since, "expected 'since'");
LS_ERROR(expect_rule_or_close, "expected a rule 'when ...' or '}' to close the group");
LS_ERROR(expect_when, "expected 'when'");
LS_ERROR(expect_score_bound, "expected 'min' or 'max'");
LS_ERROR(expect_at, "expected 'at'");
LS_ERROR(expect_value, "expected a value (a number, string, date, true, false, member name or list)");
LS_ERROR(expect_record_close, "expected ',' or '}' in the lead record");
LS_ERROR(expect_expectation, "expected 'score', 'tier', 'qualified', 'rejected' or 'fired'");
LS_ERROR(expect_test_line_or_close, "expected 'as of', 'lead { ... }', 'expect ...' or '}'");
LS_ERROR(expect_statement,
         "expected a statement (model, schema, import, let, group, when, reject, score, qualify, "
         "tier or test)");
#undef LS_ERROR

struct syntax_errors {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
  // Raise only from must<>: PEGTL's parse tree does not report the failure of every rule.
  template <typename Rule>
  static constexpr bool raise_on_failure = false;
};

// must<expect_*> raises a parse_error with the message above; other rules backtrack.
template <typename Rule>
struct control : pegtl::must_if<syntax_errors, pegtl::normal, false>::control<Rule> {};

}  // namespace leadscore::grammar
