// The checker: validates a schema, and resolves and types a model against it. Errors go into the
// Diagnostics list; every error found is reported, not only the first.
#pragma once

#include "leadscore/ast.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/schema.hpp"

namespace leadscore {

// Validates a parsed schema file (one key, unique names and members, set sizes).
Schema check_schema(const ast::SchemaFile& file, Diagnostics& diags);

// Resolves every name of `model` (fields, lets, members, built-ins) and gives every expression a
// type, in place. The compiler may only be given a model that this left without errors.
void check_model(ast::Model& model, const Schema& schema, Diagnostics& diags);

}  // namespace leadscore
