// Go to definition, find references and the document outline. What a name at the cursor stands
// for is one Target: a let, a schema field, a group or an imported module.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "lsp/features.hpp"
#include "lsp/walk.hpp"

namespace leadscore::lsp {

namespace {

struct Target {
  enum Kind { None, Let, Field, Group, Module, Schema } kind = None;
  int index = -1;          // Let, Field, Group
  std::string name;        // Let, Field: the name; Module, Schema: the file's path
};

std::string normal(const std::string& p) { return std::filesystem::path(p).lexically_normal().string(); }

Target target_at(const Document& doc, std::uint32_t offset) {
  const Analysis& a = doc.analysis;
  const ast::Model& m = a.loaded.model;
  const leadscore::Schema* schema = a.schema();
  Target t;
  auto field = [&](const std::string& name) {
    int i = schema ? schema->find(name) : -1;
    if (i >= 0) t = Target{Target::Field, i, name};
    return i >= 0;
  };
  if (a.is_schema) {
    if (a.schema_ast) {
      for (const auto& f : a.schema_ast->fields) {
        if (contains(f.name_span, offset)) t = Target{Target::Field, -1, f.name};
      }
    }
    return t;
  }
  auto chain = exprs_at(m, a.file, offset);
  if (!chain.empty() && chain.back()->kind == ast::ExprKind::Name) {
    const ast::Expr& e = *chain.back();
    if (e.ref == ast::NameRef::Let && e.index >= 0) return Target{Target::Let, e.index, e.text};
    if (e.ref == ast::NameRef::Field && e.index >= 0 && field(e.text)) return t;
  }
  for (std::size_t i = 0; i < m.lets.size(); ++i) {
    if (own(m.lets[i].name_span, a.file) && contains(m.lets[i].name_span, offset)) {
      return Target{Target::Let, static_cast<int>(i), m.lets[i].name};
    }
  }
  for (std::size_t i = 0; i < m.groups.size(); ++i) {
    const ast::Group& g = m.groups[i];
    if (!own(g.span, a.file)) continue;
    if (g.decay && contains(g.decay->field_span, offset) && field(g.decay->field)) return t;
    if (contains(g.name_span, offset)) return Target{Target::Group, static_cast<int>(i), g.name};
  }
  for (const auto& test : m.tests) {
    for (const auto& init : test.lead) {
      if (own(init.field_span, a.file) && contains(init.field_span, offset) && field(init.field)) return t;
    }
  }
  for (const auto& imp : m.imports) {
    if (!own(imp.span, a.file) || !contains(imp.span, offset)) continue;
    if (auto file = import_target(doc, imp)) return Target{Target::Module, -1, normal(*file)};
  }
  if (m.schema_path && own(m.schema_span, a.file) && contains(m.schema_span, offset)) {
    auto p = std::filesystem::path(doc.path).parent_path() / *m.schema_path;
    return Target{Target::Schema, -1, p.lexically_normal().string()};
  }
  return t;
}

void write_file_start(JsonWriter& w, const std::string& path) {
  w.begin_object(true).key("uri").string(path_to_uri(path)).key("range");
  w.begin_object(true).key("start");
  write_position(w, {});
  w.key("end");
  write_position(w, {});
  w.end_object().end_object();
}

// The declaration of a field in the schema the document uses.
const leadscore::Field* schema_field(const Document& doc, const std::string& name) {
  const leadscore::Schema* s = doc.analysis.schema();
  int i = s ? s->find(name) : -1;
  return i >= 0 ? &s->fields[static_cast<std::size_t>(i)] : nullptr;
}

// Every place `t` is used in `doc` (its own text only), as spans of `doc`'s session.
std::vector<Span> uses_in(const Document& doc, const Target& t) {
  std::vector<Span> out;
  const Analysis& a = doc.analysis;
  const ast::Model& m = a.loaded.model;
  if (a.is_schema) return out;
  if (t.kind == Target::Let || t.kind == Target::Field) {
    auto ref = t.kind == Target::Let ? ast::NameRef::Let : ast::NameRef::Field;
    for_each_expr(m, a.file, [&](const ast::Expr& e) {
      if (e.kind == ast::ExprKind::Name && e.ref == ref && e.text == t.name) out.push_back(e.span);
    });
  }
  if (t.kind == Target::Field) {
    for (const auto& g : m.groups) {
      if (own(g.span, a.file) && g.decay && g.decay->field == t.name) out.push_back(g.decay->field_span);
    }
    for (const auto& test : m.tests) {
      for (const auto& init : test.lead) {
        if (own(init.field_span, a.file) && init.field == t.name) out.push_back(init.field_span);
      }
    }
  }
  if (t.kind == Target::Module) {
    for (const auto& imp : m.imports) {
      if (!own(imp.span, a.file)) continue;
      auto file = import_target(doc, imp);
      if (file && normal(*file) == t.name) out.push_back(imp.span);
    }
  }
  return out;
}

// Where `t` is declared, written as a Location; false when it has no declaration to show.
bool write_declaration(JsonWriter& w, const Document& doc, const Target& t) {
  const ast::Model& m = doc.analysis.loaded.model;
  switch (t.kind) {
    case Target::Let:
      if (t.index < 0 || static_cast<std::size_t>(t.index) >= m.lets.size()) return false;
      write_location(w, doc, m.lets[static_cast<std::size_t>(t.index)].name_span);
      return true;
    case Target::Group:
      write_location(w, doc, m.groups[static_cast<std::size_t>(t.index)].name_span);
      return true;
    case Target::Field:
      if (doc.analysis.is_schema) {
        for (const auto& f : doc.analysis.schema_ast->fields) {
          if (f.name == t.name) {
            write_location(w, doc, f.name_span);
            return true;
          }
        }
        return false;
      }
      if (const leadscore::Field* f = schema_field(doc, t.name)) {
        write_location(w, doc, field_name_span(doc, *f));
        return true;
      }
      return false;
    case Target::Module:
    case Target::Schema:
      write_file_start(w, t.name);
      return true;
    case Target::None: break;
  }
  return false;
}

}  // namespace

void definition(JsonWriter& w, const Document& doc, std::uint32_t offset) {
  Target t = target_at(doc, offset);
  if (t.kind == Target::None || !write_declaration(w, doc, t)) w.null();
}

void references(JsonWriter& w, const Documents& docs, const Document& doc, std::uint32_t offset,
                bool include_declaration) {
  Target t = target_at(doc, offset);
  w.begin_array();
  if (t.kind == Target::None) {
    w.end_array();
    return;
  }
  if (include_declaration) write_declaration(w, doc, t);
  // A let or a group is the document's own; a field or a module may be used by every open model
  // that reads the same schema or module.
  bool shared = t.kind == Target::Field || t.kind == Target::Module;
  std::string schema_path;
  if (t.kind == Target::Field) {
    if (doc.analysis.is_schema) {
      schema_path = doc.path;
    } else if (const leadscore::Schema* s = doc.analysis.schema()) {
      if (s->span.file != 0 && s->span.file < doc.analysis.session->sources.size()) {
        schema_path = doc.analysis.session->sources.file(s->span.file).path();
      }
    }
  }
  for (const auto& [uri, other] : docs) {
    if (other.get() != &doc && !shared) continue;
    if (other.get() != &doc && t.kind == Target::Field) {
      const leadscore::Schema* s = other->analysis.schema();
      if (!s || other->analysis.is_schema || s->span.file == 0 ||
          other->analysis.session->sources.file(s->span.file).path() != schema_path) {
        continue;
      }
    }
    for (const Span& span : uses_in(*other, t)) write_location(w, *other, span);
  }
  w.end_array();
}

namespace {

constexpr int symbol_class = 5, symbol_field = 8, symbol_function = 12, symbol_variable = 13,
              symbol_namespace = 3, symbol_struct = 23, symbol_event = 24, symbol_enum_member = 22;

void symbol(JsonWriter& w, const Document& doc, const std::string& name, int kind, Span range,
            Span selection, std::string_view detail = {}) {
  w.begin_object(true).key("name").string(name.empty() ? "?" : name).key("kind").number(kind);
  if (!detail.empty()) w.key("detail").string(detail);
  selection.begin = std::max(selection.begin, range.begin);
  selection.end = std::min(std::max(selection.end, selection.begin), range.end);
  w.key("range");
  write_range(w, *doc.index, range.begin, range.end);
  w.key("selectionRange");
  write_range(w, *doc.index, selection.begin, selection.end);
}

Span rule_range(const ast::Rule& r) {
  Span s = r.span;
  if (r.has_label) s.end = std::max(s.end, r.label_span.end);
  return s;
}

std::string points_text(const ast::Rule& r) {
  return r.points >= 0 ? fmt::format("+{}", r.points) : fmt::format("{}", r.points);
}

}  // namespace

void document_symbols(JsonWriter& w, const Document& doc) {
  const Analysis& a = doc.analysis;
  w.begin_array();
  if (a.is_schema) {
    if (a.schema_ast) {
      for (const auto& f : a.schema_ast->fields) {
        symbol(w, doc, f.name, symbol_field, f.span, f.name_span, f.type);
        w.end_object();
      }
    }
    w.end_array();
    return;
  }
  const ast::Model& m = a.loaded.model;
  for (const auto& let : m.lets) {
    if (!own(let.span, a.file)) continue;
    symbol(w, doc, let.name, symbol_variable, let.span, let.name_span, "let");
    w.end_object();
  }
  auto rules_of = [&](int group) {
    for (const auto& r : m.rules) {
      if (r.group != group || !own(r.span, a.file)) continue;
      symbol(w, doc, r.label, symbol_event, rule_range(r), r.span, points_text(r));
      w.end_object();
    }
  };
  for (std::size_t g = 0; g < m.groups.size(); ++g) {
    const ast::Group& group = m.groups[g];
    if (!own(group.span, a.file)) continue;
    // The group's range runs to its last rule (its span is the header only).
    Span range = group.span;
    for (const auto& r : m.rules) {
      if (r.group == static_cast<int>(g) && own(r.span, a.file)) range.end = std::max(range.end, rule_range(r).end);
    }
    symbol(w, doc, group.name, symbol_namespace, range, group.name_span, "group");
    w.key("children").begin_array();
    rules_of(static_cast<int>(g));
    w.end_array().end_object();
  }
  rules_of(-1);
  for (const auto& r : m.rejects) {
    if (!own(r.span, a.file)) continue;
    symbol(w, doc, "reject: " + r.reason, symbol_event, r.span, r.span, "reject");
    w.end_object();
  }
  for (const auto& t : m.tiers) {
    if (!own(t.span, a.file)) continue;
    symbol(w, doc, "tier " + t.name, symbol_enum_member, t.span, t.name_span);
    w.end_object();
  }
  for (const auto& t : m.tests) {
    if (!own(t.span, a.file)) continue;
    symbol(w, doc, t.name, symbol_class, t.span, t.span, "test");
    w.end_object();
  }
  (void)symbol_function;
  (void)symbol_struct;
  w.end_array();
}

}  // namespace leadscore::lsp
