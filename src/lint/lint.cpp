// lint_model: every check, in the order of docs/diagnostics.md. The checks read a model the checker
// accepted (names resolved, types known), so they never meet an unresolved name.
#include "leadscore/lint.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

#include "lint/context.hpp"

namespace leadscore {

void lint_model(const ast::Model& model, const Schema& schema, const SourceManager& sources,
                Diagnostics& diags) {
  // The checks report into a list of their own, so that warnings come out in source order
  // whichever check found them.
  Diagnostics found;
  const lint::Context cx{model, schema, sources, found};
  lint::check_score_range(cx);
  lint::check_conditions(cx);
  lint::check_duplicates(cx);
  lint::check_style(cx);
  lint::check_unused(cx);
  std::vector<Diagnostic> list = found.all();
  std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.file, a.span.begin) < std::tie(b.span.file, b.span.begin);
  });
  for (auto& d : list) diags.report(std::move(d));
}

}  // namespace leadscore
