#include "cli/commands.hpp"

namespace leadscore::cli {

// Work in progress: replaced by the real command in this session.
int run_explain(const ExplainOptions&) {
  print_error("'explain' is not implemented yet");
  return exit_usage;
}

}  // namespace leadscore::cli
