#include <fmt/format.h>

#include "cli/commands.hpp"

namespace leadscore::cli {

int run_disasm(const DisasmOptions& options) {
  Session session;
  LoadedModel loaded = load_model(session, options.model);
  if (!loaded.program) {
    print_diagnostics(session, stderr);
    return load_failure_status(session);
  }
  fmt::print("{}", disassemble(*loaded.program));
  return exit_ok;
}

}  // namespace leadscore::cli
