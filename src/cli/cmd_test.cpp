// `leadscore test [FILE|DIR...] [--coverage] [--min-coverage P] [--run PATTERN]
// [--format text|json|junit]`: runs the test blocks of every model and `_test.score` file found;
// the library runs them, this prints the results.
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "common/xml_string.hpp"
#include "leadscore/testing.hpp"
#include "testing/explain_json.hpp"

namespace leadscore::cli {

namespace {

std::string_view kind_name(ast::ExpectationKind k) {
  switch (k) {
    case ast::ExpectationKind::Score: return "score";
    case ast::ExpectationKind::Tier: return "tier";
    case ast::ExpectationKind::Qualified: return "qualified";
    case ast::ExpectationKind::Rejected: return "rejected";
    case ast::ExpectationKind::Fired: return "fired";
  }
  return "";
}

std::string counts(std::size_t passed, std::size_t failed) {
  return fmt::format("{} passed, {} failed", passed, failed);
}

void print_text(const TestRun& run, bool coverage) {
  for (const auto& file : run.files) {
    if (!file.loaded) {
      fmt::print("FAIL {}: the model has errors\n", file.path);
      continue;
    }
    if (file.tests.empty()) continue;  // a model without tests counts nothing
    for (const auto& t : file.tests) {
      if (t.passed()) continue;
      fmt::print("FAIL {}:{}: test \"{}\"\n", t.source.path, t.source.line, t.name);
      for (const auto& f : t.failures) {
        fmt::print("  expected {}, got {}\n", f.expected, f.actual);
      }
      fmt::print("  lead as of {}:\n", format_date(t.as_of));
      fmt::print("{}", render_explanation_text(t.explanation, file.path, "    "));
    }
    std::size_t failed = file.failed();
    if (failed == 0) fmt::print("ok   {}: {} passed\n", file.path, file.tests.size());
    else fmt::print("FAIL {}: {}\n", file.path, counts(file.tests.size() - failed, failed));
  }
  if (coverage) {
    for (const auto& m : run.coverage) {
      fmt::print("\ncoverage of {}:\n", m.path);
      for (const auto& item : m.items) {
        if (item.fired) continue;
        fmt::print("  not fired: {}:{}: {} \"{}\"\n", item.source.path, item.source.line,
                   item.reject ? "reject" : "rule", item.label);
      }
      fmt::print("  coverage: {}/{} rules and rejects ({:.1f}%)\n", m.fired, m.items.size(), m.percent());
    }
  }
  fmt::print("\n{}\n", counts(run.passed, run.failed));
}

void print_json(const TestRun& run, bool coverage) {
  diagfmt::JsonWriter w(diagfmt::JsonWriter::Layout::Minified);
  w.begin_object().key("files").begin_array();
  for (const auto& file : run.files) {
    w.begin_object().key("path").string(file.path);
    w.key("test_file").boolean(file.test_file).key("loaded").boolean(file.loaded);
    w.key("passed").number(file.tests.size() - file.failed());
    w.key("failed").number(file.failed());
    w.key("tests").begin_array();
    for (const auto& t : file.tests) {
      w.begin_object().key("name").string(t.name).key("line").number(t.source.line);
      w.key("as_of").string(format_date(t.as_of)).key("passed").boolean(t.passed());
      w.key("failures").begin_array();
      for (const auto& f : t.failures) {
        w.begin_object().key("kind").string(kind_name(f.kind)).key("negated").boolean(f.negated);
        w.key("line").number(f.source.line).key("expected").string(f.expected).key("actual").string(f.actual);
        w.end_object();
      }
      w.end_array().key("explanation");
      write_explanation_json(w, t.explanation);
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
  if (coverage) {
    w.key("coverage").begin_array();
    for (const auto& m : run.coverage) {
      w.begin_object().key("path").string(m.path);
      w.key("fired").number(m.fired).key("total").number(m.items.size());
      w.key("percent").decimal(m.percent()).key("not_fired").begin_array();
      for (const auto& item : m.items) {
        if (item.fired) continue;
        w.begin_object().key("kind").string(item.reject ? "reject" : "rule");
        w.key("line").number(item.source.line).key("label").string(item.label).end_object();
      }
      w.end_array().end_object();
    }
    w.end_array();
  }
  w.key("passed").number(run.passed).key("failed").number(run.failed);
  w.end_object();
  fmt::print("{}\n", w.text());
}

std::string missing_message(const std::string& path) {
  return fmt::format("cannot read '{}': no such file or folder", path);
}

// `<testsuite name=... tests=... failures=... errors=... file=...>`, the path as every name: CI
// reporters group by the testsuite and show classname.name for each case.
void open_suite(std::string& out, const std::string& path, std::size_t tests, std::size_t failures,
                std::size_t errors) {
  out += "  <testsuite";
  append_xml_attribute(out, "name", path);
  out += fmt::format(" tests=\"{}\" failures=\"{}\" errors=\"{}\"", tests, failures, errors);
  append_xml_attribute(out, "file", path);
  out += ">\n";
}

// A file whose tests could not run is one testcase named "load" with an <error>: the testsuite then
// counts in the report (a model that does not load must not look like one without tests).
void append_load_error(std::string& out, const std::string& path, std::string_view message,
                       std::string_view details) {
  open_suite(out, path, 1, 0, 1);
  out += "    <testcase name=\"load\"";
  append_xml_attribute(out, "classname", path);
  append_xml_attribute(out, "file", path);
  out += ">\n      <error";
  append_xml_attribute(out, "message", message);
  out += " type=\"load\">";
  append_xml_text(out, details);
  out += "</error>\n    </testcase>\n  </testsuite>\n";
}

// JUnit XML (docs/testing.md): one testsuite per file with tests, one testcase per test that ran,
// a <failure> with the expected/got lines and the lead's breakdown for a failing one.
void print_junit(const TestRun& run, const Session& session) {
  std::string body;
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const auto& missing : run.missing) {
    append_load_error(body, missing, missing_message(missing), missing_message(missing) + "\n");
    ++tests;
    ++errors;
  }
  for (const auto& file : run.files) {
    if (!file.loaded) {
      std::string details;
      const auto& all = session.diagnostics.all();
      for (std::size_t i = file.diagnostics_begin; i < file.diagnostics_end && i < all.size(); ++i) {
        details += render_text(all[i], session.sources);
      }
      append_load_error(body, file.path, "the model has errors", details);
      ++tests;
      ++errors;
      continue;
    }
    if (file.tests.empty()) continue;  // as in the text output: a model without tests counts nothing
    const std::size_t failed = file.failed();
    tests += file.tests.size();
    failures += failed;
    open_suite(body, file.path, file.tests.size(), failed, 0);
    for (const auto& t : file.tests) {
      body += "    <testcase";
      append_xml_attribute(body, "name", t.name);
      append_xml_attribute(body, "classname", file.path);
      append_xml_attribute(body, "file", t.source.path);
      body += fmt::format(" line=\"{}\"", t.source.line);
      if (t.passed()) {
        body += "/>\n";
        continue;
      }
      std::string message, details;
      for (const auto& f : t.failures) {
        std::string line = fmt::format("expected {}, got {}", f.expected, f.actual);
        message += message.empty() ? line : "; " + line;
        details += fmt::format("{}:{}: {}\n", f.source.path, f.source.line, line);
      }
      details += fmt::format("lead as of {}:\n", format_date(t.as_of));
      details += render_explanation_text(t.explanation, file.path, "  ");
      body += ">\n      <failure";
      append_xml_attribute(body, "message", message);
      body += " type=\"expectation\">";
      append_xml_text(body, details);
      body += "</failure>\n    </testcase>\n";
    }
    body += "  </testsuite>\n";
  }
  fmt::print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<testsuites name=\"leadscore test\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}</testsuites>\n",
             tests, failures, errors, body);
}

// --min-coverage: "80", "80%", "72.5" or "72.5%", from 0 to 100.
std::optional<double> parse_percent(std::string_view text) {
  if (text.ends_with('%')) text.remove_suffix(1);
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
  if (text.empty() || ec != std::errc() || ptr != end || !(value >= 0 && value <= 100)) return std::nullopt;
  return value;
}

// Empty when the run's coverage (every rule and reject of every file, together) reaches `bound`;
// else the message. The percentage shown is cut, not rounded, to one decimal, so that 79.96% does
// not read as "80.0% is below 80%".
std::string coverage_shortfall(const TestRun& run, double bound, std::string_view bound_text) {
  if (bound_text.ends_with('%')) bound_text.remove_suffix(1);
  std::size_t fired = 0, total = 0;
  for (const auto& m : run.coverage) {
    fired += m.fired;
    total += m.items.size();
  }
  // Nothing to cover is full coverage, as for one model (ModelCoverage::percent).
  if (total == 0 || static_cast<double>(fired) * 100 >= bound * static_cast<double>(total)) return {};
  double percent = 100.0 * static_cast<double>(fired) / static_cast<double>(total);
  return fmt::format("coverage {:.1f}% ({}/{} rules and rejects) is below --min-coverage {}%",
                     std::floor(percent * 10) / 10, fired, total, bound_text);
}

}  // namespace

int run_test(const TestOptions& options) {
  std::optional<double> min_coverage;
  if (!options.min_coverage.empty()) {
    min_coverage = parse_percent(options.min_coverage);
    if (!min_coverage) {
      print_error(fmt::format("--min-coverage takes a percentage from 0 to 100 (80 or 80%), not '{}'",
                              options.min_coverage));
      return exit_usage;
    }
  }
  TestSelector select;
  if (!options.run.empty()) {
    std::string error;
    auto selector = test_name_selector(options.run, error);
    if (!selector) {
      print_error(fmt::format("--run '{}' is not a valid regular expression: {}", options.run, error));
      return exit_usage;
    }
    select = std::move(*selector);
  }
  const bool coverage = options.coverage || min_coverage.has_value();
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back(".");
  Session session;
  TestRun run = run_tests(session, paths, today(), select);
  for (const auto& missing : run.missing) print_error(missing_message(missing));
  if (run.load_errors) print_diagnostics(session, stderr);
  if (options.format == "json") print_json(run, coverage);
  else if (options.format == "junit") print_junit(run, session);
  else print_text(run, coverage);
  std::fflush(stdout);
  int status = run.failed > 0 || run.load_errors ? exit_problem : exit_ok;
  // A filter that selects nothing is most likely a mistyped name: fail, as a runner that ran no test.
  if (select && run.passed + run.failed == 0) {
    print_error(fmt::format("no test name matches --run '{}' ({} test{} left out)", options.run, run.deselected,
                            run.deselected == 1 ? "" : "s"));
    status = exit_problem;
  }
  if (min_coverage) {
    std::string shortfall = coverage_shortfall(run, *min_coverage, options.min_coverage);
    if (!shortfall.empty()) {
      print_error(shortfall);
      status = exit_problem;
    }
  }
  return run.unreadable ? exit_usage : status;
}

}  // namespace leadscore::cli
