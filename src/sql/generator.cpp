// A checked model as one SQL query (leadscore/sql.hpp). The query is built in layers, each a CTE
// (nested subqueries in ClickHouse, which has none in 18.16): the leads' values as the model reads
// them, one column per rule and reject, one per group, the score, and the output columns.
// Every name a layer defines holds a '$' (f$id, r$1, x$1, g$1, s$score), which no field or group
// name can: ClickHouse lets an alias hide a column of the same name anywhere in its SELECT.
#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "sql/dialect.hpp"
#include "sql/regex.hpp"

namespace leadscore::sql {

namespace {

using ast::Expr;
using ast::ExprKind;
using ast::TypeKind;

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A comment's text on one line, and never closing the comment early.
std::string comment_text(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

std::string_view op_text(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::Eq: return "=";
    case ast::CompareOp::Ne: return "<>";
    case ast::CompareOp::Lt: return "<";
    case ast::CompareOp::Le: return "<=";
    case ast::CompareOp::Gt: return ">";
    case ast::CompareOp::Ge: return ">=";
  }
  return "=";
}

class Generator {
 public:
  Generator(const ast::Model& model, const Schema& schema, const QueryOptions& options, Diagnostics& diags)
      : model_(model), schema_(schema), opt_(options), sp_(options.dialect), diags_(diags) {}

  std::optional<std::string> run();

 private:
  const Expr& let_value(const Expr& name) const { return *model_.lets[static_cast<std::size_t>(name.index)].value; }
  const Expr& list_of(const Expr& collection) const {
    const Expr* e = &collection;
    while (e->kind == ExprKind::Name && e->ref == ast::NameRef::Let) e = &let_value(*e);
    while (e->kind == ExprKind::Paren) e = e->kids[0].get();
    return *e;
  }
  const Field& field(int index) const { return schema_.fields[static_cast<std::size_t>(index)]; }

  void refuse(Span span, const std::string& why) {
    ok_ = false;
    diags_.report(Code::UnsupportedFeature, span,
                 fmt::format("cannot translate this to {} exactly: {}", dialect_display(opt_.dialect), why));
  }

  std::string field_ref(int index) {
    used_fields_.insert(index);
    return sp_.ident("f$" + field(index).name);
  }

  std::string cond(const Expr& e);
  std::string value(const Expr& e);
  std::string nullable_truth(const Expr& e);
  std::string compare(const Expr& e);
  std::string membership(const Expr& e);
  std::string set_test(const Expr& e);
  std::string string_test(const Expr& e);
  std::string regex_test(const Expr& pattern, const std::string& hay);
  std::string enum_index(const Expr& e, int enum_field);

  std::string rule_points(const ast::Rule& rule);
  std::string group_total(const std::vector<std::size_t>& rules, const ast::Group* info);

  const ast::Model& model_;
  const Schema& schema_;
  const QueryOptions& opt_;
  Spelling sp_;
  Diagnostics& diags_;
  bool ok_ = true;
  std::set<int> used_fields_;
};

std::string Generator::enum_index(const Expr& e, int enum_field) {
  if (e.type.kind == TypeKind::Member) return sp_.num(static_cast<double>(e.index));
  std::string v = value(e);
  std::string out = "CASE";
  const Field& f = field(enum_field);
  for (std::size_t i = 0; i < f.members.size(); ++i) {
    out += fmt::format(" WHEN {} = {} THEN {}", v, sp_.str(f.members[i]), sp_.num(static_cast<double>(i)));
  }
  return out + " END";
}

// A truth that is NULL where the VM's value is missing: only a bool field (through lets and
// parentheses) can be; every other condition is true or false.
std::string Generator::nullable_truth(const Expr& e) {
  const Expr* x = &e;
  for (;;) {
    if (x->kind == ExprKind::Paren) x = x->kids[0].get();
    else if (x->kind == ExprKind::Name && x->ref == ast::NameRef::Let) x = &let_value(*x);
    else break;
  }
  if (x->kind == ExprKind::Name && x->ref == ast::NameRef::Field) return field_ref(x->index);
  return "(" + cond(*x) + ")";
}

std::string Generator::value(const Expr& e) {
  if (e.type.kind == TypeKind::Condition) return nullable_truth(e);
  switch (e.kind) {
    case ExprKind::Number: return sp_.num(e.number);
    case ExprKind::String: return sp_.str(e.text);
    case ExprKind::Date: return sp_.date(e.date);
    case ExprKind::Bool: return sp_.truth(e.boolean);
    case ExprKind::Name:
      if (e.ref == ast::NameRef::Field) return field_ref(e.index);
      if (e.ref == ast::NameRef::Let) return "(" + value(let_value(e)) + ")";
      refuse(e.span, "a name used as a value here");
      return "NULL";
    case ExprKind::Paren: return "(" + value(*e.kids[0]) + ")";
    case ExprKind::Neg: return "(-(" + value(*e.kids[0]) + "))";
    case ExprKind::Arith: {
      std::string acc = value(*e.kids[0]);
      for (std::size_t i = 1; i < e.kids.size(); ++i) {
        std::string b = value(*e.kids[i]);
        char op = e.ops[i - 1];
        if (op == '/') acc = "(" + sp_.divide(acc, b) + ")";  // by zero: missing, as in the VM
        else acc = fmt::format("({} {} {})", acc, op, b);
      }
      return acc;
    }
    case ExprKind::Call: {
      const Expr& arg = *e.kids[0];
      if (e.text == "lower") return sp_.lower(value(arg));
      if (e.text == "upper") return sp_.upper(value(arg));
      if (e.text == "len") return sp_.length(value(arg));
      if (e.text == "email_domain") return sp_.email_domain(value(arg));
      if (e.text == "days_since") return sp_.days_since(value(arg), sp_.as_of(opt_.as_of));
      if (e.text == "count") {
        if (arg.type.kind != TypeKind::Set) {
          refuse(e.span, "count() of a set of strings");
          return "NULL";
        }
        std::string s = value(arg);
        std::string sum;
        for (const auto& m : field(arg.type.field).members) {
          if (!sum.empty()) sum += " + ";
          sum += fmt::format("CASE WHEN {} THEN {} ELSE {} END", sp_.contains(s, sp_.str(";" + m + ";")), sp_.num(1), sp_.num(0));
        }
        if (sum.empty()) sum = sp_.num(0);
        return fmt::format("CASE WHEN {} IS NOT NULL THEN {} END", s, sum);
      }
      refuse(e.span, "the built-in " + e.text);
      return "NULL";
    }
    default:
      refuse(e.span, "this value");
      return "NULL";
  }
}

std::string Generator::cond(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Bool: return sp_.truth(e.boolean);
    case ExprKind::Name:
      if (e.ref == ast::NameRef::Let) return "(" + cond(let_value(e)) + ")";
      if (e.ref == ast::NameRef::Field) return sp_.or_false(field_ref(e.index));
      refuse(e.span, "a name used as a condition here");
      return sp_.truth(false);
    case ExprKind::Paren: return "(" + cond(*e.kids[0]) + ")";
    case ExprKind::Not: return "NOT (" + cond(*e.kids[0]) + ")";
    case ExprKind::And:
    case ExprKind::Or: {
      std::string out = "(";
      for (std::size_t i = 0; i < e.kids.size(); ++i) {
        if (i > 0) out += e.kind == ExprKind::And ? " AND " : " OR ";
        out += cond(*e.kids[i]);
      }
      return out + ")";
    }
    case ExprKind::Compare: return compare(e);
    case ExprKind::In:
    case ExprKind::NotIn: return membership(e);
    case ExprKind::SetHas:
    case ExprKind::AnyOf:
    case ExprKind::AllOf: return set_test(e);
    case ExprKind::Matches:
    case ExprKind::StartsWith:
    case ExprKind::EndsWith:
    case ExprKind::Contains: return string_test(e);
    case ExprKind::IsPresent: return "(" + value(*e.kids[0]) + " IS NOT NULL)";
    case ExprKind::IsMissing: return "(" + value(*e.kids[0]) + " IS NULL)";
    case ExprKind::Within:
    case ExprKind::OlderThan:
      return sp_.or_false(fmt::format("{} {} {}", sp_.days_since(value(*e.kids[0]), sp_.as_of(opt_.as_of)),
                                      e.kind == ExprKind::Within ? "<=" : ">", sp_.num(e.number)));
    case ExprKind::Before:
    case ExprKind::After:
      return sp_.or_false(fmt::format("{} {} {}", value(*e.kids[0]), e.kind == ExprKind::Before ? "<" : ">",
                                      sp_.date(e.kids[1]->date)));
    default:
      refuse(e.span, "this condition");
      return sp_.truth(false);
  }
}

std::string Generator::compare(const Expr& e) {
  const Expr& l = *e.kids[0];
  const Expr& r = *e.kids[1];
  TypeKind k = l.type.kind == TypeKind::Member ? r.type.kind : l.type.kind;
  std::string_view op = op_text(e.op);
  switch (k) {
    case TypeKind::Number:
    case TypeKind::Date: return sp_.or_false(fmt::format("{} {} {}", value(l), op, value(r)));
    case TypeKind::String: return sp_.or_false(sp_.string_compare(value(l), op, value(r)));
    case TypeKind::Condition: return sp_.or_false(fmt::format("{} {} {}", nullable_truth(l), op, nullable_truth(r)));
    case TypeKind::Enum: {
      const Expr& en = l.type.kind == TypeKind::Member ? r : l;
      const Expr& other = l.type.kind == TypeKind::Member ? l : r;
      if (other.type.kind == TypeKind::Member && (e.op == ast::CompareOp::Eq || e.op == ast::CompareOp::Ne)) {
        return sp_.or_false(fmt::format("{} {} {}", value(en), op, sp_.str(field(en.type.field).members[static_cast<std::size_t>(other.index)])));
      }
      // Enum values order by their place in the schema, as the VM compares member numbers.
      std::string a = l.type.kind == TypeKind::Member ? enum_index(l, en.type.field) : enum_index(l, l.type.field);
      std::string b = r.type.kind == TypeKind::Member ? enum_index(r, en.type.field) : enum_index(r, r.type.field);
      return sp_.or_false(fmt::format("{} {} {}", a, op, b));
    }
    default:
      refuse(e.span, "a comparison of these types");
      return sp_.truth(false);
  }
}

std::string Generator::membership(const Expr& e) {
  const Expr& v = *e.kids[0];
  const Expr& list = list_of(*e.kids[1]);
  bool negated = e.kind == ExprKind::NotIn;
  std::vector<std::string> items;
  switch (v.type.kind) {
    case TypeKind::Enum: {
      const Field& f = field(v.type.field);
      std::set<std::string> seen;
      for (const auto& item : list.kids) {
        if (f.member_index(item->text) >= 0 && seen.insert(item->text).second) items.push_back(sp_.str(item->text));
      }
      break;
    }
    case TypeKind::String:
      for (const auto& item : list.kids) items.push_back(sp_.str(item->text));
      break;
    case TypeKind::Number:
    case TypeKind::Date:
      for (const auto& item : list.kids) {
        if (item->kind == ExprKind::Date) {
          if (v.type.kind == TypeKind::Date) items.push_back(sp_.date(item->date));
          else items.push_back(sp_.num(static_cast<double>(item->date)));
        } else if (item->kind == ExprKind::Number) {
          if (v.type.kind == TypeKind::Date) {
            refuse(item->span, "a number in a list of dates");
            return sp_.truth(false);
          }
          items.push_back(sp_.num(item->number));
        } else {
          refuse(item->span, "this list item");
          return sp_.truth(false);
        }
      }
      break;
    default:
      refuse(e.span, "membership of a value of this type");
      return sp_.truth(false);
  }
  std::string x = value(v);
  if (items.empty()) return negated ? "(" + x + " IS NOT NULL)" : sp_.truth(false);
  std::string joined;
  for (std::size_t i = 0; i < items.size(); ++i) joined += (i ? ", " : "") + items[i];
  // A missing value is in no list and outside none (ClickHouse's NOT IN holds for a NULL).
  if (negated) return sp_.or_false(fmt::format("({0} IS NOT NULL AND {0} NOT IN ({1}))", x, joined));
  return sp_.or_false(fmt::format("{} IN ({})", x, joined));
}

std::string Generator::set_test(const Expr& e) {
  const Expr& set = *e.kids[0];
  if (set.type.kind != TypeKind::Set) {
    refuse(e.span, "a test on a set of strings");
    return sp_.truth(false);
  }
  const Field& f = field(set.type.field);
  std::vector<std::string> members;
  if (e.kind == ExprKind::SetHas) {
    members.push_back(e.kids[1]->text);
  } else {
    std::set<std::string> seen;
    for (const auto& item : list_of(*e.kids[1]).kids) {
      if (f.member_index(item->text) >= 0 && seen.insert(item->text).second) members.push_back(item->text);
    }
  }
  std::string s = value(set);
  bool all = e.kind == ExprKind::AllOf;
  if (members.empty()) return all ? "(" + s + " IS NOT NULL)" : sp_.truth(false);
  std::string out;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i > 0) out += all ? " AND " : " OR ";
    out += sp_.contains(s, sp_.str(";" + members[i] + ";"));
  }
  return sp_.or_false("(" + out + ")");
}

std::string Generator::string_test(const Expr& e) {
  std::string hay = value(*e.kids[0]);
  const Expr* pattern = e.kids[1].get();
  if (e.kind == ExprKind::StartsWith) return sp_.or_false(sp_.starts_with(sp_.lower(hay), ascii_lower(pattern->text)));
  if (e.kind == ExprKind::EndsWith) return sp_.or_false(sp_.ends_with(sp_.lower(hay), ascii_lower(pattern->text)));
  if (e.kind == ExprKind::Contains) return sp_.or_false(sp_.contains(sp_.lower(hay), sp_.str(ascii_lower(pattern->text))));
  while (pattern->kind == ExprKind::Name && pattern->ref == ast::NameRef::Let) pattern = &let_value(*pattern);
  if (pattern->kind == ExprKind::Regex) return regex_test(*pattern, hay);
  if (pattern->kind == ExprKind::List) {
    if (pattern->kids.empty()) return sp_.truth(false);
    std::string out;
    std::string lowered = sp_.lower(hay);
    for (std::size_t i = 0; i < pattern->kids.size(); ++i) {
      if (i > 0) out += " OR ";
      out += sp_.contains(lowered, sp_.str(ascii_lower(pattern->kids[i]->text)));
    }
    return sp_.or_false("(" + out + ")");
  }
  if (pattern->kind == ExprKind::String || (pattern->kind == ExprKind::Name && pattern->ref == ast::NameRef::Unresolved)) {
    return sp_.or_false(sp_.contains(sp_.lower(hay), sp_.str(ascii_lower(pattern->text))));
  }
  return sp_.or_false(sp_.contains(sp_.lower(hay), sp_.lower(value(*pattern))));
}

std::string Generator::regex_test(const Expr& pattern, const std::string& hay) {
  bool ci = pattern.flags.find('i') != std::string::npos;
  Dialect d = opt_.dialect;
  if (d == Dialect::Duckdb || d == Dialect::Clickhouse) {
    // Both run RE2. The pattern is written anew so that '.' never takes a line feed (ClickHouse
    // lets it) and ^ $ are the text's ends; the flag i wraps it whole, since ClickHouse 18.16
    // ignores a (?i) that does not (its search for a required substring misses it).
    // ASCII letters under the flag i become classes ([Kk\x{212A}]); a pattern with other letters
    // under it is given to RE2 with (?i) around the whole (it folds them by its own tables).
    regex::Parsed parsed = regex::parse(pattern.text, ci);
    bool wrap = false;
    if (!parsed.root && ci && parsed.error.find("non-ASCII") != std::string::npos) {
      parsed = regex::parse(pattern.text, false, false);
      wrap = true;
    }
    if (!parsed.root) {
      refuse(pattern.span, "the regular expression uses " + parsed.error);
      return sp_.truth(false);
    }
    std::string re = regex::to_re2(*parsed.root);
    if (wrap) re = "(?i)(?:" + re + ")";
    if (d == Dialect::Duckdb) return sp_.or_false(fmt::format("regexp_matches({}, {})", hay, sp_.str(re)));
    return sp_.or_false(fmt::format("match({}, {})", hay, sp_.str(re)));
  }
  regex::Parsed parsed = regex::parse(pattern.text, ci);
  if (!parsed.root) {
    refuse(pattern.span, "the regular expression uses " + parsed.error);
    return sp_.truth(false);
  }
  std::string error;
  if (d == Dialect::Postgres) {
    // In the C collation \y, classes and case are ASCII's, as RE2's \b and \w are.
    auto re = regex::to_postgres(*parsed.root, error);
    if (!re) {
      refuse(pattern.span, "the regular expression uses " + error);
      return sp_.truth(false);
    }
    return sp_.or_false(fmt::format("({} COLLATE \"C\") ~ {}", hay, sp_.str(*re)));
  }
  // SQLite has no regular expressions. A finite set of fixed-length alternatives becomes GLOB
  // patterns; any other pattern an automaton that a recursive CTE runs over the text.
  auto globs = regex::to_globs(*parsed.root, error);
  if (!globs) {
    error.clear();
    auto dfa = regex::to_dfa(*parsed.root, error);
    if (!dfa) {
      refuse(pattern.span, "the regular expression needs " + error + ", the most a query runs over a text "
                           "(SQLite has no regular expressions)");
      return sp_.truth(false);
    }
    std::string note = fmt::format("matches /{}/{}", pattern.text, pattern.flags);
    return fmt::format("({} IS NOT NULL AND {})", hay, regex::to_sqlite_automaton(*dfa, hay, note));
  }
  if (globs->empty()) return sp_.truth(false);
  std::string out;
  for (std::size_t i = 0; i < globs->size(); ++i) {
    if (i > 0) out += " OR ";
    out += fmt::format("{} GLOB {}", hay, sp_.str((*globs)[i]));
  }
  return sp_.or_false("(" + out + ")");
}

std::string Generator::rule_points(const ast::Rule& rule) {
  std::string c = cond(*rule.condition);
  std::string points;
  if (rule.per) {
    // `add N per X up to M` adds min(N * max(X, 0), M); a missing X adds nothing. For `subtract`
    // the size of the change is capped, as in the VM.
    std::string x = value(*rule.per);
    std::string size = fmt::format("{} * {}", sp_.num(std::abs(rule.points)), sp_.max2(x, sp_.num(0)));
    if (rule.up_to) size = sp_.min2(size, sp_.num(*rule.up_to));
    points = sp_.if_null(size, sp_.num(0));
    if (rule.points < 0) points = "-" + points;
  } else {
    points = sp_.num(rule.points);
  }
  return fmt::format("CASE WHEN {} THEN {} END", c, points);
}

std::string Generator::group_total(const std::vector<std::size_t>& rules, const ast::Group* info) {
  std::string sum;
  for (std::size_t r : rules) {
    std::string col = sp_.ident(fmt::format("r${}", r + 1));
    sum += (sum.empty() ? "" : " + ") + sp_.if_null(col, sp_.num(0));
  }
  if (sum.empty()) sum = sp_.num(0);
  if (!info) return sum;
  std::string total = rules.size() > 1 ? "(" + sum + ")" : sum;
  if (info->decay) {
    int df = schema_.find(info->decay->field);
    std::string d = field_ref(df);
    double base = 1.0 - info->decay->percent / 100.0;
    std::string periods = fmt::format("floor({} / {})", sp_.days_since(d, sp_.as_of(opt_.as_of)), sp_.num(info->decay->every_days));
    total = fmt::format("{} * CASE WHEN {} IS NULL THEN {} ELSE {} END", total, d, sp_.num(1), sp_.pow(sp_.num(base), periods));
  }
  if (info->max) total = sp_.min2(total, sp_.num(*info->max));
  if (info->min) total = sp_.max2(total, sp_.num(*info->min));
  return total;
}

std::optional<std::string> Generator::run() {
  const bool ch = sp_.clickhouse();
  const Field& key = schema_.fields[static_cast<std::size_t>(schema_.key_index)];
  std::string key_ref = field_ref(schema_.key_index);
  auto id = [&](const std::string& s) { return sp_.ident(s); };

  // Rules and rejects first: they say which fields the first layer must read.
  std::vector<std::string> rule_lines;
  std::vector<std::vector<std::size_t>> group_rules(model_.groups.size() + 1);
  for (std::size_t g = 0; g <= model_.groups.size(); ++g) {
    bool implicit = g == model_.groups.size();
    bool header = false;
    for (std::size_t r = 0; r < model_.rules.size(); ++r) {
      const ast::Rule& rule = model_.rules[r];
      int rg = rule.group < 0 ? static_cast<int>(model_.groups.size()) : rule.group;
      if (rg != static_cast<int>(g)) continue;
      if (!header) {
        rule_lines.push_back(implicit ? "-- rules outside every group"
                                      : "-- group " + comment_text(model_.groups[g].name));
        header = true;
      }
      group_rules[g].push_back(r);
      rule_lines.push_back(fmt::format("{} AS {},  -- {}", rule_points(rule), id(fmt::format("r${}", r + 1)),
                                       comment_text(rule.label)));
    }
  }
  if (!model_.rejects.empty()) rule_lines.push_back("-- rejects");
  for (std::size_t j = 0; j < model_.rejects.size(); ++j) {
    rule_lines.push_back(fmt::format("{} AS {},  -- {}", cond(*model_.rejects[j].condition), id(fmt::format("x${}", j + 1)),
                                     comment_text(model_.rejects[j].reason)));
  }
  // Group columns: the named groups in source order, then the implicit group (no output column).
  std::vector<std::string> group_lines;
  std::vector<std::string> group_cols;
  for (std::size_t g = 0; g < model_.groups.size(); ++g) {
    std::string col = id(fmt::format("g${}", g + 1));
    group_cols.push_back(col);
    const ast::Group& info = model_.groups[g];
    group_lines.push_back(fmt::format("{} AS {},  -- {}", group_total(group_rules[g], &info), col, comment_text(info.name)));
  }
  bool has_implicit = !group_rules[model_.groups.size()].empty();
  if (has_implicit) {
    std::string col = id("g$rest");
    group_cols.push_back(col);
    group_lines.push_back(fmt::format("{} AS {},  -- rules outside every group", group_total(group_rules.back(), nullptr), col));
  }
  // The first reject in source order that holds gives the reason.
  std::string reason = "CASE";
  for (std::size_t j = 0; j < model_.rejects.size(); ++j) {
    std::string x = id(fmt::format("x${}", j + 1));
    reason += fmt::format(" WHEN {} THEN {}", ch ? x + " = 1" : x, sp_.str(model_.rejects[j].reason));
  }
  reason = model_.rejects.empty() ? "NULL" : reason + " END";
  if (ch && !model_.rejects.empty()) reason = "CAST(" + reason + " AS Nullable(String))";
  group_lines.push_back(fmt::format("{} AS {}", reason, id("s$reason")));
  if (opt_.explain) {
    std::vector<std::string> parts;
    for (std::size_t r = 0; r < model_.rules.size(); ++r) {
      std::string col = id(fmt::format("r${}", r + 1));
      parts.push_back(fmt::format("CASE WHEN {} IS NOT NULL THEN {} ELSE '' END", col, sp_.str(";" + model_.rules[r].label)));
    }
    group_lines.push_back(fmt::format("{} AS {}", sp_.substr_from_2(sp_.concat(parts)), id("s$fired")));
  }
  // The readers take a placeholder (`missing ["Select"]`) for a missing value; a query that read
  // it as a value would answer otherwise, so it is refused until the query can match them too.
  // Timestamps and dates in other layouts than ISO are not yet translated: each engine parses
  // date-times and zones its own way, and no engine test shows they agree with the readers.
  for (int f : used_fields_) {
    if (!field(f).missing.empty())
      refuse(field(f).span, fmt::format("field '{}' has `missing [...]` placeholders, which the query would read as values", field(f).name));
    if (field(f).type == FieldType::Timestamp)
      refuse(field(f).span, fmt::format("field '{}' is a timestamp, which the query does not read yet", field(f).name));
    else if (!field(f).format.empty())
      refuse(field(f).span, fmt::format("field '{}' has a date layout (`format \"{}\"`), which the query does not read yet",
                                        field(f).name, field(f).format));
  }
  if (!ok_) return std::nullopt;

  // The score: the sum of the group totals in order, clamped.
  std::string score;
  for (const auto& c : group_cols) score += (score.empty() ? "" : " + ") + c;
  if (score.empty()) score = sp_.num(0);
  if (model_.score_bounds.size() == 1) {
    if (model_.score_bounds[0].max) score = sp_.min2(score, sp_.num(*model_.score_bounds[0].max));
    if (model_.score_bounds[0].min) score = sp_.max2(score, sp_.num(*model_.score_bounds[0].min));
  }
  std::string total = id("s$score");
  std::string rejected = id("s$reason") + " IS NOT NULL";
  std::string qualified = model_.qualifies.empty()
                              ? "'false'"
                              : fmt::format("CASE WHEN {} IS NULL AND {} >= {} THEN 'true' ELSE 'false' END", id("s$reason"),
                                            total, sp_.num(model_.qualifies[0].at));
  std::string tier = fmt::format("CASE WHEN {} THEN ''", rejected);
  for (const auto& t : model_.tiers) {
    if (!t.at) {
      tier += fmt::format(" ELSE {}", sp_.str(t.name));
      break;
    }
    tier += fmt::format(" WHEN {} >= {} THEN {}", total, sp_.num(*t.at), sp_.str(t.name));
  }
  if (tier.find(" ELSE ") == std::string::npos) tier += " ELSE ''";
  tier += " END";

  std::vector<std::string> out_lines = {
      fmt::format("{} AS {}", key_ref, id(key.name)),
      fmt::format("{} AS {}", total, id("score")),
      fmt::format("{} AS {}", qualified, id("qualified")),
      fmt::format("{} AS {}", tier, id("tier")),
      fmt::format("CASE WHEN {} THEN 'rejected' ELSE 'ok' END AS {}", rejected, id("status")),
      fmt::format("{} AS {}", sp_.if_null(id("s$reason"), "''"), id("reason")),
  };
  for (std::size_t g = 0; g < model_.groups.size(); ++g) {
    out_lines.push_back(fmt::format("{} AS {}", group_cols[g], id(model_.groups[g].name)));
  }
  if (opt_.explain) out_lines.push_back(fmt::format("{} AS {}", id("s$fired"), id("fired")));

  // The first layer: every field the model reads, as it reads it.
  std::vector<std::string> lead_lines;
  for (int f : used_fields_) {
    const Field& fd = field(f);
    std::string v = f == schema_.key_index ? id(fd.name) : sp_.field_value(fd, id(fd.name));
    lead_lines.push_back(fmt::format("{} AS {}", v, id("f$" + fd.name)));
  }

  // A SELECT list: every item but the last one (comment lines aside) ends in a comma, before
  // its trailing comment if it has one.
  auto select_list = [](const std::vector<std::string>& lines, const std::string& indent) {
    auto is_comment = [](const std::string& line) { return line.rfind("--", 0) == 0; };
    std::size_t last_item = lines.size();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!is_comment(lines[i])) last_item = i;
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string line = lines[i];
      if (!is_comment(line)) {
        auto c = line.find(",  -- ");
        if (i == last_item && c != std::string::npos) line = line.substr(0, c) + "  -- " + line.substr(c + 6);
        else if (i != last_item && c == std::string::npos) line += ",";
      }
      out += indent + line + "\n";
    }
    return out;
  };
  std::vector<std::string> rule_select = rule_lines;  // the layer below passes through whole
  rule_select.insert(rule_select.begin(), "*");
  std::vector<std::string> group_select = group_lines;  // the key passes through
  group_select.insert(group_select.begin(), key_ref);

  std::string head = fmt::format("-- leadscore sql: {}model for {}{}\n",
                                 model_.display_name ? "\"" + comment_text(*model_.display_name) + "\" " : "",
                                 dialect_display(opt_.dialect),
                                 opt_.as_of ? ", as of " + sp_.date(*opt_.as_of) : ", as of the database's current date");
  head += "-- One row per lead of " + comment_text(opt_.table) + " with the columns of `leadscore score`";
  head += opt_.explain ? " --explain.\n" : ".\n";
  std::string order = opt_.order ? fmt::format("ORDER BY {}{}\n", key_ref, opt_.dialect == Dialect::Postgres ? " COLLATE \"C\"" : "") : "";
  std::string q = head;
  if (!ch) {
    // SQLite copies a CTE into each place that reads it, so the final SELECT, which reads the
    // totals several times, would compute every rule again for each; materialized, once per lead.
    const std::string once = opt_.dialect == Dialect::Sqlite ? "MATERIALIZED " : "";
    q += "WITH\n";
    q += "lead_values AS (  -- each field as the model reads it; NULL when missing\n  SELECT\n";
    q += select_list(lead_lines, "    ");
    q += fmt::format("  FROM {}\n),\n", sp_.table(opt_.table));
    q += "rule_points AS " + once + "(  -- each rule's points when it fires (NULL when it does not); each reject\n  SELECT\n";
    q += select_list(rule_select, "    ");
    q += "  FROM lead_values\n),\n";
    q += "group_totals AS " + once + "(  -- each group: its rules' sum, decayed, capped\n  SELECT\n";
    q += select_list(group_select, "    ");
    q += "  FROM rule_points\n),\n";
    q += fmt::format("scored AS (\n  SELECT *, {} AS {}\n  FROM group_totals\n)\n", score, total);
    q += "SELECT\n" + select_list(out_lines, "  ") + "FROM scored\n" + order;
  } else {
    // ClickHouse 18.16 has no CTEs: the same layers as nested subqueries, innermost first.
    std::string lead = "SELECT\n" + select_list(lead_lines, "  ") + "FROM " + sp_.table(opt_.table);
    auto indent = [](const std::string& s, const std::string& by) {
      std::string out;
      std::size_t start = 0;
      while (start < s.size()) {
        auto nl = s.find('\n', start);
        std::string line = s.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        out += (line.empty() ? "" : by) + line + "\n";
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
      if (!out.empty()) out.pop_back();
      return out;
    };
    std::string rules = "SELECT\n" + select_list(rule_select, "  ") +
                        "FROM (  -- each field as the model reads it; NULL when missing\n" + indent(lead, "  ") + "\n)";
    std::string groups = "SELECT\n" +
                         select_list(group_select, "  ") +
                         "FROM (  -- each rule's points when it fires (NULL when it does not); each reject\n" +
                         indent(rules, "  ") + "\n)";
    std::string scored = fmt::format("SELECT *, {} AS {}\nFROM (  -- each group: its rules' sum, decayed, capped\n{}\n)", score, total,
                                     indent(groups, "  "));
    q += "SELECT\n" + select_list(out_lines, "  ") + "FROM (\n" + indent(scored, "  ") + "\n)\n" + order;
  }
  while (!q.empty() && q.back() == '\n') q.pop_back();
  return q + ";\n";
}

}  // namespace

std::optional<Dialect> parse_dialect(std::string_view name) {
  if (name == "sqlite") return Dialect::Sqlite;
  if (name == "postgres") return Dialect::Postgres;
  if (name == "duckdb") return Dialect::Duckdb;
  if (name == "clickhouse") return Dialect::Clickhouse;
  return std::nullopt;
}

std::string_view dialect_name(Dialect d) {
  switch (d) {
    case Dialect::Sqlite: return "sqlite";
    case Dialect::Postgres: return "postgres";
    case Dialect::Duckdb: return "duckdb";
    case Dialect::Clickhouse: return "clickhouse";
  }
  return "sqlite";
}

std::string_view dialect_display(Dialect d) {
  switch (d) {
    case Dialect::Sqlite: return "SQLite";
    case Dialect::Postgres: return "PostgreSQL";
    case Dialect::Duckdb: return "DuckDB";
    case Dialect::Clickhouse: return "ClickHouse";
  }
  return "SQLite";
}

bool valid_table_name(std::string_view name) {
  auto ident_ok = [](std::string_view s) {
    if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
    for (char c : s) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!ok) return false;
    }
    return true;
  };
  auto dot = name.find('.');
  if (dot == std::string_view::npos) return ident_ok(name);
  return ident_ok(name.substr(0, dot)) && ident_ok(name.substr(dot + 1));
}

std::optional<std::string> generate_query(const ast::Model& model, const Schema& schema, const QueryOptions& options,
                                          Diagnostics& diags) {
  return Generator(model, schema, options, diags).run();
}

}  // namespace leadscore::sql
