// Formatting (exactly `leadscore fmt`), code actions (a did-you-mean applied; an `allow` comment
// for a warning) and code lenses (a rule's points and how many of the file's tests fire it).
#include <fmt/format.h>

#include "leadscore/format.hpp"
#include "lsp/features.hpp"
#include "lsp/walk.hpp"

namespace leadscore::lsp {

void formatting(JsonWriter& w, const Document& doc) {
  SourceManager sources;
  Diagnostics diags;
  std::uint32_t file = sources.add(doc.path, doc.text);
  std::optional<std::string> formatted = format_source(sources, file, source_kind_of(doc.path), diags);
  if (!formatted) {
    w.null();  // it does not parse: the diagnostics say why
    return;
  }
  w.begin_array();
  if (*formatted != doc.text) {
    w.begin_object(true).key("range");
    write_range(w, *doc.index, 0, static_cast<std::uint32_t>(doc.text.size()));
    w.key("newText").string(*formatted).end_object();
  }
  w.end_array();
}

namespace {

// The name a "did you mean 'x'?" message proposes, if any.
std::optional<std::string> suggestion(const std::string& message) {
  constexpr std::string_view lead = "did you mean '";
  auto at = message.rfind(lead);
  if (at == std::string::npos) return std::nullopt;
  auto begin = at + lead.size();
  auto end = message.find('\'', begin);
  if (end == std::string::npos || end == begin) return std::nullopt;
  return message.substr(begin, end - begin);
}

void edit(JsonWriter& w, const Document& doc, std::uint32_t begin, std::uint32_t end, const std::string& text) {
  w.key("edit").begin_object().key("changes").begin_object().key(doc.uri).begin_array();
  w.begin_object().key("range");
  write_range(w, *doc.index, begin, end);
  w.key("newText").string(text).end_object();
  w.end_array().end_object().end_object();
}

void diagnostic_ref(JsonWriter& w, const Document& doc, const Diagnostic& d) {
  w.key("diagnostics").begin_array().begin_object().key("range");
  write_range(w, *doc.index, d.span.begin, d.span.end);
  w.key("code").string(code_info(d.code).code).key("source").string("leadscore").key("message").string(d.message);
  w.end_object().end_array();
}

}  // namespace

void code_actions(JsonWriter& w, const Document& doc, std::uint32_t begin, std::uint32_t end) {
  const Analysis& a = doc.analysis;
  w.begin_array();
  for (const Diagnostic& d : a.diagnostics) {
    if (d.span.file != a.file || a.file == 0 || d.span.end < begin || d.span.begin > end) continue;
    if (auto name = suggestion(d.message); name && d.span.end > d.span.begin) {
      w.begin_object().key("title").string(fmt::format("Change to '{}'", *name));
      w.key("kind").string("quickfix").key("isPreferred").boolean(true);
      diagnostic_ref(w, doc, d);
      edit(w, doc, d.span.begin, d.span.end, *name);
      w.end_object();
    }
    if (d.severity == Severity::Warning) {
      // The comment goes on its own line above the warning's, indented like it.
      Position p = doc.index->position(d.span.begin);
      std::uint32_t line_start = doc.index->offset(Position{p.line, 0});
      std::string_view line = doc.index->line_text(p.line);
      std::string indent(line.substr(0, line.find_first_not_of(" \t") == std::string_view::npos
                                            ? 0 : line.find_first_not_of(" \t")));
      w.begin_object().key("title").string(fmt::format("Allow {} here (# leadscore: allow {})", d.code, d.code));
      w.key("kind").string("quickfix");
      diagnostic_ref(w, doc, d);
      edit(w, doc, line_start, line_start, fmt::format("{}# leadscore: allow {}\n", indent, d.code));
      w.end_object();
    }
  }
  w.end_array();
}

void code_lenses(JsonWriter& w, const Document& doc) {
  const Analysis& a = doc.analysis;
  w.begin_array();
  const auto& rules = a.loaded.model.rules;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const ast::Rule& r = rules[i];
    if (!own(r.span, a.file)) continue;
    std::string title = r.points >= 0 ? fmt::format("+{} points", r.points) : fmt::format("{} points", r.points);
    if (r.per) title += " per unit";
    if (r.up_to) title += fmt::format(" up to {}", *r.up_to);
    if (i < a.fired_by.size()) {
      title += fmt::format(" · fired by {} of {} test{}", a.fired_by[i], a.tests, a.tests == 1 ? "" : "s");
    } else if (a.loaded.model.tests.empty()) {
      title += " · no tests in this file";
    }
    w.begin_object(true).key("range");
    write_range(w, *doc.index, r.span.begin, r.span.begin);
    w.key("command").begin_object(true).key("title").string(title).key("command").string("").end_object();
    w.end_object();
  }
  w.end_array();
}

}  // namespace leadscore::lsp
