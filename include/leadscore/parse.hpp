// The parser: source text to the syntax tree. Syntax errors go into the Diagnostics list; the
// parser resynchronises at the next statement and goes on, so one run reports several.
#pragma once

#include <cstdint>

#include "leadscore/ast.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/source.hpp"

namespace leadscore {

ast::Model parse_model(const SourceManager& sources, std::uint32_t file, Diagnostics& diags);
ast::SchemaFile parse_schema(const SourceManager& sources, std::uint32_t file, Diagnostics& diags);

}  // namespace leadscore
