#include "syntax/lower.hpp"
#include "common/utf8.hpp"
#include "leadscore/limits.hpp"
#include "syntax/limit_errors.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace leadscore::syntax {

namespace g = grammar;
using ast::ExprKind;
using ast::ExprPtr;
using g::Node;

namespace {

ExprPtr make(ExprKind kind, Span span) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->span = span;
  return e;
}

}  // namespace

std::string unescape(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'u': {
        std::uint32_t cp = 0;
        std::from_chars(body.data() + i + 1, body.data() + i + 5, cp, 16);
        append_utf8(out, cp);
        i += 4;
        break;
      }
      default: out += e; break;  // \" and \\ (the grammar allows nothing else)
    }
  }
  return out;
}

Span Lowerer::span(const Node& n) const {
  return {file_, static_cast<std::uint32_t>(n.m_begin.byte), static_cast<std::uint32_t>(n.m_end.byte)};
}

Span Lowerer::span(const Node& first, const Node& last) const {
  return {file_, static_cast<std::uint32_t>(first.m_begin.byte),
          static_cast<std::uint32_t>(last.m_end.byte)};
}

double Lowerer::number(const Node& n) {
  std::string text(n.string_view());
  double x = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(x)) {
    number_out_of_range(diags_, span(n), text);
    return 0;
  }
  return x;
}

std::string Lowerer::string_value(const Node& n) {
  auto sv = n.string_view();
  return unescape(sv.substr(1, sv.size() - 2));
}

ExprPtr Lowerer::leaf(ExprKind kind, const Node& n) {
  auto e = make(kind, span(n));
  switch (kind) {
    case ExprKind::Number: e->number = number(n); break;
    case ExprKind::String: e->text = string_value(n); break;
    case ExprKind::Bool: e->boolean = n.string_view() == "true"; break;
    case ExprKind::Name: e->text = std::string(n.string_view()); break;
    case ExprKind::Date: {
      auto d = parse_date(n.string_view());
      if (d && n.string_view().starts_with("0000")) {
        date_out_of_range(diags_, e->span, n.string_view());
      } else if (!d) {
        diags_.report(Code::InvalidLiteral, e->span,
                     fmt::format("'{}' is not a calendar date", n.string_view()));
      }
      e->date = d.value_or(0);
      break;
    }
    default: break;
  }
  return e;
}

ExprPtr Lowerer::literal_value(const Node& n) {
  if (n.is_type<g::number>() || n.is_type<g::signed_number>()) return leaf(ExprKind::Number, n);
  if (n.is_type<g::string_lit>()) return leaf(ExprKind::String, n);
  if (n.is_type<g::date_lit>()) return leaf(ExprKind::Date, n);
  if (n.is_type<g::bool_lit>()) return leaf(ExprKind::Bool, n);
  if (n.is_type<g::list_lit>()) return list(n);
  return leaf(ExprKind::Name, n);  // ident or name
}

ExprPtr Lowerer::list(const Node& n) {
  auto e = make(ExprKind::List, span(n));
  for (const auto& item : n.children) e->kids.push_back(literal_value(*item));
  return e;
}

// A left-associative chain, operand (op operand)*, as one flat node: its operands in `kids`, the
// operators between them in `ops`. Past limits::max_chain_operands the rest is reported and left out.
ExprPtr Lowerer::chain(const Node& n) {
  std::size_t operands = (n.children.size() + 1) / 2;
  if (operands > limits::max_chain_operands) {
    const Node& first_over = *n.children[2 * limits::max_chain_operands];
    too_many_operands(diags_, span(first_over), n.children[1]->string_view()[0]);
    operands = limits::max_chain_operands;
  }
  auto e = make(ExprKind::Arith, span(n));
  e->kids.reserve(operands);
  e->ops.reserve(operands - 1);
  e->kids.push_back(expr(*n.children[0]));
  for (std::size_t k = 1; k < operands; ++k) {
    e->ops += n.children[2 * k - 1]->string_view()[0];
    e->kids.push_back(expr(*n.children[2 * k]));
  }
  e->span.end = e->kids.back()->span.end;
  return e;
}

ExprPtr Lowerer::suffix(ExprPtr lhs, const Node& test, const Node& sfx) {
  ExprKind kind = ExprKind::Compare;
  if (sfx.is_type<g::compare_suffix>()) kind = ExprKind::Compare;
  else if (sfx.is_type<g::in_suffix>()) kind = ExprKind::In;
  else if (sfx.is_type<g::not_in_suffix>()) kind = ExprKind::NotIn;
  else if (sfx.is_type<g::any_of_suffix>()) kind = ExprKind::AnyOf;
  else if (sfx.is_type<g::all_of_suffix>()) kind = ExprKind::AllOf;
  else if (sfx.is_type<g::matches_suffix>()) kind = ExprKind::Matches;
  else if (sfx.is_type<g::starts_with_suffix>()) kind = ExprKind::StartsWith;
  else if (sfx.is_type<g::ends_with_suffix>()) kind = ExprKind::EndsWith;
  else if (sfx.is_type<g::contains_suffix>()) kind = ExprKind::Contains;
  else if (sfx.is_type<g::is_suffix>()) {
    kind = sfx.string_view().ends_with("missing") ? ExprKind::IsMissing : ExprKind::IsPresent;
  } else if (sfx.is_type<g::within_suffix>()) kind = ExprKind::Within;
  else if (sfx.is_type<g::older_than_suffix>()) kind = ExprKind::OlderThan;
  else if (sfx.is_type<g::before_suffix>()) kind = ExprKind::Before;
  else if (sfx.is_type<g::after_suffix>()) kind = ExprKind::After;
  else if (sfx.is_type<g::member_suffix>()) kind = ExprKind::SetHas;

  auto e = make(kind, span(test));
  e->kids.push_back(std::move(lhs));
  switch (kind) {
    case ExprKind::Compare: {
      auto op = sfx.children[0]->string_view();
      e->op = op == "=" ? ast::CompareOp::Eq : op == "!=" ? ast::CompareOp::Ne
              : op == "<" ? ast::CompareOp::Lt : op == "<=" ? ast::CompareOp::Le
              : op == ">" ? ast::CompareOp::Gt : ast::CompareOp::Ge;
      e->kids.push_back(expr(*sfx.children[1]));
      break;
    }
    case ExprKind::IsPresent:
    case ExprKind::IsMissing: break;
    case ExprKind::Within:
    case ExprKind::OlderThan: e->number = number(*sfx.children[0]); break;
    case ExprKind::Matches: {
      const Node& p = *sfx.children[0];
      if (p.is_type<g::regex_lit>()) {
        auto r = make(ExprKind::Regex, span(p));
        r->text = std::string(p.children[0]->string_view());
        if (p.children.size() > 1) r->flags = std::string(p.children[1]->string_view());
        e->kids.push_back(std::move(r));
      } else {
        e->kids.push_back(literal_value(p));
      }
      break;
    }
    default: e->kids.push_back(literal_value(*sfx.children[0])); break;
  }
  return e;
}

ExprPtr Lowerer::expr(const Node& n) {
  if (n.is_type<g::number>() || n.is_type<g::signed_number>() || n.is_type<g::string_lit>() ||
      n.is_type<g::date_lit>() || n.is_type<g::bool_lit>() || n.is_type<g::list_lit>() ||
      n.is_type<g::name>() || n.is_type<g::ident>()) {
    return literal_value(n);
  }
  if (n.is_type<g::sum>() || n.is_type<g::product>()) return chain(n);
  if (n.is_type<g::neg>()) {
    auto e = make(ExprKind::Neg, span(n));
    e->kids.push_back(expr(*n.children[0]));
    return e;
  }
  if (n.is_type<g::paren>()) {
    auto e = make(ExprKind::Paren, span(n));
    e->kids.push_back(expr(*n.children[0]));
    return e;
  }
  if (n.is_type<g::negation>()) {
    auto e = make(ExprKind::Not, span(n));
    e->kids.push_back(expr(*n.children[0]));
    return e;
  }
  if (n.is_type<g::call>()) {
    auto e = make(ExprKind::Call, span(n));
    e->text = std::string(n.children[0]->string_view());
    for (std::size_t i = 1; i < n.children.size(); ++i) e->kids.push_back(expr(*n.children[i]));
    return e;
  }
  if (n.is_type<g::and_expr>() || n.is_type<g::or_expr>()) {
    bool is_and = n.is_type<g::and_expr>();
    auto e = make(is_and ? ExprKind::And : ExprKind::Or, span(n));
    std::size_t operands = n.children.size();
    if (operands > limits::max_chain_operands) {
      too_many_operands(diags_, span(*n.children[limits::max_chain_operands]), is_and ? 'a' : 'o');
      operands = limits::max_chain_operands;
    }
    for (std::size_t k = 0; k < operands; ++k) e->kids.push_back(expr(*n.children[k]));
    e->span.end = e->kids.back()->span.end;
    return e;
  }
  if (n.is_type<g::test_expr>()) return suffix(expr(*n.children[0]), n, *n.children[1]);
  if (n.is_type<g::regex_lit>()) {  // a let bound to a regular expression
    auto r = make(ExprKind::Regex, span(n));
    r->text = std::string(n.children[0]->string_view());
    if (n.children.size() > 1) r->flags = std::string(n.children[1]->string_view());
    return r;
  }
  // Unreachable for trees the grammar builds; an internal failure, not a user error.
  throw std::logic_error(fmt::format("unexpected parse node {}", n.type));
}

ast::Rule Lowerer::rule(const Node& n, int group) {
  ast::Rule r;
  r.group = group;
  r.condition = expr(*n.children[0]);
  const Node* last = n.children[0].get();
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    const Node& c = *n.children[i];
    if (c.is_type<g::add_action>() || c.is_type<g::subtract_action>()) {
      double pts = number(*c.children[0]);
      r.points = c.is_type<g::subtract_action>() ? -pts : pts;
      r.points_span = span(*c.children[0]);
      last = &c;
    } else if (c.is_type<g::per_clause>()) {
      r.per = expr(*c.children[0]);
      if (c.children.size() > 1) {
        const Node& upto = *c.children[1];
        r.up_to = number(*upto.children[0]);
        r.up_to_span = span(*upto.children[0]);
      }
      last = &c;
    } else if (c.is_type<g::label>()) {
      r.label = string_value(*c.children[0]);
      r.has_label = true;
      r.label_span = span(*c.children[0]);
    }
  }
  r.span = Span{file_, static_cast<std::uint32_t>(n.m_begin.byte),
                static_cast<std::uint32_t>(last->m_end.byte)};
  if (!r.has_label) r.label = std::string(text_.substr(r.span.begin, r.span.end - r.span.begin));
  return r;
}

void Lowerer::group(const Node& n, ast::Model& model) {
  int index = group_head(n, model);
  model.groups[static_cast<std::size_t>(index)].span = span(n);
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    if (n.children[i]->is_type<g::rule_decl>()) group_rule(*n.children[i], index, model);
  }
}

int Lowerer::group_head(const Node& n, ast::Model& model) {
  ast::Group grp;
  grp.name = std::string(n.children[0]->string_view());
  grp.name_span = span(*n.children[0]);
  grp.span = span(n);
  int index = static_cast<int>(model.groups.size());
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    const Node& c = *n.children[i];
    if (c.is_type<g::group_min>()) {
      grp.min = number(*c.children[0]);
      grp.min_span = span(c);
    } else if (c.is_type<g::group_max>()) {
      grp.max = number(*c.children[0]);
      grp.max_span = span(c);
    } else if (c.is_type<g::decay_clause>()) {
      ast::Decay d;
      d.span = span(c);
      d.percent = number(*c.children[0]);
      d.every_days = number(*c.children[1]);
      d.field = std::string(c.children[2]->string_view());
      d.field_span = span(*c.children[2]);
      grp.decay = d;
    }
  }
  model.groups.push_back(std::move(grp));
  return index;
}

void Lowerer::group_rule(const Node& n, int group, ast::Model& model) {
  model.rules.push_back(rule(n, group));
}

void Lowerer::test(const Node& n, ast::Model& model) {
  ast::TestBlock t = test_head(n);
  t.span = span(n);
  for (std::size_t i = 1; i < n.children.size(); ++i) test_line(*n.children[i], t);
  model.tests.push_back(std::move(t));
}

ast::TestBlock Lowerer::test_head(const Node& n) {
  ast::TestBlock t;
  t.span = span(n);
  t.name = string_value(*n.children[0]);
  return t;
}

void Lowerer::test_line(const Node& c, ast::TestBlock& t) {
  if (c.is_type<g::as_of>()) {
    auto d = leaf(ExprKind::Date, *c.children[0]);
    t.as_of = d->date;
  } else if (c.is_type<g::lead_record>()) {
    t.has_lead = true;
    for (const auto& f : c.children) {
      ast::FieldInit init;
      init.span = span(*f);
      init.field = std::string(f->children[0]->string_view());
      init.field_span = span(*f->children[0]);
      init.value = literal_value(*f->children[1]);
      t.lead.push_back(std::move(init));
    }
  } else if (c.is_type<g::expectation>()) {
    const Node& k = *c.children[0];
    ast::Expectation x;
    x.span = span(c);
    if (k.is_type<g::score_expectation>()) {
      x.kind = ast::ExpectationKind::Score;
      x.score = number(*k.children[0]);
    } else if (k.is_type<g::tier_expectation>()) {
      x.kind = ast::ExpectationKind::Tier;
      x.text = std::string(k.children[0]->string_view());
    } else {
      x.negated = !k.children[0]->string_view().empty();
      x.kind = k.is_type<g::qualified_expectation>() ? ast::ExpectationKind::Qualified
               : k.is_type<g::rejected_expectation>() ? ast::ExpectationKind::Rejected
                                                      : ast::ExpectationKind::Fired;
      if (x.kind == ast::ExpectationKind::Fired) x.text = string_value(*k.children[1]);
    }
    t.expectations.push_back(std::move(x));
  }
}

void Lowerer::statement(const Node& n, ast::Model& model) {
  if (n.is_type<g::model_decl>()) {
    model.display_name = string_value(*n.children[0]);
  } else if (n.is_type<g::schema_ref>()) {
    model.schema_path = string_value(*n.children[0]);
    model.schema_span = span(n);
  } else if (n.is_type<g::import_decl>()) {
    model.imports.push_back({span(n), string_value(*n.children[0])});
  } else if (n.is_type<g::let_decl>()) {
    ast::Let let;
    let.span = span(n);
    let.name = std::string(n.children[0]->string_view());
    let.name_span = span(*n.children[0]);
    let.value = expr(*n.children[1]);
    model.lets.push_back(std::move(let));
  } else if (n.is_type<g::group_decl>()) {
    group(n, model);
  } else if (n.is_type<g::rule_decl>()) {
    model.rules.push_back(rule(n, -1));
  } else if (n.is_type<g::reject_decl>()) {
    ast::Reject rej;
    rej.condition = expr(*n.children[0]);
    rej.span = span(n, *n.children[0]);
    if (n.children.size() > 1) {
      rej.reason = string_value(*n.children[1]->children[0]);
      rej.has_reason = true;
    } else {
      rej.reason = std::string(text_.substr(rej.span.begin, rej.span.end - rej.span.begin));
    }
    model.rejects.push_back(std::move(rej));
  } else if (n.is_type<g::score_decl>()) {
    ast::ScoreBounds b;
    b.span = span(n);
    for (const auto& c : n.children) {
      if (c->is_type<g::score_min>()) b.min = number(*c->children[0]);
      else b.max = number(*c->children[0]);
    }
    model.score_bounds.push_back(b);
  } else if (n.is_type<g::qualify_decl>()) {
    ast::Qualify q;
    q.span = span(n);
    q.at = number(*n.children[0]);
    model.qualifies.push_back(q);
  } else if (n.is_type<g::tier_decl>()) {
    ast::Tier t;
    t.span = span(n);
    t.name = std::string(n.children[0]->string_view());
    t.name_span = span(*n.children[0]);
    if (n.children.size() > 1) t.at = number(*n.children[1]->children[0]);
    model.tiers.push_back(std::move(t));
  } else if (n.is_type<g::test_decl>()) {
    test(n, model);
  }
}

void Lowerer::schema(const Node& n, ast::SchemaFile& out) {
  schema_head(n, out);
  for (std::size_t i = 1; i < n.children.size(); ++i) schema_field(*n.children[i], out);
}

void Lowerer::schema_head(const Node& n, ast::SchemaFile& out) {
  out.span = span(n);
  out.name = std::string(n.children[0]->string_view());
}

void Lowerer::missing_values(const Node& n, std::vector<std::string>& texts, std::vector<Span>& spans) {
  for (const auto& s : n.children[0]->children) {
    texts.push_back(string_value(*s));
    spans.push_back(span(*s));
  }
}

void Lowerer::schema_field(const Node& f, ast::SchemaFile& out) {
  if (f.is_type<g::missing_values>()) {  // a schema's own `missing [...]` line
    missing_values(f, out.missing, out.missing_spans);
    return;
  }
  if (f.is_type<g::schema_format>()) {  // a schema's own `format "..."` line
    out.formats.push_back(string_value(*f.children[0]));
    out.format_spans.push_back(span(*f.children[0]));
    return;
  }
  ast::SchemaField field;
  field.span = span(f);
  field.name = std::string(f.children[0]->string_view());
  field.name_span = span(*f.children[0]);
  const Node& type = *f.children[1];
  field.type_span = span(type);
  if (type.is_type<g::scalar_type>()) {
    field.type = std::string(type.string_view());
  } else {
    field.type = type.is_type<g::enum_type>() ? "enum" : "set";
    for (const auto& m : type.children) {
      if (m->is_type<g::string_set>()) {
        field.string_set = true;
      } else {
        field.members.push_back(m->is_type<g::string_lit>() ? string_value(*m) : std::string(m->string_view()));
        field.member_spans.push_back(span(*m));
      }
    }
  }
  for (std::size_t k = 2; k < f.children.size(); ++k) {
    const Node& option = *f.children[k];
    if (option.is_type<g::column_from>()) {
      field.columns.push_back(string_value(*option.children[0]));
      field.column_spans.push_back(span(*option.children[0]));
    } else if (option.is_type<g::missing_values>()) {
      missing_values(option, field.missing, field.missing_spans);
    } else if (option.is_type<g::date_format>()) {
      field.formats.push_back(string_value(*option.children[0]));
      field.format_spans.push_back(span(*option.children[0]));
    } else if (option.string_view() == "key") {
      field.key = true;
    } else {
      field.required = true;
    }
  }
  out.fields.push_back(std::move(field));
}

}  // namespace leadscore::syntax
