// textDocument/hover: what the name, rule, group or import under the cursor is, in Markdown.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>

#include "lsp/builtin_docs.hpp"
#include "lsp/features.hpp"
#include "lsp/walk.hpp"

namespace leadscore::lsp {

namespace {

std::string number(double x) { return fmt::format("{}", x); }

std::string describe_field(const Field& f) {
  std::string type(field_type_name(f.type));
  if (f.type == FieldType::Enum || f.type == FieldType::Set) {
    type = fmt::format("{}({})", type, fmt::join(f.members, ", "));
  }
  std::string flags = f.key ? "the key field" : f.required ? "required" : "optional (may be missing)";
  return fmt::format("```leadscore\n{}: {}\n```\nfield of the schema, {}", f.name, type, flags);
}

std::string describe_let(const Document& doc, const ast::Let& let) {
  std::string text = span_text(doc, let.span);
  std::string out = fmt::format("```leadscore\n{}\n```", text.empty() ? "let " + let.name : text);
  if (let.imported_at.file != 0) out += fmt::format("\nimported by `{}`", span_text(doc, let.imported_at));
  return out;
}

std::string describe_group(const ast::Group& g) {
  std::string out = fmt::format("group **{}**", g.name);
  if (g.min) out += fmt::format(", min {}", number(*g.min));
  if (g.max) out += fmt::format(", cap (max) {}", number(*g.max));
  if (!g.min && !g.max) out += ", no cap";
  if (g.decay) {
    out += fmt::format("\n\ndecays {}% every {} days since `{}`", number(g.decay->percent),
                       number(g.decay->every_days), g.decay->field);
  }
  return out;
}

std::string describe_rule(const Document& doc, const ast::Rule& r) {
  const ast::Model& m = doc.analysis.loaded.model;
  std::string points = r.points >= 0 ? fmt::format("add {}", number(r.points))
                                     : fmt::format("subtract {}", number(-r.points));
  std::string out = fmt::format("rule \"{}\": **{} points**", r.label, points);
  if (r.per) out += fmt::format(" per `{}`", span_text(doc, r.per->span));
  if (r.up_to) out += fmt::format(" up to {}", number(*r.up_to));
  if (r.group >= 0 && static_cast<std::size_t>(r.group) < m.groups.size()) {
    out += "\n\nin " + describe_group(m.groups[static_cast<std::size_t>(r.group)]);
  } else {
    out += "\n\nin no group (the implicit group: no cap, no decay)";
  }
  return out;
}

// The comment lines a module starts with: its summary (stdlib modules all have one).
std::string module_summary(const std::string& path) {
  std::ifstream in(path);
  std::string line, out;
  while (std::getline(in, line) && line.starts_with("#")) {
    std::string_view text(line);
    text.remove_prefix(1);
    if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    out += fmt::format("{}\n", text);
  }
  return out;
}

void reply(JsonWriter& w, const Document& doc, const std::string& markdown, Span at) {
  w.begin_object();
  w.key("contents").begin_object().key("kind").string("markdown").key("value").string(markdown).end_object();
  w.key("range");
  write_range(w, *doc.index, at.begin, at.end);
  w.end_object();
}

bool hover_schema(JsonWriter& w, const Document& doc, std::uint32_t offset) {
  const Analysis& a = doc.analysis;
  if (!a.schema_ast) return false;
  for (const auto& f : a.schema_ast->fields) {
    if (!contains(f.span, offset)) continue;
    std::string type = f.type;
    if (!f.members.empty()) type = fmt::format("{}({})", type, fmt::join(f.members, ", "));
    std::string flags = f.key ? "the key field" : f.required ? "required" : "optional (may be missing)";
    reply(w, doc, fmt::format("```leadscore\n{}: {}\n```\nfield of the schema, {}", f.name, type, flags), f.name_span);
    return true;
  }
  return false;
}

// The set or enum field whose member `e` is, from the expression around it.
const Field* member_field(const std::vector<const ast::Expr*>& chain, const Schema& schema) {
  for (std::size_t i = chain.size(); i-- > 0;) {
    const ast::Expr& e = *chain[i];
    if (e.kids.empty()) continue;
    const ast::Type& t = e.kids[0]->type;
    if ((t.kind == ast::TypeKind::Enum || t.kind == ast::TypeKind::Set) && t.field >= 0 &&
        static_cast<std::size_t>(t.field) < schema.fields.size()) {
      return &schema.fields[static_cast<std::size_t>(t.field)];
    }
  }
  return nullptr;
}

bool hover_expr(JsonWriter& w, const Document& doc, std::uint32_t offset) {
  const Analysis& a = doc.analysis;
  const ast::Model& m = a.loaded.model;
  const Schema* schema = a.schema();
  auto chain = exprs_at(m, a.file, offset);
  if (chain.empty()) return false;
  const ast::Expr& e = *chain.back();
  if (e.kind == ast::ExprKind::Call) {
    if (const BuiltinDoc* b = find_builtin_doc(e.text)) {
      Span name{e.span.file, e.span.begin, e.span.begin + static_cast<std::uint32_t>(e.text.size())};
      reply(w, doc, fmt::format("```leadscore\n{}\n```\n{}", b->signature, b->doc), name);
      return true;
    }
    return false;
  }
  if (e.kind != ast::ExprKind::Name) return false;
  if (e.ref == ast::NameRef::Field && schema && e.index >= 0 &&
      static_cast<std::size_t>(e.index) < schema->fields.size()) {
    reply(w, doc, describe_field(schema->fields[static_cast<std::size_t>(e.index)]), e.span);
    return true;
  }
  if (e.ref == ast::NameRef::Let && e.index >= 0 && static_cast<std::size_t>(e.index) < m.lets.size()) {
    reply(w, doc, describe_let(doc, m.lets[static_cast<std::size_t>(e.index)]), e.span);
    return true;
  }
  if (e.ref == ast::NameRef::Member && schema) {
    chain.pop_back();
    if (const Field* f = member_field(chain, *schema)) {
      reply(w, doc, fmt::format("`{}`: a member of {} field `{}`", e.text, field_type_name(f->type), f->name), e.span);
      return true;
    }
  }
  return false;
}

}  // namespace

void hover(JsonWriter& w, const Document& doc, std::uint32_t offset) {
  const Analysis& a = doc.analysis;
  if (a.is_schema) {
    if (!hover_schema(w, doc, offset)) w.null();
    return;
  }
  if (hover_expr(w, doc, offset)) return;
  const ast::Model& m = a.loaded.model;
  const Schema* schema = a.schema();
  auto field_named = [&](const std::string& name) -> const Field* {
    int i = schema ? schema->find(name) : -1;
    return i >= 0 ? &schema->fields[static_cast<std::size_t>(i)] : nullptr;
  };
  for (const auto& let : m.lets) {
    if (own(let.name_span, a.file) && contains(let.name_span, offset)) return reply(w, doc, describe_let(doc, let), let.name_span);
  }
  for (const auto& r : m.rules) {
    Span whole = r.span;
    if (r.has_label) whole.end = std::max(whole.end, r.label_span.end);
    if (own(r.span, a.file) && contains(whole, offset)) return reply(w, doc, describe_rule(doc, r), r.points_span);
  }
  for (const auto& g : m.groups) {
    if (!own(g.span, a.file)) continue;
    if (g.decay && contains(g.decay->field_span, offset)) {
      if (const Field* f = field_named(g.decay->field)) return reply(w, doc, describe_field(*f), g.decay->field_span);
    }
    if (contains(g.span, offset)) return reply(w, doc, describe_group(g), g.name_span);
  }
  for (const auto& imp : m.imports) {
    if (!own(imp.span, a.file) || !contains(imp.span, offset)) continue;
    auto target = import_target(doc, imp);
    std::string text = target ? module_summary(*target) : std::string();
    if (text.empty()) text = target ? fmt::format("module `{}`", *target) : fmt::format("module `{}` (not found)", imp.path);
    return reply(w, doc, text, imp.span);
  }
  for (const auto& t : m.tests) {
    if (!own(t.span, a.file)) continue;
    for (const auto& init : t.lead) {
      if (!contains(init.field_span, offset)) continue;
      if (const Field* f = field_named(init.field)) return reply(w, doc, describe_field(*f), init.field_span);
    }
  }
  w.null();
}

}  // namespace leadscore::lsp
