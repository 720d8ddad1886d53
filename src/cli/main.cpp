// `leadscore`: parses the command line and hands over to one command.
#include <fmt/format.h>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace leadscore::cli;
  CLI::App app{"leadscore: compile lead-scoring models and score CRM records with them", "leadscore"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", "leadscore 0.1.0");

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Parse, type-check and lint models and schemas");
  check_cmd->add_option("files", check.files, "Model (.score) and schema (.schema) files")->required();

  ScoreOptions score;
  auto* score_cmd = app.add_subcommand("score", "Score lead records with a model");
  score_cmd->add_option("model", score.model, "The model (.score)")->required();
  score_cmd->add_option("-i,--input", score.input, "Leads, CSV or JSON lines; '-' for stdin")->required();
  score_cmd->add_option("-o,--output", score.output, "Where to write the scores; '-' for stdout (default)");
  score_cmd->add_option("--format", score.format, "csv or jsonl, for input and output (default: by extension, else csv)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  score_cmd->add_option("--as-of", score.as_of, "The day relative dates count from (YYYY-MM-DD; default today)");
  score_cmd->add_flag("--explain", score.explain, "Add a 'fired' column with the labels of the rules that fired");

  DisasmOptions disasm;
  auto* disasm_cmd = app.add_subcommand("disasm", "Print a model's bytecode");
  disasm_cmd->add_option("model", disasm.model, "The model (.score)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    fmt::print("{}", app.help());
    return exit_ok;
  } catch (const CLI::CallForAllHelp&) {
    fmt::print("{}", app.help("", CLI::AppFormatMode::All));
    return exit_ok;
  } catch (const CLI::CallForVersion&) {
    fmt::print("leadscore 0.1.0\n");
    return exit_ok;
  } catch (const CLI::ParseError& e) {
    // A subcommand's --help arrives here too.
    if (e.get_name() == "CallForHelp") {
      for (auto* sub : app.get_subcommands()) fmt::print("{}", sub->help());
      return exit_ok;
    }
    print_error(fmt::format("{} (see 'leadscore --help')", e.what()));
    return exit_usage;
  }
  try {
    if (*check_cmd) return run_check(check);
    if (*score_cmd) return run_score(score);
    if (*disasm_cmd) return run_disasm(disasm);
    print_error("a command is required: check, score or disasm (see 'leadscore --help')");
    return exit_usage;
  } catch (const std::exception& e) {
    print_error(fmt::format("internal error: {}", e.what()));
    return exit_usage;
  }
  return exit_usage;
}
