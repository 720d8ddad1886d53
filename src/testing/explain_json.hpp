// One lead's breakdown written into a JSON document of the caller's (`test --format json` nests it
// in each test's result); render_explanation_json (leadscore/explain.hpp) writes it on its own.
#pragma once

#include "diagfmt/json_writer.hpp"
#include "leadscore/explain.hpp"

namespace leadscore {

// One object: the names are listed in docs/testing.md. `decimals` as for render_explanation_json.
void write_explanation_json(diagfmt::JsonWriter& w, const Explanation& e, int decimals = -1);

}  // namespace leadscore
