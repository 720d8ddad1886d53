// Expression checks: resolves names (field, let, or an enum or set member where the other operand
// says which), gives each expression a type and reports every mismatch.
#include <memory>

#include <fmt/format.h>
#include <re2/re2.h>

#include "check/builtins.hpp"
#include "check/checker.hpp"
#include "common/suggest.hpp"
#include "leadscore/limits.hpp"

namespace leadscore::check {

using ast::Expr;
using ast::ExprKind;
using ast::Type;
using ast::TypeKind;

namespace {

Type of(TypeKind k, int field = -1) { return Type{k, field, TypeKind::Unknown}; }

bool has_members(const Type& t) { return t.kind == TypeKind::Enum || t.kind == TypeKind::Set; }

Type field_value_type(const Field& f, int index) {
  switch (f.type) {
    case FieldType::String: return of(TypeKind::String);
    case FieldType::Int:
    case FieldType::Number: return of(TypeKind::Number);
    case FieldType::Bool: return of(TypeKind::Condition);
    case FieldType::Date: return of(TypeKind::Date);
    case FieldType::Timestamp: return of(TypeKind::Timestamp);
    case FieldType::Enum: return of(TypeKind::Enum, index);
    case FieldType::Set: return of(TypeKind::Set, index);
    case FieldType::StringSet: return of(TypeKind::StringSet);
  }
  return of(TypeKind::Unknown);
}

}  // namespace

std::vector<std::string_view> Checker::field_names() const {
  std::vector<std::string_view> out;
  for (const auto& f : schema_.fields) out.push_back(f.name);
  return out;
}

std::vector<std::string_view> Checker::value_names() const {
  auto out = field_names();
  for (const auto& l : model_.lets) out.push_back(l.name);
  return out;
}

void Checker::expect(Expr& e, const Type& got, TypeKind want, std::string_view what) {
  if (got.kind == TypeKind::Unknown || got.kind == want) return;
  report_.type_mismatch(e.span, fmt::format("{} needs {}, found {}", what,
                                            type_name(of(want)), type_name(got)));
}

bool Checker::is_free_name(const Expr& e) const {
  return e.kind == ExprKind::Name && schema_.find(e.text) < 0 && !lets_.contains(e.text);
}

// A bare name as a member of the enum or set that `context` is a value of.
bool Checker::resolve_member(Expr& e, const Type& context) {
  const Field& f = schema_.fields[static_cast<std::size_t>(context.field)];
  int m = f.member_index(e.text);
  if (m < 0) {
    report_.unknown_member(e.span, e.text, context.kind == TypeKind::Enum ? "enum" : "set", f.name,
                           f.members);
    e.type = of(TypeKind::Unknown);
    return false;
  }
  e.ref = ast::NameRef::Member;
  e.index = m;
  e.type = of(TypeKind::Member, context.field);
  return true;
}

Type Checker::name(Expr& e, const Type* context) {
  int field = schema_.find(e.text);
  if (field >= 0) {
    e.ref = ast::NameRef::Field;
    e.index = field;
    return field_value_type(schema_.fields[static_cast<std::size_t>(field)], field);
  }
  if (auto it = lets_.find(e.text); it != lets_.end()) {
    e.ref = ast::NameRef::Let;
    e.index = it->second;
    return let_type(it->second, e.span);
  }
  if (context && has_members(*context)) {
    resolve_member(e, *context);
    return e.type;
  }
  // A name nearest to a field (or in a model without lets) is most likely a misspelt field.
  std::string guess = closest(e.text, value_names());
  bool field_like = guess.empty() ? model_.lets.empty() : schema_.find(guess) >= 0;
  if (field_like) report_.unknown_field(e.span, e.text, field_names());
  else report_.unknown_name(e.span, e.text, value_names());
  return of(TypeKind::Unknown);
}

Type Checker::operand(Expr& e, const Type& context) {
  if (is_free_name(e) && has_members(context)) {
    e.type = name(e, &context);
    return e.type;
  }
  return expr(e);
}

Type Checker::condition(Expr& e) {
  Type t = expr(e);
  if (t.kind != TypeKind::Condition && t.kind != TypeKind::Unknown) report_.expected_condition(e.span, t);
  return of(TypeKind::Condition);
}

Type Checker::compare(Expr& e) {
  Expr& l = *e.kids[0];
  Expr& r = *e.kids[1];
  Type tl, tr;
  // `country = US`: a bare word beside a string is text the author forgot to quote (SQL and
  // spreadsheets habits), not a misspelt field.
  auto quote_hint = [&](Expr& word, const Type& other) {
    if (!is_free_name(word) || other.kind != TypeKind::String) return false;
    std::string guess = closest(word.text, value_names());
    report_.unknown_name_quote(word.span, word.text, guess);
    return true;
  };
  if (is_free_name(l) && !is_free_name(r)) {
    tr = expr(r);
    if (quote_hint(l, tr)) return of(TypeKind::Condition);
    tl = operand(l, tr);
  } else {
    tl = expr(l);
    if (quote_hint(r, tl)) return of(TypeKind::Condition);
    tr = operand(r, tl);
  }
  // `lead_origin = "Lead Add Form"`: a quoted string beside an enum names a member, as a bare
  // name does (members that are not names can only be written so).
  if (r.kind == ExprKind::String && tl.kind == TypeKind::Enum) tr = resolve_member(r, tl) ? r.type : of(TypeKind::Unknown);
  else if (l.kind == ExprKind::String && tr.kind == TypeKind::Enum) tl = resolve_member(l, tr) ? l.type : of(TypeKind::Unknown);
  if (tl.kind == TypeKind::Unknown || tr.kind == TypeKind::Unknown) return of(TypeKind::Condition);
  auto enum_vs_member = [](const Type& a, const Type& b) {
    return a.kind == TypeKind::Enum && (b.kind == TypeKind::Member || b.kind == TypeKind::Enum) &&
           a.field == b.field;
  };
  bool ordering = e.op != ast::CompareOp::Eq && e.op != ast::CompareOp::Ne;
  bool ok = (tl.kind == tr.kind && (tl.kind == TypeKind::Number || tl.kind == TypeKind::String ||
                                    tl.kind == TypeKind::Date || tl.kind == TypeKind::Timestamp)) ||
            enum_vs_member(tl, tr) || enum_vs_member(tr, tl) ||
            (tl.kind == TypeKind::Condition && tr.kind == TypeKind::Condition && !ordering);
  if (!ok) {
    std::string hint;
    if ((tl.kind == TypeKind::Enum && tr.kind == TypeKind::String) ||
        (tr.kind == TypeKind::Enum && tl.kind == TypeKind::String)) {
      hint = "; compare an enum with one of its members";
    } else if (tl.kind == TypeKind::Set || tr.kind == TypeKind::Set) {
      hint = "; test a set with 'any of', 'all of' or a member name";
    } else if (tl.kind == TypeKind::Timestamp || tr.kind == TypeKind::Timestamp) {
      hint = "; test a timestamp against a day with 'before' or 'after'";
    }
    report_.type_mismatch(e.span, fmt::format("cannot compare {} with {}{}", type_name(tl),
                                              type_name(tr), hint));
  }
  return of(TypeKind::Condition);
}

// The literal list a collection operand stands for: itself, or the list a let is bound to.
Expr* Checker::let_list(Expr& collection) {
  if (collection.kind == ExprKind::List) return &collection;
  auto it = lets_.find(collection.text);
  if (it == lets_.end()) {
    if (schema_.find(collection.text) >= 0) {
      report_.type_mismatch(collection.span,
                            fmt::format("'{}' is a field; a list '[...]' or a let bound to one goes here",
                                        collection.text));
    } else {
      report_.unknown_name(collection.span, collection.text, value_names());
    }
    return nullptr;
  }
  collection.ref = ast::NameRef::Let;
  collection.index = it->second;
  Type t = let_type(it->second, collection.span);
  Expr& value = *model_.lets[static_cast<std::size_t>(it->second)].value;
  if (value.kind != ExprKind::List) {
    if (t.kind != TypeKind::Unknown) {
      report_.type_mismatch(collection.span, fmt::format("'{}' is {}, not a list", collection.text,
                                                         type_name(t)));
    }
    return nullptr;
  }
  collection.type = t;
  return &value;
}

void Checker::list_items(Expr& list, const Type& element_of, Span use) {
  (void)use;
  for (auto& item : list.kids) {
    if (has_members(element_of)) {
      if (item->kind == ExprKind::Name || item->kind == ExprKind::String) {
        resolve_member(*item, element_of);
      } else {
        const Field& f = schema_.fields[static_cast<std::size_t>(element_of.field)];
        report_.type_mismatch(item->span, fmt::format("members of '{}' are names or quoted strings",
                                                      f.name));
      }
      continue;
    }
    TypeKind want = element_of.kind == TypeKind::StringSet ? TypeKind::String : element_of.kind;
    Type got = item->kind == ExprKind::Number ? of(TypeKind::Number)
               : item->kind == ExprKind::String ? of(TypeKind::String)
               : item->kind == ExprKind::Date ? of(TypeKind::Date)
               : of(TypeKind::Member);
    if (item->kind == ExprKind::Name && lets_.contains(item->text)) {
      report_.type_mismatch(item->span, "a list holds literals, not names of lets");
    } else if (got.kind != want && want != TypeKind::Unknown) {
      report_.type_mismatch(item->span, fmt::format("this list item is {}, but the value tested is {}",
                                                    type_name(got), type_name(of(want))));
    }
    item->type = got;
  }
}

Type Checker::membership(Expr& e) {
  Type tv = expr(*e.kids[0]);
  if (tv.kind == TypeKind::Set || tv.kind == TypeKind::StringSet) {
    report_.type_mismatch(e.kids[0]->span, "'in' tests one value; test a set with 'any of' or 'all of'");
    tv = of(TypeKind::Unknown);
  } else if (tv.kind == TypeKind::Condition || tv.kind == TypeKind::Timestamp) {
    report_.type_mismatch(e.kids[0]->span, "'in' needs a number, string, date or enum value");
    tv = of(TypeKind::Unknown);
  }
  if (Expr* list = let_list(*e.kids[1]); list && tv.kind != TypeKind::Unknown) {
    list_items(*list, tv, e.kids[1]->span);
  }
  return of(TypeKind::Condition);
}

Type Checker::set_test(Expr& e) {
  Type ts = expr(*e.kids[0]);
  if (ts.kind == TypeKind::Unknown) return of(TypeKind::Condition);
  if (ts.kind != TypeKind::Set && ts.kind != TypeKind::StringSet) {
    std::string what = e.kind == ExprKind::SetHas
                           ? fmt::format("'{}' is {}, so a name after it means nothing here",
                                         e.kids[0]->text, type_name(ts))
                           : fmt::format("'any of' and 'all of' need a set, found {}", type_name(ts));
    report_.type_mismatch(e.kind == ExprKind::SetHas ? e.kids[1]->span : e.kids[0]->span, what);
    return of(TypeKind::Condition);
  }
  Expr& rhs = *e.kids[1];
  if (e.kind == ExprKind::SetHas) {
    if (ts.kind == TypeKind::Set) {
      resolve_member(rhs, ts);  // a name or, for a member that is not one, a quoted string
    } else if (rhs.kind != ExprKind::String) {
      report_.type_mismatch(rhs.span, "a set of strings is tested with a quoted string");
    }
    return of(TypeKind::Condition);
  }
  if (Expr* list = let_list(rhs)) list_items(*list, ts, rhs.span);
  return of(TypeKind::Condition);
}

void Checker::regex(Expr& e) {
  for (char f : e.flags) {
    if (f != 'i') {
      report_.invalid_regex(e.span, fmt::format("unknown flag '{}' (only 'i' is supported)", f));
      return;
    }
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(e.flags.find('i') == std::string::npos);
  options.set_max_mem(limits::max_regex_memory);
  RE2 re(e.text, options);
  if (re.error_code() == RE2::ErrorPatternTooLarge) report_.regex_too_large(e.span);
  else if (!re.ok()) report_.invalid_regex(e.span, re.error());
  e.type = of(TypeKind::Regex);
}

// `email matches free_emial` with a let `free_emails`: the bare word is matched as literal text and
// the rule silently never fires. Warn when the word is close to a let or field name, or looks like
// an identifier (has a '_'), which plain text after `matches` seldom does.
void Checker::bare_word_warning(const Expr& word, std::string_view what) {
  std::vector<std::string_view> names;
  for (const auto& l : model_.lets) names.push_back(l.name);
  std::string guess = closest(word.text, names);
  if (guess.empty() && word.text.find('_') == std::string::npos) return;
  diags_.report(Code::MatchesBareWord, word.span,
                 fmt::format("the bare word '{}' after {} is matched as the text \"{}\"{}; "
                             "quote it (\"{}\") if the text is meant",
                             word.text, what, word.text,
                             guess.empty() ? "" : fmt::format(", not the let '{}' (did you mean '{}'?)", guess, guess),
                             word.text));
}

Type Checker::string_test(Expr& e) {
  std::string_view what = e.kind == ExprKind::Matches      ? "'matches'"
                          : e.kind == ExprKind::StartsWith ? "'starts with'"
                          : e.kind == ExprKind::EndsWith   ? "'ends with'"
                                                           : "'contains'";
  expect(*e.kids[0], expr(*e.kids[0]), TypeKind::String, what);
  Expr& p = *e.kids[1];
  if (p.kind == ExprKind::Regex) {
    regex(p);
  } else if (p.kind == ExprKind::Name) {
    // A let of a string, regex or word list, or else a bare word (`email matches gmail`).
    if (auto it = lets_.find(p.text); it != lets_.end()) {
      p.ref = ast::NameRef::Let;
      p.index = it->second;
      p.type = let_type(it->second, p.span);
      const Expr& v = *model_.lets[static_cast<std::size_t>(it->second)].value;
      bool words = v.kind == ExprKind::List && p.type.element == TypeKind::String;
      if (p.type.kind != TypeKind::String && p.type.kind != TypeKind::Regex && !words &&
          p.type.kind != TypeKind::Unknown) {
        report_.type_mismatch(p.span, fmt::format("'{}' is {}; 'matches' needs a word, string, "
                                                  "list of strings or regular expression",
                                                  p.text, type_name(p.type)));
      }
    } else {
      p.type = of(TypeKind::String);
      bare_word_warning(p, what);
    }
  } else {
    p.type = of(TypeKind::String);
  }
  return of(TypeKind::Condition);
}

Type Checker::arith(Expr& e) {
  std::vector<Type> operands;
  for (auto& k : e.kids) operands.push_back(expr(*k));
  // `a - b` of two timestamps: the seconds from b to a.
  if (e.kids.size() == 2 && e.ops[0] == '-' && operands[0].kind == TypeKind::Timestamp &&
      operands[1].kind == TypeKind::Timestamp)
    return of(TypeKind::Number);
  for (std::size_t i = 0; i < e.kids.size(); ++i) {
    if (operands[i].kind == TypeKind::Timestamp) {
      report_.type_mismatch(e.kids[i]->span, "a timestamp takes part in arithmetic only as 'a - b' of two "
                                             "timestamps (the seconds between them)");
    } else {
      expect(*e.kids[i], operands[i], TypeKind::Number, "arithmetic");
    }
  }
  return of(TypeKind::Number);
}

Type Checker::call(Expr& e) {
  for (const auto& b : builtins) {
    if (b.name != e.text) continue;
    if (e.kids.size() != 1) {
      report_.type_mismatch(e.span, fmt::format("'{}' takes 1 argument, found {}", b.name, e.kids.size()));
      for (auto& k : e.kids) expr(*k);
      return of(b.result);
    }
    Type t = expr(*e.kids[0]);
    bool ok = t.kind == b.arg || t.kind == TypeKind::Unknown ||
              (b.arg == TypeKind::Set && t.kind == TypeKind::StringSet) ||
              (b.arg == TypeKind::Date && t.kind == TypeKind::Timestamp);
    if (!ok) {
      report_.type_mismatch(e.kids[0]->span, fmt::format("'{}' needs {}, found {}", b.name,
                                                         type_name(of(b.arg)), type_name(t)));
    }
    return of(b.result);
  }
  report_.unknown_builtin(Span{e.span.file, e.span.begin, e.span.begin + static_cast<std::uint32_t>(e.text.size())},
                          e.text);
  for (auto& k : e.kids) expr(*k);
  return of(TypeKind::Unknown);
}

Type Checker::expr(Expr& e) {
  Type t = of(TypeKind::Unknown);
  if (!enter(e)) {
    e.type = t;
    return t;
  }
  switch (e.kind) {
    case ExprKind::Number: t = of(TypeKind::Number); break;
    case ExprKind::String: t = of(TypeKind::String); break;
    case ExprKind::Date: t = of(TypeKind::Date); break;
    case ExprKind::Bool: t = of(TypeKind::Condition); break;
    case ExprKind::Regex: regex(e); t = of(TypeKind::Regex); break;
    case ExprKind::List: {
      TypeKind element = TypeKind::Unknown;
      for (auto& item : e.kids) {
        TypeKind k = item->kind == ExprKind::Number ? TypeKind::Number
                     : item->kind == ExprKind::String ? TypeKind::String
                     : item->kind == ExprKind::Date ? TypeKind::Date : TypeKind::Member;
        // Members may be bare or quoted in one list (`[API, "Lead Add Form"]`): what they are is
        // known only where the list is used.
        const bool member_or_text = (k == TypeKind::Member || k == TypeKind::String) &&
                                    (element == TypeKind::Member || element == TypeKind::String);
        if (element == TypeKind::Unknown) {
          element = k;
        } else if (k != element && !member_or_text) {
          report_.type_mismatch(item->span, fmt::format("a list holds values of one kind; this is {}, "
                                                        "the first item is {}", type_name(of(k)),
                                                        type_name(of(element))));
        }
      }
      t = Type{TypeKind::List, -1, element};
      break;
    }
    case ExprKind::Name: t = name(e, nullptr); break;
    case ExprKind::Neg:
      expect(*e.kids[0], expr(*e.kids[0]), TypeKind::Number, "'-'");
      t = of(TypeKind::Number);
      break;
    case ExprKind::Arith: t = arith(e); break;
    case ExprKind::Compare: t = compare(e); break;
    case ExprKind::In:
    case ExprKind::NotIn: t = membership(e); break;
    case ExprKind::SetHas:
    case ExprKind::AnyOf:
    case ExprKind::AllOf: t = set_test(e); break;
    case ExprKind::Matches:
    case ExprKind::StartsWith:
    case ExprKind::EndsWith:
    case ExprKind::Contains: t = string_test(e); break;
    case ExprKind::IsPresent:
    case ExprKind::IsMissing: {
      Type v = expr(*e.kids[0]);
      if (v.kind == TypeKind::List || v.kind == TypeKind::Regex) {
        report_.type_mismatch(e.kids[0]->span, "'is present' and 'is missing' test a field or a value");
      }
      t = of(TypeKind::Condition);
      break;
    }
    case ExprKind::Within:
    case ExprKind::OlderThan:
    case ExprKind::Before:
    case ExprKind::After:
      if (Type d = expr(*e.kids[0]); d.kind != TypeKind::Timestamp)  // a timestamp's UTC day
        expect(*e.kids[0], d, TypeKind::Date, "a date test");
      t = of(TypeKind::Condition);
      break;
    case ExprKind::And:
    case ExprKind::Or:
    case ExprKind::Not:
      for (auto& k : e.kids) condition(*k);
      t = of(TypeKind::Condition);
      break;
    case ExprKind::Call: t = call(e); break;
    case ExprKind::Paren: t = expr(*e.kids[0]); break;
  }
  --depth_;
  e.type = t;
  return t;
}

}  // namespace leadscore::check
