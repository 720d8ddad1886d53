// `leadscore compile MODEL [-o MODEL.lsc]`: checks and compiles a model and writes it as a .lsc that
// score, explain and disasm run without the source (docs/lsc.md). Written whole or not at all.
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "leadscore/lsc.hpp"

namespace leadscore::cli {

int run_compile(const CompileOptions& options) {
  if (is_lsc_file(options.model)) {
    print_error(fmt::format("'{}' is already a compiled model; compile its .score source", options.model));
    return exit_usage;
  }
  Session session;
  LoadedModel loaded = load_model(session, options.model);
  if (!loaded.program) {
    print_diagnostics(session, stderr);
    return load_failure_status(session);
  }
  std::string output = options.output;
  if (output.empty()) output = std::filesystem::path(options.model).replace_extension(".lsc").string();
  std::uint32_t model_file = loaded.model.schema_span.file;
  std::string model_path = model_file != 0 ? session.sources.file(model_file).path() : options.model;
  std::string bytes = write_lsc(*loaded.program, session.sources, loaded.model.schema_path.value_or(""), model_path);
  std::string error;
  if (!write_whole(output, bytes, error)) {
    print_error(error);
    return exit_usage;
  }
  return exit_ok;
}

}  // namespace leadscore::cli
