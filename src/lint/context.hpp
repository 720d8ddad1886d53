// What every lint check sees, and the checks lint_model runs. Each check is one file and reports
// its own warnings; none of them changes the model.
#pragma once

#include "leadscore/ast.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/schema.hpp"
#include "leadscore/source.hpp"

namespace leadscore::lint {

struct Context {
  const ast::Model& model;
  const Schema& schema;
  const SourceManager& sources;
  Diagnostics& diags;

  // 1-based line of a span's start, for notes that point at another line.
  std::uint32_t line_of(Span s) const { return sources.file(s.file).line_col(s.begin).line; }
  // The source text of a span (labels, thresholds in notes).
  std::string_view text_of(Span s) const {
    return std::string_view(sources.file(s.file).text()).substr(s.begin, s.end - s.begin);
  }
};

void check_score_range(const Context& cx);   // unreachable-qualify, unreachable-tier, cap-below-rule
void check_conditions(const Context& cx);    // rule-never-fires, rule-always-fires, constant-condition
void check_duplicates(const Context& cx);    // duplicate-condition
void check_style(const Context& cx);         // no-negative-scoring, uniform-behaviour-points, decay-on-optional-field
void check_unused(const Context& cx);        // unused-let, unused-import

}  // namespace leadscore::lint
