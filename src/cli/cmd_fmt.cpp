#include "cli/commands.hpp"

namespace leadscore::cli {

// Work in progress: replaced by the real command in this session.
int run_fmt(const FmtOptions&) {
  print_error("'fmt' is not implemented yet");
  return exit_usage;
}

}  // namespace leadscore::cli
