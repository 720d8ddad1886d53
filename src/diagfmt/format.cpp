// The parts of `leadscore check --format` that every format shares: picking a format, counting,
// the exit status, the summary line, and the text format itself (render_text plus the summary).
#include <fmt/format.h>

#include "leadscore/diagnostic_format.hpp"

namespace leadscore {

std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view name) {
  if (name == "text") return DiagnosticFormat::Text;
  if (name == "json") return DiagnosticFormat::Json;
  if (name == "sarif") return DiagnosticFormat::Sarif;
  if (name == "github") return DiagnosticFormat::Github;
  if (name == "junit") return DiagnosticFormat::Junit;
  return std::nullopt;
}

DiagnosticCounts count_diagnostics(std::span<const Diagnostic> diags) {
  DiagnosticCounts counts;
  for (const auto& d : diags) {
    if (d.severity == Severity::Error) ++counts.errors;
    if (d.severity == Severity::Warning) ++counts.warnings;
    // A file that could not be read is bad input (exit 2), not a model problem. An unreadable
    // schema is located at the model's `schema` line and so counts as the model's error.
    if (d.span.file == 0 && d.code == Code::UnreadableFile) counts.unreadable = true;
  }
  return counts;
}

int check_exit_status(const DiagnosticCounts& counts, bool strict) {
  if (counts.unreadable) return 2;
  if (counts.errors > 0) return 1;
  if (strict && counts.warnings > 0) return 1;
  return 0;
}

std::string format_summary(const DiagnosticCounts& counts) {
  if (counts.errors + counts.warnings == 0) return {};
  return fmt::format("{} error{}, {} warning{}\n", counts.errors, counts.errors == 1 ? "" : "s",
                     counts.warnings, counts.warnings == 1 ? "" : "s");
}

std::string format_text(std::span<const Diagnostic> diags, const SourceManager& sources,
                        bool color) {
  std::string out;
  for (const auto& d : diags) out += render_text(d, sources, color);
  out += format_summary(count_diagnostics(diags));
  return out;
}

std::string format_diagnostics(DiagnosticFormat format, std::span<const Diagnostic> diags,
                               const SourceManager& sources, bool color, bool strict) {
  switch (format) {
    case DiagnosticFormat::Text: return format_text(diags, sources, color);
    case DiagnosticFormat::Json: return format_json(diags, sources);
    case DiagnosticFormat::Sarif: return format_sarif(diags, sources);
    case DiagnosticFormat::Github: return format_github(diags, sources);
    case DiagnosticFormat::Junit: return format_junit(diags, sources, strict);
  }
  return {};
}

}  // namespace leadscore
