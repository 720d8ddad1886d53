// The linter: warnings about models that check but are likely wrong (SPEC 4). Runs on a model the
// checker accepted; adds warnings (W codes in codes.def) to the list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/schema.hpp"
#include "leadscore/source.hpp"

namespace leadscore {

void lint_model(const ast::Model& model, const Schema& schema, const SourceManager& sources,
                Diagnostics& diags);

// Drops warnings allowed by a comment on or above their line (`# leadscore: allow W012`), by a
// file directive (`# leadscore: allow-file W012`), or for the run (`allow`: codes or names).
// Codes and names compare without regard to case; unknown ones allow nothing.
void apply_allowances(Diagnostics& diags, const SourceManager& sources,
                      const std::vector<std::string>& allow);

// The warning a code (`W007`, any case) or short name (`duplicate-condition`) stands for: for
// checking `--allow` values before a run.
std::optional<Code> find_warning(std::string_view code_or_name);

// The canonical text of a condition or expression of a checked model: `let` names replaced by
// their values, parentheses gone, operands of `and`/`or` sorted, `a > 3` as `3 < a`. Two
// conditions with the same text mean the same by their form (`leadscore diff` matches rules by it).
std::string canonical_text(const ast::Expr& e, const ast::Model& model, const Schema& schema,
                           const SourceManager& sources);

}  // namespace leadscore
