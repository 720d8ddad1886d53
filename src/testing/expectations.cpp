// Whether each `expect` line of a test holds for the explained lead, and if not, what was expected
// and what the lead came to, in words the failure report prints as `expected X, got Y`.
#include <cmath>
#include <fmt/format.h>

#include "leadscore/testing.hpp"

namespace leadscore {

namespace {

std::string tier_of(const Explanation& e) {
  if (e.status == RowStatus::Rejected) return "no tier (rejected)";
  if (e.tier.empty()) return "no tier";
  return "tier " + e.tier;
}

// Every rule carrying `label` counts: two rules may share a label, and either firing is "fired".
enum class Fired { Yes, No, NoSuchLabel };

Fired fired(const Explanation& e, const std::string& label) {
  bool known = false;
  for (const auto& r : e.rules) {
    if (r.label != label) continue;
    known = true;
    if (r.fired) return Fired::Yes;
  }
  return known ? Fired::No : Fired::NoSuchLabel;
}

std::string negation(bool negated) { return negated ? "not " : ""; }

}  // namespace

std::optional<ExpectationFailure> check_expectation(const ast::Expectation& x, const Explanation& e,
                                                    const SourceManager& sources) {
  ExpectationFailure f;
  f.kind = x.kind;
  f.negated = x.negated;
  if (x.span.file != 0) {
    const SourceFile& file = sources.file(x.span.file);
    f.source = SourceLine{file.path(), file.line_col(x.span.begin).line};
  }
  // An error record holds no expectation: it has no score, tier or fired rules to compare.
  if (e.status == RowStatus::Error) {
    f.actual = "an error record: " + e.error;
  }
  switch (x.kind) {
    case ast::ExpectationKind::Score:
      f.expected = "score " + format_number(x.score);
      // Within 1e-9: decay factors such as 0.8^2 are not exact in binary, so a score worked out by
      // hand (16) and the VM's (16.000000000000004) differ in the last bits only.
      if (e.status != RowStatus::Error && std::fabs(e.score - x.score) <= score_tolerance) {
        return std::nullopt;
      }
      if (f.actual.empty()) f.actual = format_number(e.score);
      return f;
    case ast::ExpectationKind::Tier:
      f.expected = "tier " + x.text;
      if (e.status == RowStatus::Ok && e.tier == x.text) return std::nullopt;
      if (f.actual.empty()) f.actual = tier_of(e);
      return f;
    case ast::ExpectationKind::Qualified:
      f.expected = negation(x.negated) + "qualified";
      if (e.status != RowStatus::Error && e.qualified != x.negated) return std::nullopt;
      if (f.actual.empty()) {
        f.actual = e.qualified ? "qualified"
                   : e.status == RowStatus::Rejected ? "not qualified (rejected)"
                                                     : "not qualified";
      }
      return f;
    case ast::ExpectationKind::Rejected: {
      f.expected = negation(x.negated) + "rejected";
      bool rejected = e.status == RowStatus::Rejected;
      if (e.status != RowStatus::Error && rejected != x.negated) return std::nullopt;
      if (f.actual.empty()) f.actual = rejected ? fmt::format("rejected (\"{}\")", e.reject_reason) : "not rejected";
      return f;
    }
    case ast::ExpectationKind::Fired: {
      f.expected = fmt::format("{}fired \"{}\"", negation(x.negated), x.text);
      Fired got = fired(e, x.text);
      // A label no rule has fails either way: `expect not fired "Typo"` must not pass silently.
      if (e.status != RowStatus::Error && got != Fired::NoSuchLabel && (got == Fired::Yes) != x.negated) {
        return std::nullopt;
      }
      if (f.actual.empty()) {
        f.actual = got == Fired::Yes ? "fired" : got == Fired::No ? "not fired" : "no rule has this label";
      }
      return f;
    }
  }
  return f;
}

std::vector<TestResult> run_model_tests(const ast::Model& model, const Program& program,
                                        const SourceManager& sources, Day today,
                                        const TestSelector& select) {
  std::vector<TestResult> results;
  if (model.tests.empty()) return results;
  Explainer explainer(program, sources);
  TestLead lead;
  for (const auto& test : model.tests) {
    if (select && !select(test.name)) continue;
    TestResult r;
    r.name = test.name;
    if (test.span.file != 0) {
      const SourceFile& file = sources.file(test.span.file);
      r.source = SourceLine{file.path(), file.line_col(test.span.begin).line};
    }
    r.as_of = test.as_of.value_or(today);
    build_test_lead(test, program.schema, lead);
    r.explanation = explainer.explain(lead.record, r.as_of);
    for (const auto& x : test.expectations) {
      if (auto failure = check_expectation(x, r.explanation, sources)) r.failures.push_back(std::move(*failure));
    }
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace leadscore
