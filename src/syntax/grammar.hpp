// The PEGTL grammar of schemas and models. It mirrors grammar/leadscore.peg rule for rule, with the
// same names; change both together. Only the parser and the grammar's tests include this header.
//
// Separators: `sp` (blanks) separates the words of a statement; `ws` (blanks, line breaks and
// comments) separates the tokens of an expression and of anything in brackets, so a condition or a
// list may be broken over lines. No statement starts with a token that can continue an expression,
// so this never joins two statements.
//
// Rules named `expect_*` are commit points, always used as `must<expect_*>`: their failure is a
// syntax error whose message lives in syntax/errors.hpp. They are used nowhere else.
#pragma once

#include <tao/pegtl.hpp>

namespace leadscore::grammar {

namespace pegtl = tao::pegtl;
using pegtl::alnum;
using pegtl::alpha;
using pegtl::any;
using pegtl::at;
using pegtl::digit;
using pegtl::eof;
using pegtl::if_must;
using pegtl::list;
using pegtl::must;
using pegtl::not_at;
using pegtl::not_one;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::ranges;
using pegtl::rep;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::string;
using pegtl::xdigit;

// ---- blanks, comments, statement ends
struct comment : seq<one<'#'>, star<not_one<'\r', '\n'>>> {};
struct blank : one<' ', '\t'> {};
struct line_break : seq<opt<one<'\r'>>, one<'\n'>> {};
struct sp : star<blank> {};
struct ws : star<sor<blank, line_break, comment>> {};
struct skip : star<sor<blank, line_break, comment, one<';'>>> {};
struct stmt_end : seq<sp, opt<comment>, sor<one<';'>, line_break, eof, at<one<'}'>>>> {};
struct expect_stmt_end : seq<stmt_end> {};

// ---- keywords (reserved) and identifiers
#define LS_KEYWORD(name) struct kw_##name : TAO_PEGTL_KEYWORD(#name) {}
LS_KEYWORD(model); LS_KEYWORD(schema); LS_KEYWORD(import); LS_KEYWORD(let); LS_KEYWORD(group);
LS_KEYWORD(when); LS_KEYWORD(add); LS_KEYWORD(subtract); LS_KEYWORD(per); LS_KEYWORD(up);
LS_KEYWORD(to); LS_KEYWORD(as); LS_KEYWORD(reject); LS_KEYWORD(score); LS_KEYWORD(min);
LS_KEYWORD(max); LS_KEYWORD(decay); LS_KEYWORD(every); LS_KEYWORD(days); LS_KEYWORD(since);
LS_KEYWORD(qualify); LS_KEYWORD(at); LS_KEYWORD(tier); LS_KEYWORD(and); LS_KEYWORD(or);
LS_KEYWORD(not); LS_KEYWORD(in); LS_KEYWORD(any); LS_KEYWORD(all); LS_KEYWORD(of);
LS_KEYWORD(matches); LS_KEYWORD(starts); LS_KEYWORD(ends); LS_KEYWORD(with); LS_KEYWORD(contains);
LS_KEYWORD(is); LS_KEYWORD(present); LS_KEYWORD(missing); LS_KEYWORD(within); LS_KEYWORD(older);
LS_KEYWORD(than); LS_KEYWORD(before); LS_KEYWORD(after); LS_KEYWORD(true); LS_KEYWORD(false);
LS_KEYWORD(test); LS_KEYWORD(string); LS_KEYWORD(int); LS_KEYWORD(number); LS_KEYWORD(bool);
LS_KEYWORD(date); LS_KEYWORD(enum); LS_KEYWORD(set); LS_KEYWORD(key); LS_KEYWORD(required);
// Contextual: keywords only inside test blocks, so they may be field names (SPEC 7); `from` and
// `format` only after a schema field's type (`format` also on a schema line of its own);
// `timestamp` only as a type.
LS_KEYWORD(lead); LS_KEYWORD(expect); LS_KEYWORD(qualified); LS_KEYWORD(fired); LS_KEYWORD(rejected);
LS_KEYWORD(from); LS_KEYWORD(timestamp); LS_KEYWORD(format);
#undef LS_KEYWORD

struct reserved
    : sor<kw_model, kw_schema, kw_import, kw_let, kw_group, kw_when, kw_add, kw_subtract, kw_per,
          kw_up, kw_to, kw_as, kw_reject, kw_score, kw_min, kw_max, kw_decay, kw_every, kw_days,
          kw_since, kw_qualify, kw_at, kw_tier, kw_and, kw_or, kw_not, kw_in, kw_any, kw_all, kw_of,
          kw_matches, kw_starts, kw_ends, kw_with, kw_contains, kw_is, kw_present, kw_missing,
          kw_within, kw_older, kw_than, kw_before, kw_after, kw_true, kw_false, kw_test, kw_string,
          kw_int, kw_number, kw_bool, kw_date, kw_enum, kw_set, kw_key, kw_required> {};
struct identifier_chars : seq<ranges<'a', 'z', 'A', 'Z', '_'>, star<ranges<'a', 'z', 'A', 'Z', '0', '9', '_'>>> {};
struct ident : seq<not_at<reserved>, identifier_chars> {};
struct ident_other : ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};

// ---- literals
struct number : seq<plus<digit>, opt<one<'.'>, plus<digit>>, opt<one<'e', 'E'>, opt<one<'+', '-'>>, plus<digit>>, not_at<ident_other>> {};
struct signed_number : seq<opt<one<'-'>>, number> {};
struct date_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<ident_other>> {};
struct escape_char : sor<one<'"', '\\', 'n', 't', 'r'>, seq<one<'u'>, rep<4, xdigit>>> {};
struct expect_escape : seq<escape_char> {};
struct escape : seq<one<'\\'>, must<expect_escape>> {};
struct string_char : sor<escape, not_one<'"', '\\', '\r', '\n'>> {};
struct expect_string_close : one<'"'> {};
struct string_lit : seq<one<'"'>, star<string_char>, must<expect_string_close>> {};
struct bool_lit : sor<kw_true, kw_false> {};
struct regex_body : star<sor<seq<one<'\\'>, not_one<'\r', '\n'>>, not_one<'/', '\r', '\n'>>> {};
struct regex_flags : star<alpha> {};
struct expect_regex_close : one<'/'> {};
struct regex_lit : seq<one<'/'>, regex_body, must<expect_regex_close>, regex_flags> {};
struct list_item : sor<date_lit, signed_number, string_lit, ident> {};
struct expect_list_close : one<']'> {};
struct list_lit : seq<one<'['>, ws, opt<list_item, star<ws, one<','>, ws, list_item>, opt<ws, one<','>>>, ws, must<expect_list_close>> {};

// ---- expressions
struct condition;
struct expect_condition;
struct expect_paren_close : one<')'> {};
struct paren : seq<one<'('>, ws, must<expect_condition>, ws, must<expect_paren_close>> {};
struct call_args : opt<condition, star<ws, one<','>, ws, condition>> {};
struct call : seq<ident, sp, one<'('>, ws, call_args, ws, must<expect_paren_close>> {};
struct name : ident {};
struct primary : sor<paren, call, date_lit, number, string_lit, bool_lit, list_lit, name> {};
struct unary;
struct expect_operand;
struct neg : seq<one<'-'>, ws, must<expect_operand>> {};
struct unary : sor<neg, primary> {};
struct expect_operand : seq<unary> {};
struct mul_op : one<'*', '/'> {};
struct product : seq<unary, star<ws, mul_op, ws, must<expect_operand>>> {};
struct add_op : one<'+', '-'> {};
struct expect_product : seq<product> {};
struct sum : seq<product, star<ws, add_op, ws, must<expect_product>>> {};
struct expect_sum : seq<sum> {};

struct compare_op : sor<string<'<', '='>, string<'>', '='>, string<'!', '='>, one<'='>, one<'<'>, one<'>'>> {};
struct collection : sor<list_lit, name> {};
struct expect_collection : seq<collection> {};
struct expect_string : seq<string_lit> {};
struct expect_date : seq<date_lit> {};
struct expect_number : seq<number> {};
struct expect_days : kw_days {};
struct expect_of : kw_of {};
struct expect_with : kw_with {};
struct expect_than : kw_than {};
struct expect_present_or_missing : sor<kw_present, kw_missing> {};
struct match_pattern : sor<regex_lit, string_lit, name> {};
struct expect_match_pattern : seq<match_pattern> {};

struct compare_suffix : seq<compare_op, ws, must<expect_sum>> {};
struct in_suffix : seq<kw_in, ws, must<expect_collection>> {};
struct not_in_suffix : seq<kw_not, ws, kw_in, ws, must<expect_collection>> {};
struct any_of_suffix : seq<kw_any, ws, must<expect_of>, ws, must<expect_collection>> {};
struct all_of_suffix : seq<kw_all, ws, must<expect_of>, ws, must<expect_collection>> {};
struct matches_suffix : seq<kw_matches, ws, must<expect_match_pattern>> {};
struct starts_with_suffix : seq<kw_starts, ws, must<expect_with>, ws, must<expect_string>> {};
struct ends_with_suffix : seq<kw_ends, ws, must<expect_with>, ws, must<expect_string>> {};
struct contains_suffix : seq<kw_contains, ws, must<expect_string>> {};
struct is_suffix : seq<kw_is, ws, must<expect_present_or_missing>> {};
struct within_suffix : seq<kw_within, ws, must<expect_number>, ws, must<expect_days>> {};
struct older_than_suffix : seq<kw_older, ws, must<expect_than>, ws, must<expect_number>, ws, must<expect_days>> {};
struct before_suffix : seq<kw_before, ws, must<expect_date>> {};
struct after_suffix : seq<kw_after, ws, must<expect_date>> {};
struct member_suffix : sor<string_lit, name> {};
struct test_suffix
    : sor<compare_suffix, in_suffix, not_in_suffix, any_of_suffix, all_of_suffix, matches_suffix,
          starts_with_suffix, ends_with_suffix, contains_suffix, is_suffix, within_suffix,
          older_than_suffix, before_suffix, after_suffix, member_suffix> {};
struct test_expr : seq<sum, opt<ws, test_suffix>> {};
struct not_expr;
struct expect_not_operand;
struct negation : seq<kw_not, ws, must<expect_not_operand>> {};
struct not_expr : sor<negation, test_expr> {};
struct expect_not_operand : seq<not_expr> {};
struct and_expr : seq<not_expr, star<ws, kw_and, ws, must<expect_not_operand>>> {};
struct expect_and_operand : seq<and_expr> {};
struct or_expr : seq<and_expr, star<ws, kw_or, ws, must<expect_and_operand>>> {};
struct condition : seq<or_expr> {};
struct expect_condition : seq<condition> {};

// ---- schema files
// A member is a name or, for values that are not names (`"Lead Add Form"`), a quoted string.
struct member_name : sor<string_lit, ident> {};
struct member_list : seq<member_name, star<ws, one<','>, ws, member_name>> {};
struct expect_member_list : seq<member_list> {};
struct enum_type : seq<kw_enum, sp, one<'('>, ws, must<expect_member_list>, ws, must<expect_paren_close>> {};
struct string_set : kw_string {};
struct set_type : seq<kw_set, sp, one<'('>, ws, sor<string_set, must<expect_member_list>>, ws, must<expect_paren_close>> {};
struct scalar_type : sor<kw_string, kw_int, kw_number, kw_bool, kw_date, kw_timestamp> {};
struct field_type : sor<enum_type, set_type, scalar_type> {};
struct expect_field_type : seq<field_type> {};
struct modifier : sor<kw_key, kw_required> {};
// `missing ["Select", "N/A"]`: texts that mean no value, for one field or (a line of its own) all.
struct text_list : seq<one<'['>, ws, opt<string_lit, star<ws, one<','>, ws, string_lit>, opt<ws, one<','>>>, ws, must<expect_list_close>> {};
struct expect_text_list : seq<text_list> {};
struct missing_values : seq<kw_missing, sp, must<expect_text_list>> {};
// `from "Lead Source"`: the column (CSV header, JSON key) the field reads, when not its name.
struct column_from : seq<kw_from, sp, must<expect_string>> {};
// `format "%d/%m/%Y"`: the layout of a date or timestamp field's values (on a line of its own: of
// every date field without one).
struct date_format : seq<kw_format, sp, must<expect_string>> {};
struct field_option : sor<modifier, column_from, missing_values, date_format> {};
struct expect_colon : one<':'> {};
struct field_decl : seq<ident, sp, must<expect_colon>, sp, must<expect_field_type>, star<sp, field_option>> {};
struct expect_field_or_close : at<sor<identifier_chars, one<'}'>>> {};
// The head, one item and the body of a block are rules of their own: after a syntax error the parser
// goes on at the next item of the block, so one run reports every broken line (syntax/parser.cpp).
// A schema line `format "..."` is told from a field called `format` by what follows the word.
struct schema_format : seq<kw_format, sp, at<one<'"'>>, must<expect_string>> {};
struct schema_item : seq<must<expect_field_or_close>, sor<missing_values, schema_format, field_decl>, must<expect_stmt_end>> {};
struct schema_body : seq<skip, star<schema_item, skip>> {};
struct expect_ident : seq<ident> {};
struct expect_open_brace : one<'{'> {};
struct expect_close_brace : one<'}'> {};
struct schema_head : seq<kw_schema, sp, must<expect_ident>, sp, must<expect_open_brace>> {};
struct schema_decl : seq<schema_head, schema_body, must<expect_close_brace>> {};
struct expect_schema_decl : seq<schema_decl> {};
struct expect_eof : eof {};
struct schema_file : seq<skip, must<expect_schema_decl>, skip, must<expect_eof>> {};

// ---- model files
struct label : seq<kw_as, sp, must<expect_string>> {};
struct expect_points : seq<signed_number> {};
struct expect_to : kw_to {};
struct up_to : seq<kw_up, sp, must<expect_to>, sp, must<expect_number>> {};
struct per_clause : seq<kw_per, sp, must<expect_sum>, opt<sp, up_to>> {};
struct add_action : seq<kw_add, sp, must<expect_points>> {};
struct subtract_action : seq<kw_subtract, sp, must<expect_points>> {};
struct action : sor<add_action, subtract_action> {};
struct expect_action : seq<action> {};
struct rule_decl : seq<kw_when, sp, must<expect_condition>, sp, must<expect_action>, opt<sp, per_clause>, opt<sp, label>> {};

struct model_decl : seq<kw_model, sp, must<expect_string>> {};
struct schema_ref : seq<kw_schema, sp, must<expect_string>> {};
struct import_decl : seq<kw_import, sp, must<expect_string>> {};
struct expect_equals : one<'='> {};
struct let_value : sor<list_lit, regex_lit, condition> {};
struct expect_let_value : seq<let_value> {};
struct let_decl : seq<kw_let, sp, must<expect_ident>, sp, must<expect_equals>, ws, must<expect_let_value>> {};

struct group_min : seq<kw_min, sp, must<expect_points>> {};
struct group_max : seq<kw_max, sp, must<expect_points>> {};
struct expect_percent : one<'%'> {};
struct expect_every : kw_every {};
struct expect_since : kw_since {};
struct decay_clause : seq<kw_decay, sp, must<expect_number>, sp, must<expect_percent>, sp, must<expect_every>, sp, must<expect_number>, sp, must<expect_days>, sp, must<expect_since>, sp, must<expect_ident>> {};
struct group_option : sor<group_min, group_max, decay_clause> {};
struct expect_rule_or_close : at<sor<kw_when, one<'}'>>> {};
struct group_item : seq<must<expect_rule_or_close>, rule_decl, must<expect_stmt_end>> {};
struct group_body : seq<skip, star<group_item, skip>> {};
struct group_head : seq<kw_group, sp, must<expect_ident>, star<sp, group_option>, sp, must<expect_open_brace>> {};
struct group_decl : seq<group_head, group_body, must<expect_close_brace>> {};

struct expect_when : kw_when {};
struct reject_decl : seq<kw_reject, sp, must<expect_when>, sp, must<expect_condition>, opt<sp, label>> {};
struct score_min : seq<kw_min, sp, must<expect_points>> {};
struct score_max : seq<kw_max, sp, must<expect_points>> {};
struct expect_score_bound : sor<score_min, score_max> {};
struct score_decl : seq<kw_score, sp, must<expect_score_bound>, opt<sp, score_max>> {};
struct expect_at : kw_at {};
struct qualify_decl : seq<kw_qualify, sp, must<expect_at>, sp, must<expect_points>> {};
struct tier_threshold : seq<kw_at, sp, must<expect_points>> {};
struct tier_decl : seq<kw_tier, sp, must<expect_ident>, opt<sp, tier_threshold>> {};

// Test blocks (run by `leadscore test`).
struct value_lit : sor<date_lit, signed_number, string_lit, bool_lit, list_lit, name> {};
struct expect_value : seq<value_lit> {};
struct field_name : identifier_chars {};
struct field_init : seq<field_name, ws, must<expect_colon>, ws, must<expect_value>> {};
struct expect_record_close : one<'}'> {};
struct lead_record : seq<kw_lead, ws, must<expect_open_brace>, ws, opt<field_init, star<ws, one<','>, ws, field_init>, opt<ws, one<','>>>, ws, must<expect_record_close>> {};
struct as_of : seq<kw_as, sp, must<expect_of>, sp, must<expect_date>> {};
struct score_expectation : seq<kw_score, sp, must<expect_points>> {};
struct tier_expectation : seq<kw_tier, sp, must<expect_ident>> {};
struct negated : opt<kw_not, sp> {};
struct qualified_expectation : seq<negated, kw_qualified> {};
struct rejected_expectation : seq<negated, kw_rejected> {};
struct fired_expectation : seq<negated, kw_fired, sp, must<expect_string>> {};
struct expectation_kind : sor<score_expectation, tier_expectation, qualified_expectation, rejected_expectation, fired_expectation> {};
struct expect_expectation : seq<expectation_kind> {};
struct expectation : seq<kw_expect, sp, must<expect_expectation>> {};
struct test_line : sor<as_of, lead_record, expectation> {};
struct expect_test_line_or_close : at<sor<kw_as, kw_lead, kw_expect, one<'}'>>> {};
struct test_item : seq<must<expect_test_line_or_close>, test_line, must<expect_stmt_end>> {};
struct test_body : seq<skip, star<test_item, skip>> {};
struct test_head : seq<kw_test, sp, must<expect_string>, sp, must<expect_open_brace>> {};
struct test_decl : seq<test_head, test_body, must<expect_close_brace>> {};

struct statement
    : sor<model_decl, schema_ref, import_decl, let_decl, group_decl, rule_decl, reject_decl,
          score_decl, qualify_decl, tier_decl, test_decl> {};
struct expect_statement : seq<statement> {};
// One statement and its end; the parser calls this in a loop so that it can resynchronise after a
// syntax error and report the next one too.
struct statement_unit : seq<must<expect_statement>, must<expect_stmt_end>> {};

}  // namespace leadscore::grammar
