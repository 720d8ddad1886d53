// `--format junit`: a JUnit XML report, the form CI test reporters read (Jenkins' junit step,
// GitLab's artifacts:reports:junit, GitHub test-report actions), so that `check` shows in a
// pipeline's test tab. docs/ci.md describes the shape:
//   - one <testsuite> per file read (the files named, then the schemas and imports they name, in
//     the order they were read), named by its path;
//   - one <testcase> per diagnostic in it: a <failure> for an error, and for a warning under
//     --strict; a warning that does not fail passes, with its text in <system-out>;
//   - a file without any diagnostic: one passing testcase named "check";
//   - diagnostics without a file (a file named on the command line that cannot be read) are <error>s
//     in a last testsuite named "leadscore": the check could not run there.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common/xml_string.hpp"
#include "diagfmt/location.hpp"
#include "leadscore/diagnostic_format.hpp"

namespace leadscore {

namespace {

struct Suite {
  std::string name;
  bool has_file = true;
  std::vector<const Diagnostic*> diags;
};

// "E004 unknown-member (3:14)": what the report lists. The code and name say what it is; the place
// keeps two of the same kind in one file apart.
std::string case_name(const Diagnostic& d, const std::optional<diagfmt::Region>& r) {
  std::string what = fmt::format("{} {}", d.code, code_info(d.code).name);
  if (!r) return fmt::format("{}: {}", what, d.message);  // no place: the message names the file
  return fmt::format("{} ({}:{})", what, r->line, r->column);
}

// The heading of the text format, `file:line:col: error[E004]: message`, with the location of
// every other format (code points); without a file, `error[E013]: message`.
std::string heading(const Diagnostic& d, const std::optional<diagfmt::Region>& r) {
  std::string severity(diagfmt::severity_name(d.severity));
  std::string code = fmt::format("{}[{}]", severity, d.code);
  if (!r) return fmt::format("{}: {}", code, d.message);
  return fmt::format("{}:{}:{}: {}: {}", r->path, r->line, r->column, code, d.message);
}

void append_case(std::string& out, const Suite& suite, const Diagnostic& d,
                 const SourceManager& sources, bool strict) {
  auto r = diagfmt::region_of(d, sources);
  out += "    <testcase";
  append_xml_attribute(out, "name", case_name(d, r));
  append_xml_attribute(out, "classname", suite.name);
  if (r) {
    append_xml_attribute(out, "file", r->path);
    append_xml_attribute(out, "line", fmt::format("{}", r->line));
  }
  out += ">\n";
  // The body is the text format's whole rendering: heading, source line, caret, notes.
  std::string text = render_text(d, sources);
  const bool fails = d.severity == Severity::Error || (strict && d.severity == Severity::Warning);
  const char* element = !suite.has_file ? "error" : fails ? "failure" : "system-out";
  out += fmt::format("      <{}", element);
  if (fails || !suite.has_file) {
    append_xml_attribute(out, "message", heading(d, r));
    append_xml_attribute(out, "type", code_info(d.code).code);
  }
  out += '>';
  append_xml_text(out, text);
  out += fmt::format("</{}>\n", element);
  out += "    </testcase>\n";
}

}  // namespace

std::string format_junit(std::span<const Diagnostic> diags, const SourceManager& sources, bool strict) {
  std::vector<Suite> suites;
  for (std::uint32_t id = 1; id < sources.size(); ++id) suites.push_back({sources.file(id).path(), true, {}});
  Suite unlocated{"leadscore", false, {}};
  for (const auto& d : diags) {
    if (d.span.file != 0 && d.span.file < sources.size()) suites[d.span.file - 1].diags.push_back(&d);
    else unlocated.diags.push_back(&d);
  }
  if (!unlocated.diags.empty()) suites.push_back(std::move(unlocated));

  std::string body;
  std::size_t total_tests = 0, total_failures = 0, total_errors = 0;
  for (const auto& suite : suites) {
    std::size_t failures = 0, errors = 0;
    for (const Diagnostic* d : suite.diags) {
      if (!suite.has_file) ++errors;
      else if (d->severity == Severity::Error || (strict && d->severity == Severity::Warning)) ++failures;
    }
    const std::size_t tests = suite.diags.empty() ? 1 : suite.diags.size();
    total_tests += tests;
    total_failures += failures;
    total_errors += errors;
    body += "  <testsuite";
    append_xml_attribute(body, "name", suite.name);
    body += fmt::format(" tests=\"{}\" failures=\"{}\" errors=\"{}\"", tests, failures, errors);
    if (suite.has_file) append_xml_attribute(body, "file", suite.name);
    body += ">\n";
    if (suite.diags.empty()) {
      body += "    <testcase name=\"check\"";
      append_xml_attribute(body, "classname", suite.name);
      append_xml_attribute(body, "file", suite.name);
      body += "/>\n";
    }
    for (const Diagnostic* d : suite.diags) append_case(body, suite, *d, sources, strict);
    body += "  </testsuite>\n";
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"leadscore check\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}</testsuites>\n",
      total_tests, total_failures, total_errors, body);
}

}  // namespace leadscore
