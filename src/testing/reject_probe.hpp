// A program that tells which reject clauses hold. The VM stops recording rejects after the first
// (it only needs the reason), but an explanation and test coverage need every clause.
#pragma once

#include "leadscore/ast.hpp"
#include "leadscore/program.hpp"
#include "leadscore/schema.hpp"

namespace leadscore::testing {

// Compiles the reject clauses of `model` (checked) as scoring rules of one implicit group, in
// order: rule k of the result fires exactly when clause k holds. The clauses go through the same
// compiler as the real ones, so they hold for exactly the same records.
Program compile_reject_probe(const ast::Model& model, const Schema& schema);

}  // namespace leadscore::testing
