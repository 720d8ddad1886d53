// Running a model's `test` blocks (SPEC 3, "Tests") and `leadscore test` over files and folders:
// results are data, with each failing expectation's expected and actual values, the lead's
// breakdown, and which rules and reject clauses no test fired.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/date.hpp"
#include "leadscore/explain.hpp"
#include "leadscore/leadscore.hpp"
#include "leadscore/record.hpp"
#include "leadscore/schema.hpp"

namespace leadscore {

// How far an `expect score` may be from the computed score and still hold.
inline constexpr double score_tolerance = 1e-9;

// The record a test's `lead { }` describes, with the storage its string views point into.
struct TestLead {
  Record record;
  std::deque<std::string> text;  // a deque: views into it stay valid as it grows
};

// Fields left out are missing; `required` is not enforced (a test states exactly the lead it
// scores). Expects a block the checker accepted: values of the wrong type are left missing.
void build_test_lead(const ast::TestBlock& test, const Schema& schema, TestLead& out);

struct ExpectationFailure {
  ast::ExpectationKind kind = ast::ExpectationKind::Score;
  bool negated = false;
  SourceLine source;
  std::string expected;   // e.g. `score 50`, `tier warm`, `not fired "Free email"`
  std::string actual;     // e.g. `45.5`, `no tier (rejected)`, `fired`
};

// Nothing when `x` holds for the explained lead.
std::optional<ExpectationFailure> check_expectation(const ast::Expectation& x, const Explanation& e,
                                                    const SourceManager& sources);

struct TestResult {
  std::string name;
  SourceLine source;
  Day as_of = 0;
  std::vector<ExpectationFailure> failures;  // empty: the test passed
  Explanation explanation;
  bool passed() const { return failures.empty(); }
};

// Which tests run, by name (`leadscore test --run PATTERN`); an empty one runs every test. The
// caller decides how names match (the CLI: an RE2 search), so the library needs no pattern syntax.
using TestSelector = std::function<bool(std::string_view name)>;

// The selector of `leadscore test --run PATTERN`: the names in which the RE2 `pattern` finds a
// match anywhere (a search, as `go test -run` does; anchor with ^ and $). nullopt, with RE2's
// message in `error`, when the pattern is not a valid expression.
std::optional<TestSelector> test_name_selector(const std::string& pattern, std::string& error);

// Runs every test block of `model` (its own, never an imported file's) against `program`, or those
// `select` accepts. `today` is the as-of day of tests without `as of`.
std::vector<TestResult> run_model_tests(const ast::Model& model, const Program& program,
                                        const SourceManager& sources, Day today,
                                        const TestSelector& select = {});

// One rule or reject clause, for coverage.
struct CoverageItem {
  SourceLine source;
  std::string label;      // the rule's label or the clause's reason
  bool reject = false;
  bool fired = false;     // by any test of any file that tests this model
};

// Coverage of the rules and reject clauses written in one file.
struct ModelCoverage {
  std::string path;
  std::vector<CoverageItem> items;  // in source order
  std::size_t fired = 0;
  double percent() const;           // 100 when there is nothing to cover
};

// Collects coverage across every program tested, keyed by where each rule was written, so that a
// model's own tests and its `_test.score` file's tests count together.
class CoverageTracker {
 public:
  // Registers every rule and reject of `program` (once per source location).
  void add_program(const Program& program, const SourceManager& sources);
  // Marks what fired in `e`, which explains a record scored by `program`.
  void record(const Program& program, const SourceManager& sources, const Explanation& e);
  // One entry per file that declares rules or rejects, in the order files were first seen.
  std::vector<ModelCoverage> report() const;

 private:
  struct Entry {
    std::string path;
    std::uint32_t begin = 0, end = 0;
    CoverageItem item;
  };
  std::size_t find_or_add(const Span& span, const SourceManager& sources, const std::string& label,
                          bool reject);
  std::vector<Entry> entries_;
};

struct TestFileResult {
  std::string path;
  bool test_file = false;   // a `_test.score` file
  bool loaded = false;      // false: it has errors (in the session's diagnostics) or is unreadable
  // The session's diagnostics from loading this file: all()[diagnostics_begin, diagnostics_end).
  std::size_t diagnostics_begin = 0, diagnostics_end = 0;
  std::vector<TestResult> tests;  // the tests that ran (with a selector, only those it accepted)
  std::size_t failed() const;
};

struct TestRun {
  std::vector<TestFileResult> files;     // every `.score` file found, sorted within each folder
  std::vector<std::string> missing;      // paths given that do not exist
  std::vector<ModelCoverage> coverage;
  std::size_t passed = 0, failed = 0;
  std::size_t deselected = 0;            // tests the selector left out
  bool load_errors = false;              // a model did not load: see the session's diagnostics
  bool unreadable = false;               // a path or file could not be read
};

// `leadscore test PATH...`: finds `.score` files (folders recursively), loads each, runs its own
// test blocks (those `select` accepts). Files are loaded once each even when named twice; a model's
// tests run once. Coverage counts only the tests that ran.
TestRun run_tests(Session& session, const std::vector<std::string>& paths, Day today,
                  const TestSelector& select = {});

}  // namespace leadscore
