// The compiler: lowers a checked model to bytecode. Only models the checker accepted come here.
#pragma once

#include "leadscore/ast.hpp"
#include "leadscore/program.hpp"
#include "leadscore/schema.hpp"

namespace leadscore {

Program compile_model(const ast::Model& model, const Schema& schema);

}  // namespace leadscore
