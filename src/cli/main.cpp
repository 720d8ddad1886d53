// `leadscore`: parses the command line and hands over to one command.
#include <charconv>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/error_limit.hpp"
#include "io/output_file.hpp"
#include "leadscore/version.hpp"

int main(int argc, char** argv) {
  using namespace leadscore::cli;
  // Before anything is written: an interrupted run must not leave a half-written -o file.
  leadscore::io::clean_up_output_files_on_signals();
  CLI::App app{"leadscore: compile lead-scoring models and score CRM records with them", "leadscore"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", std::string("leadscore ") + std::string(leadscore::tool_version));

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Parse, type-check and lint models and schemas");
  check_cmd->add_option("files", check.files, "Model (.score) and schema (.schema) files, or folders of them")->required();
  check_cmd->add_option("--format", check.format, "text (default), json, sarif, github or junit")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit"}));
  check_cmd->add_flag("--strict", check.strict, "Fail (exit 1) on warnings too");
  check_cmd->add_option("--allow", check.allow, "Allow a warning for this run (code or name, e.g. W012)");

  FmtOptions fmt_opts;
  auto* fmt_cmd = app.add_subcommand("fmt", "Print models and schemas in the canonical layout");
  fmt_cmd->add_option("files", fmt_opts.files, "Model (.score) and schema (.schema) files")->required();
  fmt_cmd->add_flag("-w,--write", fmt_opts.write, "Rewrite the files in place");
  fmt_cmd->add_flag("--check", fmt_opts.check, "Print a diff of what would change; exit 1 if anything would");

  TestOptions test;
  auto* test_cmd = app.add_subcommand("test", "Run the test blocks of models and _test.score files");
  test_cmd->add_option("paths", test.paths, "Files or folders (default: the current folder)");
  test_cmd->add_flag("--coverage", test.coverage, "Report the rules and rejects no test fired");
  test_cmd->add_option("--format", test.format, "text (default), json or junit")
      ->check(CLI::IsMember({"text", "json", "junit"}));
  test_cmd->add_option("--min-coverage", test.min_coverage,
                       "Fail (exit 1) when fewer than P% of all rules and rejects fired (implies --coverage)");
  test_cmd->add_option("--run", test.run, "Run only the tests whose name an RE2 regex PATTERN matches (a search)");

  // --round N: a whole number of decimals; "1.5" or "two" would read as "not in range 0 to 15".
  const CLI::Validator decimals_option(
      [](const std::string& text) {
        int n = -1;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        return ec == std::errc() && end == text.data() + text.size() && n >= 0 && n <= 15
                   ? std::string()
                   : "'" + text + "' is not a number of decimals from 0 to 15";
      },
      "0-15");

  // --delimiter: the lead file's cell separator (leadscore::parse_delimiter); without it, detected
  // from the header. Outcome files are always detected: they have a few plain column names.
  const CLI::Validator delimiter_option(
      [](const std::string& text) {
        char sep = 0;
        return leadscore::parse_delimiter(text, sep)
                   ? std::string()
                   : "'" + text + "' is not a delimiter: give ',' (or comma), ';' (or semicolon) or tab";
      },
      ",|;|tab");
  const std::string delimiter_help =
      "The CSV input's cell separator: ',' (comma), ';' (semicolon) or tab (default: from the header: ';' if it has "
      "no comma but a ';', tab if it has neither but a tab, else ',')";

  // The record formats' names and help, from record_formats.def.
  const std::vector<std::string> format_names = record_format_names();
  const std::string leads_help = "Leads, " + record_format_choice(true);
  const std::string input_format_help =
      record_format_choice(false) + " (default: by extension; on stdin, " + first_byte_choice() + ")";
  // --input-format and --delimiter, as every command that reads leads has them.
  const auto add_leads_format_options = [&](CLI::App* cmd, std::string& input_format, std::string& delimiter) {
    cmd->add_option("--input-format", input_format, input_format_help)->check(CLI::IsMember(format_names));
    cmd->add_option("--delimiter", delimiter, delimiter_help)->check(delimiter_option);
  };

  ExplainOptions explain;
  auto* explain_cmd = app.add_subcommand("explain", "Show one lead's breakdown: every rule, group and reject");
  explain_cmd->add_option("model", explain.model, "The model (.score or compiled .lsc)")->required();
  explain_cmd->add_option("-i,--input", explain.input, leads_help + "; '-' for stdin")->required();
  explain_cmd->add_option("--id", explain.id, "The key of the lead to explain")->required();
  explain_cmd->add_option("--format", explain.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  add_leads_format_options(explain_cmd, explain.input_format, explain.delimiter);
  explain_cmd->add_option("--as-of", explain.as_of, "The day relative dates count from (YYYY-MM-DD; default today)");
  explain_cmd->add_flag("--quiet-columns", explain.quiet_columns, "No warning line for the input columns the schema does not have");
  explain_cmd->add_option("--threads", explain.threads, "Threads reading the leads (default: all cores; 1: one)")
      ->check(CLI::Range(1, 1024));
  explain_cmd->add_option("--round", explain.round, "Show the lead's points, group figures and score rounded to N decimals (0-15)")
      ->check(decimals_option);

  ScoreOptions score;
  auto* score_cmd = app.add_subcommand("score", "Score lead records with a model");
  score_cmd->add_option("model", score.model, "The model (.score or compiled .lsc)")->required();
  score_cmd->add_option("-i,--input", score.input, leads_help + "; '-' for stdin")->required();
  score_cmd->add_option("-o,--output", score.output, "Where to write the scores; '-' for stdout (default)");
  score_cmd->add_option("--format", score.format, "The output: " + record_format_choice(false) + " (default: by -o's extension, else the input's format)")
      ->check(CLI::IsMember(format_names));
  score_cmd->add_option("--as-of", score.as_of, "The day relative dates count from (YYYY-MM-DD; default today)");
  score_cmd->add_flag("--quiet-columns", score.quiet_columns, "No warning line for the input columns the schema does not have");
  score_cmd->add_flag("--explain", score.explain, "Add a 'fired' column with the labels of the rules that fired");
  add_leads_format_options(score_cmd, score.input_format, score.delimiter);
  score_cmd->add_flag("-q,--quiet", score.quiet, "No summary line on stderr");
  score_cmd->add_option("--threads", score.threads, "Threads reading and scoring (default: all cores; 1: one)")
      ->check(CLI::Range(1, 1024));
  score_cmd->add_option("--round", score.round, "Write scores and group totals rounded to N decimals (0-15); tiers and qualification use the exact score")
      ->check(decimals_option);
  score_cmd->add_option("--max-errors", score.max_errors, "Exit 1 when more records than N, or than P% of them, are errors")
      ->check(CLI::Validator(
          [](const std::string& text) {
            return parse_error_limit(text) ? std::string() : "'" + text + "' is not a count (10) or a percentage (2.5%)";
          },
          "N|P%"));

  DisasmOptions disasm;
  auto* disasm_cmd = app.add_subcommand("disasm", "Print a model's bytecode");
  disasm_cmd->add_option("model", disasm.model, "The model (.score or compiled .lsc)")->required();

  CompileOptions compile;
  auto* compile_cmd = app.add_subcommand("compile", "Compile a model to a .lsc file that score, explain and disasm run");
  compile_cmd->add_option("model", compile.model, "The model (.score)")->required();
  compile_cmd->add_option("-o,--output", compile.output, "The compiled file (default: the model's name with .lsc)");

  BacktestOptions backtest;
  auto* backtest_cmd = app.add_subcommand("backtest", "Judge a model against sales outcomes: AUC, tiers, thresholds, rules");
  backtest_cmd->add_option("model", backtest.model, "The model (.score)")->required();
  backtest_cmd->add_option("-i,--input", backtest.input, leads_help + "; '-' for stdin")->required();
  backtest_cmd->add_option("--outcomes", backtest.outcomes, "What became of each lead: key, converted[, closed_at, deal_value]")->required();
  add_leads_format_options(backtest_cmd, backtest.input_format, backtest.delimiter);
  backtest_cmd->add_option("--outcomes-format", backtest.outcomes_format, input_format_help)
      ->check(CLI::IsMember(format_names));
  backtest_cmd->add_option("--as-of", backtest.as_of, "The day relative dates count from (YYYY-MM-DD; default today)");
  backtest_cmd->add_flag("--quiet-columns", backtest.quiet_columns, "No warning line for the input columns the schema does not have");
  backtest_cmd->add_option("--by", backtest.by, "Also break the figures down by this field's values (e.g. source)");
  backtest_cmd->add_option("--format", backtest.format, "text (default), json or html")
      ->check(CLI::IsMember({"text", "json", "html"}));
  backtest_cmd->add_option("-o,--output", backtest.output, "Where to write the report; '-' for stdout (default)");
  backtest_cmd->add_option("--threads", backtest.threads, "Threads reading and scoring the leads (default: all cores; 1: one)")
      ->check(CLI::Range(1, 1024));

  TuneCommandOptions tune;
  auto* tune_cmd = app.add_subcommand("tune", "Fit a model's numbers to sales outcomes (new points, caps, decay, thresholds)");
  tune_cmd->add_option("model", tune.model, "The model (.score)")->required();
  tune_cmd->add_option("-i,--input", tune.input, leads_help + " (a file: it is read more than once)")->required();
  tune_cmd->add_option("--outcomes", tune.outcomes, "What became of each lead: key, converted[, closed_at, deal_value]")->required();
  add_leads_format_options(tune_cmd, tune.input_format, tune.delimiter);
  tune_cmd->add_option("--holdout", tune.holdout, "Share of leads held out for judging, by key (default 30%)");
  tune_cmd->add_option("--seed", tune.seed, "Seed of the holdout draw (default 1)");
  tune_cmd->add_option("--target", tune.target, "precision=P or qualified=Q% for `qualify at` (default: keep the share qualified)");
  tune_cmd->add_option("-o,--output", tune.output, "Write the tuned model to this file");
  tune_cmd->add_flag("-w,--write", tune.write, "Rewrite the model in place");
  tune_cmd->add_flag("--suggest-rules", tune.suggest_rules, "Also add rules on conditions the model does not test, with their evidence");
  tune_cmd->add_option("--as-of", tune.as_of, "The day relative dates count from (YYYY-MM-DD; default today)");
  tune_cmd->add_flag("--quiet-columns", tune.quiet_columns, "No warning line for the input columns the schema does not have");
  tune_cmd->add_option("--format", tune.format, "The report: text (default) or json")->check(CLI::IsMember({"text", "json"}));

  DiffOptions diff;
  auto* diff_cmd = app.add_subcommand("diff", "Compare two models: their changes, and what they do to real leads");
  diff_cmd->add_option("old", diff.old_model, "The model before the change (.score)")->required();
  diff_cmd->add_option("new", diff.new_model, "The model after the change (.score)")->required();
  diff_cmd->add_option("-i,--input", diff.input, leads_help + "; '-' for stdin")->required();
  add_leads_format_options(diff_cmd, diff.input_format, diff.delimiter);
  diff_cmd->add_option("--outcomes", diff.outcomes, "What became of each lead, to backtest both models");
  diff_cmd->add_option("--as-of", diff.as_of, "The day relative dates count from (YYYY-MM-DD; default today)");
  diff_cmd->add_flag("--quiet-columns", diff.quiet_columns, "No warning line for the input columns the schema does not have");
  diff_cmd->add_option("--format", diff.format, "text (default), json, github (Markdown for a pull request) or html")
      ->check(CLI::IsMember({"text", "json", "github", "html"}));
  diff_cmd->add_option("--fail-on", diff.fail_on, "Exit 1 when one holds: qualified-change>5%, tier-change>10%, auc-drop>0.01");
  diff_cmd->add_option("--top", diff.top, "How many of the leads that moved most to list (default 10; 0: all)");
  diff_cmd->add_option("-o,--output", diff.output, "Write the report here instead of standard output");

  SchemaInferOptions schema_infer;
  auto* schema_cmd = app.add_subcommand("schema", "Work with schemas: `schema infer` writes one from a CRM export");
  schema_cmd->require_subcommand(1);
  auto* infer_cmd = schema_cmd->add_subcommand("infer", "Write a schema from a CSV or JSON-lines sample");
  infer_cmd->add_option("file", schema_infer.input, "The export, " + record_format_choice(true) + "; '-' for stdin")->required();
  add_leads_format_options(infer_cmd, schema_infer.input_format, schema_infer.delimiter);
  infer_cmd->add_option("--rows", schema_infer.rows, "Read only the first N records (default: all)");
  infer_cmd->add_option("--key", schema_infer.key, "The key column (its header or field name)");
  infer_cmd->add_option("-o,--output", schema_infer.output, "Write the schema here instead of standard output");

  auto* lsp_cmd = app.add_subcommand("lsp", "Run the language server for editors (LSP over stdin and stdout)");

  SqlCommandOptions sql_opts;
  auto* sql_cmd = app.add_subcommand("sql", "Print one SQL query that scores a table of leads inside a database");
  sql_cmd->add_option("model", sql_opts.model, "The model (.score)")->required();
  sql_cmd->add_option("--dialect", sql_opts.dialect, "sqlite (default), postgres, duckdb or clickhouse")
      ->check(CLI::IsMember({"sqlite", "postgres", "duckdb", "clickhouse"}));
  sql_cmd->add_option("--table", sql_opts.table, "The table of leads, its columns named as the schema's fields (default leads)");
  sql_cmd->add_option("--as-of", sql_opts.as_of, "The day relative dates count from (YYYY-MM-DD; default the database's current date)");
  sql_cmd->add_flag("--explain", sql_opts.explain, "Add a 'fired' column with the labels of the rules that fired");
  sql_cmd->add_flag("--order", sql_opts.order, "Order the rows by the key");
  sql_cmd->add_flag("--ddl", sql_opts.ddl, "Print the CREATE TABLE for the model's schema instead");
  sql_cmd->add_option("--cluster", sql_opts.cluster, "With --ddl for clickhouse: also a Distributed table over this cluster");
  sql_cmd->add_option("-o,--output", sql_opts.output, "Write the query here instead of standard output");

  std::string help_topic;
  auto* help_cmd = app.add_subcommand("help", "Show the help of leadscore or of one command");
  help_cmd->add_option("command", help_topic, "The command to explain");
  // The first word that is not an option names the command: say so when there is no such command.
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] == '-') continue;
    if (int status = exit_ok; is_unknown_command(app, argv[i], status)) return status;
    break;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    fmt::print("{}", app.help());
    return exit_ok;
  } catch (const CLI::CallForAllHelp&) {
    fmt::print("{}", app.help("", CLI::AppFormatMode::All));
    return exit_ok;
  } catch (const CLI::CallForVersion&) {
    fmt::print("leadscore {}\n", leadscore::tool_version);
    return exit_ok;
  } catch (const CLI::ParseError& e) {
    // A subcommand's --help arrives here too.
    if (e.get_name() == "CallForHelp") {
      for (auto* sub : app.get_subcommands()) fmt::print("{}", sub->help("leadscore"));
      return exit_ok;
    }
    print_error(fmt::format("{} (see 'leadscore --help')", e.what()));
    return exit_usage;
  }
  try {
    if (*check_cmd) return run_check(check);
    if (*score_cmd) return run_score(score);
    if (*disasm_cmd) return run_disasm(disasm);
    if (*compile_cmd) return run_compile(compile);
    if (*diff_cmd) return run_diff(diff);
    if (*fmt_cmd) return run_fmt(fmt_opts);
    if (*test_cmd) return run_test(test);
    if (*explain_cmd) return run_explain(explain);
    if (*backtest_cmd) return run_backtest(backtest);
    if (*tune_cmd) return run_tune(tune);
    if (*infer_cmd) return run_schema_infer(schema_infer);
    if (*lsp_cmd) return run_lsp();
    if (*sql_cmd) return run_sql(sql_opts);
    if (*help_cmd) return run_help(app, help_topic);
    print_error(fmt::format("a command is required: {} (see 'leadscore help')", command_list(app)));
    return exit_usage;
  } catch (const std::exception& e) {
    print_error(fmt::format("internal error: {}", e.what()));
    return exit_usage;
  }
  return exit_usage;
}
