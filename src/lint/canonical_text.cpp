// The public face of the linter's canonical form of an expression, for stages that compare models.
#include "leadscore/lint.hpp"
#include "lint/analysis.hpp"

namespace leadscore {

std::string canonical_text(const ast::Expr& e, const ast::Model& model, const Schema& schema,
                           const SourceManager& sources) {
  Diagnostics unused;  // canonical() reports nothing; the context only needs somewhere to point
  const lint::Context cx{model, schema, sources, unused};
  return lint::canonical(e, cx);
}

}  // namespace leadscore
