// The compiler: lowers a checked model to bytecode. Only models the checker accepted come here:
// check_model is the one maker of a CheckedModel.
#pragma once

#include "leadscore/check.hpp"
#include "leadscore/program.hpp"

namespace leadscore {

Program compile_model(const CheckedModel& checked);

}  // namespace leadscore
