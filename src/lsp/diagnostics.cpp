// textDocument/publishDiagnostics: the check's diagnostics in LSP form. A diagnostic found in
// another file (the schema, an imported module) is shown on the line that brought that file in,
// with its real place as related information, so that the model's author sees why it fails.
#include <filesystem>

#include <fmt/format.h>

#include "leadscore/codes.hpp"
#include "lsp/features.hpp"

namespace leadscore::lsp {

namespace {

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Note: return 3;
  }
  return 1;
}

// docs/diagnostics.md has one heading per code: `### E004 unknown-member`.
std::string code_link(Code code) {
  const CodeInfo& info = code_info(code);
  std::string anchor;
  for (char c : fmt::format("{}-{}", info.code, info.name)) {
    anchor += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return fmt::format("https://github.com/leadscore/leadscore/blob/main/docs/diagnostics.md#{}", anchor);
}

// Where in this document a diagnostic of another file is shown.
Span shown_at(const Document& doc, const Diagnostic& d) {
  const Analysis& a = doc.analysis;
  if (d.span.file == a.file) return d.span;
  Span none{a.file, 0, 0};
  if (d.span.file == 0 || !a.session || d.span.file >= a.session->sources.size()) return none;
  const std::string& path = a.session->sources.file(d.span.file).path();
  const ast::Model& m = a.loaded.model;
  if (a.loaded.schema && a.loaded.schema->span.file == d.span.file) return m.schema_span;
  if (m.schema_path) {
    auto schema = (std::filesystem::path(doc.path).parent_path() / *m.schema_path).lexically_normal();
    if (schema.string() == path) return m.schema_span;
  }
  for (const auto& imp : m.imports) {
    if (imp.span.file != a.file) continue;
    auto target = import_target(doc, imp);
    if (target && std::filesystem::path(*target).lexically_normal().string() == path) return imp.span;
  }
  // A module imported by a module: the first import line is as close as this file gets.
  for (const auto& imp : m.imports) {
    if (imp.span.file == a.file) return imp.span;
  }
  return none;
}

}  // namespace

void write_diagnostics(JsonWriter& w, const Document& doc) {
  w.begin_object(true);
  w.key("uri").string(doc.uri);
  w.key("version").number(doc.version);
  w.key("diagnostics").begin_array();
  const Analysis& a = doc.analysis;
  for (const Diagnostic& d : a.diagnostics) {
    bool foreign = d.span.file != a.file && d.span.file != 0;
    Span at = shown_at(doc, d);
    w.begin_object();
    w.key("range");
    write_range(w, *doc.index, at.begin, at.end);
    w.key("severity").number(lsp_severity(d.severity));
    w.key("code").string(code_info(d.code).code);
    w.key("codeDescription").begin_object().key("href").string(code_link(d.code)).end_object();
    w.key("source").string("leadscore");
    std::string message = d.message;
    if (foreign && a.session && d.span.file < a.session->sources.size()) {
      const SourceFile& f = a.session->sources.file(d.span.file);
      LineCol lc = f.line_col(d.span.begin);
      message = fmt::format("{}:{}: {}", f.path(), lc.line, d.message);
    }
    for (const auto& note : d.notes) message += fmt::format("\nnote: {}", note);
    w.key("message").string(message);
    if (foreign || !d.notes.empty()) {
      w.key("relatedInformation").begin_array();
      if (foreign) {
        w.begin_object().key("location");
        write_location(w, doc, d.span);
        w.key("message").string(d.message).end_object();
      }
      for (const auto& note : d.notes) {
        w.begin_object().key("location");
        write_location(w, doc, at);
        w.key("message").string(note).end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace leadscore::lsp
