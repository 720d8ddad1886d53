#include "cli/commands.hpp"

namespace leadscore::cli {

// Work in progress: replaced by the real command in this session.
int run_test(const TestOptions&) {
  print_error("'test' is not implemented yet");
  return exit_usage;
}

}  // namespace leadscore::cli
