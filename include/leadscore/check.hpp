// The checker: validates a schema, and resolves and types a model against it. Errors go into the
// Diagnostics list; every error found is reported, not only the first.
#pragma once

#include <optional>

#include "leadscore/ast.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/schema.hpp"

namespace leadscore {

// Validates a parsed schema file (one key, unique names and members, set sizes).
Schema check_schema(const ast::SchemaFile& file, Diagnostics& diags);

class CheckedModel;

// Resolves every name of `model` (fields, lets, members, built-ins) and gives every expression a
// type, in place. Returns the checked model, or nullopt when it found errors (they are in `diags`).
std::optional<CheckedModel> check_model(ast::Model& model, const Schema& schema, Diagnostics& diags);

// A model the checker accepted against a schema: every name resolved, every expression typed. Only
// check_model makes one, so the compiler (which takes one) is never given a model it did not check.
// It refers to the model and the schema it was checked with: they must outlive it, unchanged.
class CheckedModel {
 public:
  const ast::Model& model() const { return *model_; }
  const Schema& schema() const { return *schema_; }

 private:
  friend std::optional<CheckedModel> check_model(ast::Model& model, const Schema& schema, Diagnostics& diags);
  CheckedModel(const ast::Model& model, const Schema& schema) : model_(&model), schema_(&schema) {}
  const ast::Model* model_;
  const Schema* schema_;
};

}  // namespace leadscore
