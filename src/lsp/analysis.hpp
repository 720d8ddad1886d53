// One open document checked as `leadscore check --strict` checks the file: the same loading path
// (parse, imports, schema, check, lint, allow comments), with every open document's unsaved text
// standing in for its file. What the editor features need is kept: the session (sources), the
// checked tree, the schema, and how many of the file's own tests fire each rule.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/leadscore.hpp"
#include "leadscore/schema.hpp"

namespace leadscore::lsp {

struct Analysis {
  std::unique_ptr<Session> session;
  bool is_schema = false;
  std::uint32_t file = 0;                   // the document in session->sources; 0 if unread
  LoadedModel loaded;                       // a model document
  std::optional<ast::SchemaFile> schema_ast;  // a schema document, parsed
  const Schema* schema() const { return loaded.schema ? &*loaded.schema : nullptr; }
  std::vector<Diagnostic> diagnostics;      // what `check --strict` reports, allowances applied
  std::set<std::string> dependencies;       // every file read (the schema, imported modules)
  // Per rule of loaded.model.rules: how many of this file's tests fire it (empty when the model
  // has errors and cannot run); `tests` is how many tests ran.
  std::vector<int> fired_by;
  int tests = 0;
  bool tests_run = false;  // run_tests has filled the two above
};

// `path` is the document's path; `open` holds the text of every open document by path.
Analysis analyse(const std::string& path, const std::map<std::string, std::string>& open);

// Runs the model's tests for the code lenses, once per analysis: only when lenses are asked for,
// so that diagnostics after an edit never wait for the tests.
void run_tests(Analysis& a);

}  // namespace leadscore::lsp
