// `leadscore disasm MODEL`: the bytecode of a model (.score) or of a compiled model (.lsc), each
// instruction under the source line it came from. Both give the same text for the same model.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "leadscore/lsc.hpp"

namespace leadscore::cli {

int run_disasm(const DisasmOptions& options) {
  Session session;
  LoadedModel loaded =
      is_lsc_file(options.model) ? load_compiled_model(session, options.model) : load_model(session, options.model);
  if (!loaded.program) {
    print_diagnostics(session, stderr);
    return load_failure_status(session);
  }
  fmt::print("{}", disassemble(*loaded.program, session.sources));
  return exit_ok;
}

}  // namespace leadscore::cli
