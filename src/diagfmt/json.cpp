// `--format json`: the shape documented in docs/ci.md. Every diagnostic has every key, with null
// where there is no location, so that consumers never test for a key's presence.
#include "diagfmt/json_writer.hpp"
#include "diagfmt/location.hpp"
#include "leadscore/diagnostic_format.hpp"

namespace leadscore {

std::string format_json(std::span<const Diagnostic> diags, const SourceManager& sources) {
  using diagfmt::JsonWriter;
  JsonWriter w;
  w.begin_object();
  w.key("version").number(json_format_version);
  w.key("diagnostics").begin_array();
  for (const auto& d : diags) {
    w.begin_object(/*compact=*/true);
    if (auto r = diagfmt::region_of(d, sources)) {
      w.key("file").string(r->path);
      w.key("line").number(r->line).key("column").number(r->column);
      w.key("end_line").number(r->end_line).key("end_column").number(r->end_column);
    } else {
      w.key("file").null().key("line").null().key("column").null();
      w.key("end_line").null().key("end_column").null();
    }
    w.key("severity").string(diagfmt::severity_name(d.severity));
    w.key("code").string(code_info(d.code).code);
    w.key("name").string(code_info(d.code).name);
    w.key("message").string(d.message);
    w.key("notes").begin_array();
    for (const auto& n : d.notes) w.string(n);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  DiagnosticCounts counts = count_diagnostics(diags);
  w.key("errors").number(counts.errors);
  w.key("warnings").number(counts.warnings);
  w.end_object();
  return w.text();
}

}  // namespace leadscore
