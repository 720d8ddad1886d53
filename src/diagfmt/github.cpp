// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on
// the pull request's diff: `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message`.
// Escaping follows the runner's own toolkit (@actions/core): in the message '%', CR and LF; in a
// property also ':' and ','. A multi-line message (a diagnostic with notes) stays one command.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diagfmt/location.hpp"
#include "leadscore/diagnostic_format.hpp"

namespace leadscore {

namespace {

std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

// Workflow commands have error, warning and notice; a note is a notice.
std::string_view command_of(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "notice";
  }
  return "error";
}

}  // namespace

std::string format_github(std::span<const Diagnostic> diags, const SourceManager& sources) {
  std::string out;
  for (const auto& d : diags) {
    std::vector<std::string> properties;
    if (auto r = diagfmt::region_of(d, sources)) {
      properties.push_back("file=" + escape_property(r->path));
      properties.push_back(fmt::format("line={},col={},endLine={},endColumn={}", r->line, r->column,
                                       r->end_line, r->end_column));
    }
    std::string title = fmt::format("{} {}", d.code, code_info(d.code).name);
    properties.push_back("title=" + escape_property(title));
    std::string message = d.message;
    for (const auto& n : d.notes) message += fmt::format("\nnote: {}", n);
    out += fmt::format("::{}{}{}::{}\n", command_of(d.severity), properties.empty() ? "" : " ",
                       fmt::join(properties, ","), escape_data(message));
  }
  return out;
}

}  // namespace leadscore
