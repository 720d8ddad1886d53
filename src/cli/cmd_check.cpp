// `leadscore check FILE_OR_DIR...`: every problem of every file (a folder: the models and schemas
// under it), in the format asked for, then the exit status: 2 if a file could not be read, 1 for
// an error (or a warning under --strict), else 0.
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "leadscore/diagnostic_format.hpp"
#include "leadscore/lint.hpp"

namespace leadscore::cli {

int run_check(const CheckOptions& options) {
  Session session;
  for (const auto& file : expand_folders(options.files)) {
    if (file.ends_with(".schema")) {
      load_schema(session, file);
    } else {
      load_model(session, file, ModuleMode::Accept, LintMode::Run);  // a module of lets alone is fine here
    }
  }
  apply_allowances(session.diagnostics, session.sources, options.allow);
  const auto& diags = session.diagnostics.all();
  DiagnosticCounts counts = count_diagnostics(diags);
  // main() only lets the format names through.
  DiagnosticFormat format = parse_diagnostic_format(options.format).value_or(DiagnosticFormat::Text);
  if (format == DiagnosticFormat::Text) {
    // For people: a problem without a file goes to stderr like any other command's failure.
    print_diagnostics(session, stdout);
    fmt::print("{}", format_summary(counts));
  } else {
    // For tools: everything on stdout, in one document.
    fmt::print("{}", format_diagnostics(format, diags, session.sources, false, options.strict));
  }
  std::fflush(stdout);
  return check_exit_status(counts, options.strict);
}

}  // namespace leadscore::cli
