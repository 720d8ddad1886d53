// Ranges, locations and small look-ups every feature shares.
#include <algorithm>

#include "api/imports.hpp"
#include "lsp/features.hpp"

namespace leadscore::lsp {

void write_position(JsonWriter& w, Position p) {
  w.begin_object(true).key("line").number(p.line).key("character").number(p.character).end_object();
}

void write_range(JsonWriter& w, const LineIndex& index, std::uint32_t begin, std::uint32_t end) {
  w.begin_object(true);
  w.key("start");
  write_position(w, index.position(begin));
  w.key("end");
  write_position(w, index.position(std::max(begin, end)));
  w.end_object();
}

void write_location(JsonWriter& w, const Document& doc, const Span& span) {
  w.begin_object(true);
  if (span.file == doc.analysis.file || span.file == 0 || !doc.analysis.session ||
      span.file >= doc.analysis.session->sources.size()) {
    w.key("uri").string(doc.uri).key("range");
    write_range(w, *doc.index, span.begin, span.end);
  } else {
    const SourceFile& f = doc.analysis.session->sources.file(span.file);
    LineIndex index(f.text());
    w.key("uri").string(path_to_uri(f.path())).key("range");
    write_range(w, index, span.begin, span.end);
  }
  w.end_object();
}

std::string span_text(const Document& doc, const Span& span) {
  const Session* s = doc.analysis.session.get();
  if (!s || span.file == 0 || span.file >= s->sources.size()) return {};
  const std::string& text = s->sources.file(span.file).text();
  if (span.begin > span.end || span.end > text.size()) return {};
  return text.substr(span.begin, span.end - span.begin);
}

std::optional<std::string> import_target(const Document& doc, const ast::Import& imp) {
  return api::resolve_import(doc.path, imp.path);
}

Span field_name_span(const Document& doc, const Field& field) {
  std::string decl = span_text(doc, field.span);
  auto at = decl.find(field.name);
  if (at == std::string::npos) return field.span;
  auto begin = field.span.begin + static_cast<std::uint32_t>(at);
  return Span{field.span.file, begin, begin + static_cast<std::uint32_t>(field.name.size())};
}

}  // namespace leadscore::lsp
