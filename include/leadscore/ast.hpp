// The typed syntax tree of a model, as the parser builds it. Every node keeps its source span.
// The checker annotates expressions in place (their `type` and what a name resolves to); no later
// stage changes the tree.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "leadscore/date.hpp"
#include "leadscore/source.hpp"

namespace leadscore::ast {

enum class ExprKind : std::uint8_t {
  Number, String, Date, Bool, Name, List, Regex,  // leaves; a Name is a field, a let or a member
  Neg,                                            // arithmetic: kids: operand
  Arith,                                          // kids: operands of one chain; `ops` between them
  Compare,                                        // kids: left, right; `op`
  In, NotIn,                                      // kids: value, collection (List or Name)
  SetHas,                                         // kids: set, member (Name or String)
  AnyOf, AllOf,                                   // kids: set, collection
  Matches,                                        // kids: string, pattern (Name word, String, Regex)
  StartsWith, EndsWith, Contains,                 // kids: string, String
  IsPresent, IsMissing,                           // kids: value
  Within, OlderThan,                              // kids: date; `number` days
  Before, After,                                  // kids: date, Date literal
  And, Or, Not,
  Call,                                           // `text` is the built-in's name; kids: arguments
  Paren,                                          // kids: inner (kept for spans and formatting)
};

enum class CompareOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

// What the checker found an expression to be.
enum class TypeKind : std::uint8_t {
  Unknown,    // not checked yet, or an error was reported
  Condition,  // a truth value (bool fields are conditions too)
  Number,     // int and number
  String,
  Date,
  Timestamp,  // a timestamp field's value (an instant)
  Enum,       // a value of enum field `field`
  Set,        // a set of the members of set field `field`
  StringSet,
  List,       // a literal list; `element` says of what
  Member,     // a bare enum or set member name, resolved in context
  Regex,
};

struct Type {
  TypeKind kind = TypeKind::Unknown;
  int field = -1;                         // Enum and Set: the schema field giving the members
  TypeKind element = TypeKind::Unknown;   // List
};

enum class NameRef : std::uint8_t { Unresolved, Field, Let, Member };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  ExprKind kind = ExprKind::Number;
  Span span;
  CompareOp op = CompareOp::Eq;
  double number = 0;       // Number literal; days for Within/OlderThan
  Day date = 0;            // Date literal
  bool boolean = false;    // Bool literal
  std::string text;        // Name, String value, Regex pattern, Call name
  std::string flags;       // Regex flags
  // Arith: the operator before each operand after the first ('+' '-' or '*' '/'), evaluated left
  // to right. A chain is one node, not a nested pair per operator, so that a long sum does not
  // make every pass over the tree recurse once per operand.
  std::string ops;
  std::vector<ExprPtr> kids;

  // Filled by the checker.
  Type type;
  NameRef ref = NameRef::Unresolved;
  int index = -1;          // Field: schema index; Let: let index; Member: member index
};

struct Rule {
  Span span;                 // the whole rule, without its label
  Span imported_at;          // the `import` line that brought it in; file 0 when local
  ExprPtr condition;
  double points = 0;         // negative for `subtract`
  Span points_span;
  ExprPtr per;               // null without `per`
  std::optional<double> up_to;
  Span up_to_span;
  std::string label;         // `as "..."`, or the rule's own source text
  bool has_label = false;
  Span label_span;
  int group = -1;            // index in Model::groups; -1 for the implicit group
};

struct Decay {
  Span span;
  double percent = 0;
  double every_days = 0;
  std::string field;
  Span field_span;
};

struct Group {
  Span span;                 // the header, `group` to `{`
  Span imported_at;          // the `import` line that brought it in; file 0 when local
  std::string name;
  Span name_span;
  std::optional<double> min, max;
  Span min_span, max_span;
  std::optional<Decay> decay;
};

struct Let {
  Span span;
  Span imported_at;          // the `import` line that brought it in; file 0 when local
  std::string name;
  Span name_span;
  ExprPtr value;
};

struct Reject {
  Span span;                 // the whole clause, without its label
  Span imported_at;          // the `import` line that brought it in; file 0 when local
  ExprPtr condition;
  std::string reason;        // `as "..."`, or the clause's own source text
  bool has_reason = false;
};

struct ScoreBounds {
  Span span;
  Span imported_at;          // the `import` line that brought it in; file 0 when local
  std::optional<double> min, max;
};

struct Qualify {
  Span span;
  Span imported_at;          // the `import` line that brought it in; file 0 when local
  double at = 0;
};

struct Tier {
  Span span;
  Span imported_at;          // the `import` line that brought it in; file 0 when local
  std::string name;
  Span name_span;
  std::optional<double> at;
};

struct Import {
  Span span;
  std::string path;
};

struct FieldInit {
  Span span;
  std::string field;
  Span field_span;
  ExprPtr value;             // a literal or a list of literals
};

enum class ExpectationKind : std::uint8_t { Score, Tier, Qualified, Rejected, Fired };

struct Expectation {
  Span span;
  ExpectationKind kind = ExpectationKind::Score;
  bool negated = false;
  double score = 0;
  std::string text;          // tier name or fired label
};

struct TestBlock {
  Span span;
  std::string name;
  std::optional<Day> as_of;
  std::vector<FieldInit> lead;
  bool has_lead = false;
  std::vector<Expectation> expectations;
};

struct Model {
  std::uint32_t file = 0;
  std::optional<std::string> display_name;
  std::optional<std::string> schema_path;
  Span schema_span;
  std::vector<Import> imports;
  std::vector<Let> lets;
  std::vector<Group> groups;
  std::vector<Rule> rules;              // in source order, grouped or not
  std::vector<Reject> rejects;
  std::vector<ScoreBounds> score_bounds;  // more than one is an error the checker reports
  std::vector<Qualify> qualifies;         // likewise
  std::vector<Tier> tiers;
  std::vector<TestBlock> tests;
};

// A schema file as written, before the checker validates it into a leadscore::Schema.
struct SchemaField {
  Span span;
  std::string name;
  Span name_span;
  std::string type;                     // string int number bool date timestamp enum set
  bool string_set = false;              // set(string)
  std::vector<std::string> members;     // as read: a quoted member is unescaped
  std::vector<Span> member_spans;
  bool key = false, required = false;
  Span type_span;
  // `from "Column"`: the column it reads, one entry per `from` written (none without; a second is
  // kept for the checker to report).
  std::vector<std::string> columns;
  std::vector<Span> column_spans;
  std::vector<std::string> missing;     // `missing [...]`: texts read as missing
  std::vector<Span> missing_spans;
  // `format "%d/%m/%Y"`: the layout of its dates, one entry per `format` written.
  std::vector<std::string> formats;
  std::vector<Span> format_spans;
};

struct SchemaFile {
  std::uint32_t file = 0;
  Span span;
  std::string name;
  std::vector<SchemaField> fields;
  std::vector<std::string> missing;     // `missing [...]` lines of the schema, for every field
  std::vector<Span> missing_spans;
  std::vector<std::string> formats;     // `format "..."` lines: the layout of every date field
  std::vector<Span> format_spans;       // without its own (one line is allowed)
};

}  // namespace leadscore::ast
