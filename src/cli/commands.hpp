// The commands of the `leadscore` executable. Each is a thin shell over the library: it parses
// nothing itself, prints what the library returns, and maps it to an exit status (SPEC 5).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "leadscore/leadscore.hpp"

namespace leadscore::cli {

enum Exit : int { exit_ok = 0, exit_problem = 1, exit_usage = 2 };

struct CheckOptions {
  std::vector<std::string> files;
};

struct ScoreOptions {
  std::string model;
  std::string input;
  std::string output = "-";
  std::string format;
  std::string as_of;
  bool explain = false;
};

struct DisasmOptions {
  std::string model;
};

int run_check(const CheckOptions& options);
int run_score(const ScoreOptions& options);
int run_disasm(const DisasmOptions& options);

// Prints every diagnostic of the session as text to `out`; colour only on a terminal.
void print_diagnostics(const Session& session, std::FILE* out);
// The exit status for a model that did not load: 2 if a file could not be read, else 1.
int load_failure_status(const Session& session);
// `leadscore: error: ...` on stderr.
void print_error(const std::string& message);

}  // namespace leadscore::cli
