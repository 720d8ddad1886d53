// `import`: finding modules and merging what they declare into the importing model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/leadscore.hpp"

namespace leadscore::api {

// The folders searched for `std/...` modules: the installed stdlib folder found relative to the
// running executable, the build tree's copy, then each folder of LEADSCORE_PATH.
std::vector<std::string> stdlib_search_path();

// The file an import names, or nullopt. `./x` and `../x` are relative to the importing file;
// `std/NAME` is NAME.score in a stdlib folder; any other `a/b` is a/b.score under a LEADSCORE_PATH
// folder. ".score" is added when the name has no extension.
std::optional<std::string> resolve_import(const std::string& importer, const std::string& name);

// Parses every module `model` imports (recursively, each file once), reports cycles and missing
// modules at the import line, and puts each module's declarations (not its tests) in front of the
// model's own, marked with the import line that brought them in. When the model names no schema,
// the first imported module's schema is used: its path, relative to the model, is returned.
std::optional<std::string> merge_imports(Session& session, ast::Model& model, const std::string& path);

}  // namespace leadscore::api
