// `leadscore test [FILE|DIR...] [--coverage] [--format text|json]`: runs the test blocks of every
// model and `_test.score` file found; the library runs them, this prints the results.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "common/json_string.hpp"
#include "leadscore/testing.hpp"

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

void json_string(std::string& out, std::string_view s) { append_json_string(out, s); }

void print_json(const TestRun& run, bool coverage) {
  std::string out = "{\"files\":[";
  bool first_file = true;
  for (const auto& file : run.files) {
    out += first_file ? "{" : ",{";
    first_file = false;
    out += "\"path\":";
    json_string(out, file.path);
    out += fmt::format(",\"test_file\":{},\"loaded\":{}", file.test_file, file.loaded);
    out += fmt::format(",\"passed\":{},\"failed\":{},\"tests\":[", file.tests.size() - file.failed(), file.failed());
    for (std::size_t i = 0; i < file.tests.size(); ++i) {
      const auto& t = file.tests[i];
      out += i ? ",{\"name\":" : "{\"name\":";
      json_string(out, t.name);
      out += fmt::format(",\"line\":{},\"as_of\":\"{}\",\"passed\":{},\"failures\":[", t.source.line,
                         format_date(t.as_of), t.passed());
      for (std::size_t k = 0; k < t.failures.size(); ++k) {
        const auto& f = t.failures[k];
        out += fmt::format("{}{{\"kind\":\"{}\",\"negated\":{},\"line\":{},\"expected\":", k ? "," : "",
                           kind_name(f.kind), f.negated, f.source.line);
        json_string(out, f.expected);
        out += ",\"actual\":";
        json_string(out, f.actual);
        out += '}';
      }
      out += "],\"explanation\":";
      out += render_explanation_json(t.explanation);
      out += '}';
    }
    out += "]}";
  }
  out += "]";
  if (coverage) {
    out += ",\"coverage\":[";
    for (std::size_t i = 0; i < run.coverage.size(); ++i) {
      const auto& m = run.coverage[i];
      out += i ? ",{\"path\":" : "{\"path\":";
      json_string(out, m.path);
      out += fmt::format(",\"fired\":{},\"total\":{},\"percent\":{},\"not_fired\":[", m.fired, m.items.size(),
                         format_number(m.percent()));
      bool first = true;
      for (const auto& item : m.items) {
        if (item.fired) continue;
        out += fmt::format("{}{{\"kind\":\"{}\",\"line\":{},\"label\":", first ? "" : ",",
                           item.reject ? "reject" : "rule", item.source.line);
        first = false;
        json_string(out, item.label);
        out += '}';
      }
      out += "]}";
    }
    out += "]";
  }
  out += fmt::format(",\"passed\":{},\"failed\":{}}}\n", run.passed, run.failed);
  fmt::print("{}", out);
}

}  // namespace

int run_test(const TestOptions& options) {
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back(".");
  Session session;
  TestRun run = run_tests(session, paths, today());
  for (const auto& missing : run.missing) print_error(fmt::format("cannot read '{}': no such file or folder", missing));
  if (run.load_errors) print_diagnostics(session, stderr);
  if (options.format == "json") print_json(run, options.coverage);
  else print_text(run, options.coverage);
  if (run.unreadable) return exit_usage;
  return run.failed > 0 || run.load_errors ? exit_problem : exit_ok;
}

}  // namespace leadscore::cli
