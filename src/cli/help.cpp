// `leadscore help [COMMAND]`, and what an unknown command gets: its name, a did-you-mean and the
// list of commands, all taken from the parser so that a new command shows up by itself.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "common/suggest.hpp"

namespace leadscore::cli {

namespace {

std::vector<CLI::App*> all_commands(CLI::App& app) {
  return app.get_subcommands([](CLI::App*) { return true; });
}

}  // namespace

std::string command_list(CLI::App& app) {
  std::vector<std::string> names;
  for (CLI::App* sub : all_commands(app)) names.push_back(sub->get_name());
  std::sort(names.begin(), names.end());
  return fmt::format("{}", fmt::join(names, ", "));
}

bool is_unknown_command(CLI::App& app, std::string_view name, int& status) {
  std::vector<std::string_view> names;
  for (CLI::App* sub : all_commands(app)) {
    if (sub->get_name() == name) return false;
    names.push_back(sub->get_name());
  }
  std::string hint;
  std::string near = closest(name, names);
  if (!near.empty()) hint = fmt::format("; did you mean '{}'?", near);
  print_error(fmt::format("unknown command '{}'{} The commands are: {} (see 'leadscore help COMMAND')", name,
                          hint.empty() ? "." : hint, command_list(app)));
  status = exit_usage;
  return true;
}

int run_help(CLI::App& app, const std::string& command) {
  if (command.empty()) {
    fmt::print("{}", app.help());
    return exit_ok;
  }
  int status = exit_ok;
  if (is_unknown_command(app, command, status)) return status;
  fmt::print("{}", app.get_subcommand(command)->help("leadscore"));
  return exit_ok;
}

}  // namespace leadscore::cli
