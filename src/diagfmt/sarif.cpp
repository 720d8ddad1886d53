// `--format sarif`: a SARIF 2.1.0 log for code scanning (github/codeql-action/upload-sarif).
//
// Two choices that are not obvious from the spec:
// - A diagnostic without a file (an unreadable file) is a tool execution notification, not a
//   result: SARIF allows results without locations, but GitHub rejects the whole upload when one
//   result has none ("locationFromSarifResult: expected at least one location").
// - informationUri and helpUri are absolute: the schema gives them format "uri".
#include <cctype>

#include <fmt/format.h>

#include "diagfmt/json_writer.hpp"
#include "diagfmt/location.hpp"
#include "leadscore/diagnostic_format.hpp"

namespace leadscore {

namespace {

using diagfmt::JsonWriter;

// SARIF levels are "none", "note", "warning", "error": the same words as ours.
std::string_view level_of(Severity s) { return diagfmt::severity_name(s); }

std::string help_uri(std::string_view code) {
  std::string anchor;
  for (char c : code) anchor += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return fmt::format("{}/blob/main/docs/diagnostics.md#{}", project_uri, anchor);
}

// A file path as a URI reference: relative paths stay relative (code scanning resolves them
// against the checkout), absolute ones become file:// URIs. Every byte outside RFC 3986's
// unreserved set and '/' is percent-encoded; that includes ':', so that "c:x.score" cannot read as
// a scheme, and '\', which is an ordinary file name byte here.
std::string artifact_uri(std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  std::string out = path.starts_with('/') ? "file://" : "";
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

std::string message_text(const Diagnostic& d) {
  std::string text = d.message;
  for (const auto& n : d.notes) text += fmt::format("\nnote: {}", n);
  return text;
}

void write_rules(JsonWriter& w) {
  w.key("rules").begin_array();
  for (const auto& info : code_table) {
    w.begin_object(/*compact=*/true);
    w.key("id").string(info.code);
    w.key("name").string(info.name);
    w.key("shortDescription").begin_object().key("text").string(info.summary).end_object();
    w.key("helpUri").string(help_uri(info.code));
    w.key("defaultConfiguration").begin_object();
    w.key("level").string(info.is_error ? "error" : "warning");
    w.end_object();
    w.end_object();
  }
  w.end_array();
}

// The rule a diagnostic's code names: its id and its place in the rules list (codes.def's order).
void write_rule_reference(JsonWriter& w, const Diagnostic& d, std::string_view id_key,
                          std::string_view index_key) {
  w.key(id_key).string(code_info(d.code).code);
  w.key(index_key).number(static_cast<std::size_t>(d.code));
}

void write_invocation(JsonWriter& w, std::span<const Diagnostic> diags, const SourceManager& sources) {
  bool successful = true;
  w.key("invocations").begin_array().begin_object();
  w.key("toolExecutionNotifications").begin_array();
  for (const auto& d : diags) {
    if (diagfmt::region_of(d, sources)) continue;
    if (d.severity == Severity::Error) successful = false;
    w.begin_object(/*compact=*/true);
    w.key("level").string(level_of(d.severity));
    w.key("message").begin_object().key("text").string(message_text(d)).end_object();
    w.key("associatedRule").begin_object();
    write_rule_reference(w, d, "id", "index");
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.key("executionSuccessful").boolean(successful);
  w.end_object().end_array();
}

void write_results(JsonWriter& w, std::span<const Diagnostic> diags, const SourceManager& sources) {
  w.key("results").begin_array();
  for (const auto& d : diags) {
    auto r = diagfmt::region_of(d, sources);
    if (!r) continue;  // in the invocation's notifications instead
    w.begin_object(/*compact=*/true);
    write_rule_reference(w, d, "ruleId", "ruleIndex");
    w.key("level").string(level_of(d.severity));
    w.key("message").begin_object().key("text").string(message_text(d)).end_object();
    w.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object();
    std::string uri = artifact_uri(r->path);
    w.key("uri").string(uri);
    if (!uri.starts_with("file:")) w.key("uriBaseId").string("%SRCROOT%");
    w.end_object();
    w.key("region").begin_object();
    w.key("startLine").number(r->line).key("startColumn").number(r->column);
    w.key("endLine").number(r->end_line).key("endColumn").number(r->end_column);
    w.end_object();
    w.end_object().end_object().end_array();
    w.end_object();
  }
  w.end_array();
}

}  // namespace

std::string format_sarif(std::span<const Diagnostic> diags, const SourceManager& sources) {
  JsonWriter w;
  w.begin_object();
  w.key("$schema").string("https://json.schemastore.org/sarif-2.1.0.json");
  w.key("version").string("2.1.0");
  w.key("runs").begin_array().begin_object();
  w.key("tool").begin_object().key("driver").begin_object();
  w.key("name").string("leadscore");
  w.key("informationUri").string(project_uri);
  w.key("version").string(tool_version);
  write_rules(w);
  w.end_object().end_object();
  write_invocation(w, diags, sources);
  // Said outright: our columns count characters, and viewers disagree on the default unit.
  w.key("columnKind").string("unicodeCodePoints");
  write_results(w, diags, sources);
  w.end_object().end_array();
  w.end_object();
  return w.text();
}

}  // namespace leadscore
