// `leadscore check FILE...`: every problem of every file, then exit 1 if any is an error.
#include <fmt/format.h>

#include "cli/commands.hpp"

namespace leadscore::cli {

int run_check(const CheckOptions& options) {
  Session session;
  bool unreadable = false;
  for (const auto& file : options.files) {
    std::size_t before = session.diagnostics.all().size();
    if (file.ends_with(".schema")) {
      load_schema(session, file);
    } else {
      load_model(session, file);
    }
    for (std::size_t i = before; i < session.diagnostics.all().size(); ++i) {
      const auto& d = session.diagnostics.all()[i];
      if (d.span.file == 0 && d.code == code_info(Code::UnreadableFile).code) unreadable = true;
    }
  }
  print_diagnostics(session, stdout);
  std::size_t errors = session.diagnostics.error_count();
  std::size_t warnings = session.diagnostics.all().size() - errors;
  if (errors + warnings > 0) {
    fmt::print("{} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", warnings,
               warnings == 1 ? "" : "s");
  }
  if (unreadable) return exit_usage;
  return errors > 0 ? exit_problem : exit_ok;
}

}  // namespace leadscore::cli
