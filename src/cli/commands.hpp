// The commands of the `leadscore` executable. Each is a thin shell over the library: it parses
// nothing itself, prints what the library returns, and maps it to an exit status (SPEC 5).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "leadscore/leadscore.hpp"
#include "leadscore/review.hpp"

namespace leadscore::cli {

enum Exit : int { exit_ok = 0, exit_problem = 1, exit_usage = 2 };

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";      // text, json, sarif, github, junit
  bool strict = false;              // warnings fail too
  std::vector<std::string> allow;   // warning codes or names allowed for this run
};

struct FmtOptions {
  std::vector<std::string> files;
  bool write = false;   // -w: rewrite the files
  bool check = false;   // --check: print a diff, exit 1 on a difference
};

struct TestOptions {
  std::vector<std::string> paths;   // files or folders; default: the current folder
  bool coverage = false;
  std::string format = "text";      // text, json, junit
  std::string min_coverage;         // --min-coverage P: "80" or "80%"; empty: no bound
  std::string run;                  // --run PATTERN: an RE2 search in test names; empty: every test
};

struct ExplainOptions {
  std::string model;
  std::string input;
  std::string id;
  std::string format = "text";      // text, json
  std::string input_format;         // csv, jsonl; default by extension
  std::string delimiter;            // --delimiter: the CSV cells' separator; empty: detected
  std::string as_of;
  unsigned threads = 0;             // --threads; 0: all cores
  int round = -1;                   // --round N: the lead's figures to N decimals; -1: as computed
  bool quiet_columns = false;       // --quiet-columns: no line for the columns the schema lacks
};

struct ScoreOptions {
  std::string model;
  std::string input;
  std::string output = "-";
  std::string format;
  std::string as_of;
  bool explain = false;
  std::string input_format;         // csv, jsonl: overrides --format for the input
  std::string delimiter;            // --delimiter: the CSV cells' separator; empty: detected
  bool quiet = false;               // no summary line on stderr
  bool quiet_columns = false;       // --quiet-columns: no line for the columns the schema lacks
  std::string max_errors;           // "N" or "P%": exit 1 above it; empty: no limit
  unsigned threads = 0;             // --threads; 0: all cores
  int round = -1;                   // --round N: scores and group totals to N decimals; -1: as computed
};

struct DisasmOptions {
  std::string model;
};

struct CompileOptions {
  std::string model;
  std::string output;               // -o; default: the model's path with the extension .lsc
};

struct BacktestOptions {
  std::string model;
  std::string input;
  std::string input_format;         // csv, jsonl; default by extension
  std::string delimiter;            // --delimiter: the CSV cells' separator; empty: detected
  std::string outcomes;
  std::string outcomes_format;      // csv, jsonl; default by extension
  std::string as_of;
  std::string by;                   // --by FIELD
  bool quiet_columns = false;       // --quiet-columns: no line for the columns the schema lacks
  std::string format = "text";      // text, json, html
  std::string output = "-";
  unsigned threads = 0;             // --threads; 0: all cores
};

struct TuneCommandOptions {
  std::string model;
  std::string input;
  std::string input_format;         // csv, jsonl; default by extension
  std::string delimiter;            // --delimiter: the CSV cells' separator; empty: detected
  std::string outcomes;
  std::string holdout = "30%";      // share held out for judging: "30%" or "0.3"
  std::uint64_t seed = 1;
  std::string target;               // "precision=0.3" or "qualified=5%"; empty: keep the share qualified
  std::string output;               // -o: write the tuned model here
  bool write = false;               // -w: rewrite the model in place
  bool suggest_rules = false;
  bool quiet_columns = false;       // --quiet-columns: no line for the columns the schema lacks
  std::string as_of;
  std::string format = "text";      // the report: text, json
};

struct DiffOptions {
  std::string old_model, new_model;
  std::string input;
  std::string input_format;         // csv, jsonl; default by extension
  std::string delimiter;            // --delimiter: the CSV cells' separator; empty: detected
  std::string outcomes;             // optional: backtest both models
  std::string as_of;
  std::string format = "text";      // text, json, github, html
  std::string fail_on;              // e.g. "qualified-change>5%,auc-drop>0.01"
  std::size_t top = 10;             // movers listed; 0: every lead that moved
  bool quiet_columns = false;       // --quiet-columns: no line for the columns the schema lacks
  std::string output = "-";
};

struct SqlCommandOptions {
  std::string model;
  std::string dialect = "sqlite";   // sqlite, postgres, duckdb, clickhouse
  std::string table = "leads";
  std::string as_of;                // empty: the database's current date
  bool explain = false;
  bool order = false;
  bool ddl = false;                 // the CREATE TABLE instead of the query
  std::string cluster;              // clickhouse --ddl: a Distributed table over this cluster
  std::string output = "-";
};

struct SchemaInferOptions {
  std::string input;
  std::string input_format;         // csv, jsonl; default by extension
  std::string delimiter;            // --delimiter: the CSV cells' separator; empty: detected
  std::uint64_t rows = 0;           // --rows: records read; 0: all
  std::string key;                  // --key COLUMN
  std::string output = "-";
};

int run_check(const CheckOptions& options);
int run_schema_infer(const SchemaInferOptions& options);
int run_sql(const SqlCommandOptions& options);
int run_score(const ScoreOptions& options);
int run_disasm(const DisasmOptions& options);
int run_compile(const CompileOptions& options);
int run_diff(const DiffOptions& options);
int run_fmt(const FmtOptions& options);
int run_test(const TestOptions& options);
int run_explain(const ExplainOptions& options);
int run_backtest(const BacktestOptions& options);
int run_tune(const TuneCommandOptions& options);
// `leadscore lsp`: the language server on stdin/stdout (cmd_lsp.cpp).
int run_lsp();

// Prints every diagnostic of the session as text to `out`; colour only on a terminal.
void print_diagnostics(const Session& session, std::FILE* out);
// The exit status for a model that did not load: 2 if a file could not be read, else 1.
int load_failure_status(const Session& session);
// The run's day: --as-of when given, else today. Prints the error and returns nullopt when the
// option is not a date.
std::optional<Day> as_of_option(const std::string& text);
// Loads a model a command runs. When it does not load, prints its diagnostics and sets `status`.
std::optional<Program> load_runnable_model(Session& session, const std::string& path, int& status);
// A file a command opened itself; standard input and output are never closed.
struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f && f != stdin && f != stdout) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;
// Opens `path` for reading, '-' being standard input; null with errno set when it cannot.
File open_input(const std::string& path);
// The paths named, with each folder replaced by the models and schemas under it (fmt, check).
std::vector<std::string> expand_folders(const std::vector<std::string>& paths);
// The record formats' command-line names ("csv", "jsonl"), for the options' validators.
std::vector<std::string> record_format_names();
// The formats for help text: "csv or jsonl", or with `titles` "CSV or JSON lines".
std::string record_format_choice(bool titles);
// How standard input's format is told for help text: "JSON lines when it starts with '{'".
std::string first_byte_choice();
// The format of a --format/--input-format value (already checked against record_format_names()).
RecordFormat named_record_format(const std::string& name);
// What standard input holds, from its first byte (put back): JSON lines when it is `{`, else CSV.
RecordFormat standard_input_format();
// The record format of the leads in `path`: `forced` ("csv" or "jsonl") when given, for standard
// input standard_input_format(), else by the file's extension. Prints the error and returns
// nullopt when the extension does not tell.
std::optional<RecordFormat> input_format_option(const std::string& path, const std::string& forced);
// How the leads are read: --delimiter (already checked by its validator) or detection.
ReadOptions read_options(const std::string& delimiter);
// --threads N (0: all cores) as the library takes it; LEADSCORE_CHUNK_BYTES sets the chunk size
// (for tests: a small input then crosses many chunk boundaries).
ThreadOptions thread_options(unsigned threads);
// Reads an outcome file (format `forced`, else by extension, else CSV) for leads of `schema`.
// Prints its warnings and problems; returns false when they stop the run (exit 2).
bool read_outcome_file(const std::string& path, const std::string& forced, const Schema& schema,
                       review::OutcomeReadResult& out);
// The lead reader's header warnings on stderr, and unless `quiet_columns` one line naming the
// columns it ignores.
void print_header_warnings(const std::vector<std::string>& warnings, const std::vector<std::string>& ignored_columns,
                           std::string_view name, bool quiet_columns);
// `leadscore: error: ...` on stderr.
void print_error(const std::string& message);
// Writes `text` to stderr as it is; a failed write is ignored, never thrown.
void print_note(std::string_view text);
// Writes a whole report or model to `path` ("-": standard output) whole or not at all: a temporary
// file beside it, renamed into place only once everything is written (io::OutputFile). Returns
// false with `error` set ("cannot write 'x': No space left on device") when it cannot.
bool write_whole(const std::string& path, std::string_view text, std::string& error);

// `leadscore help [COMMAND]`: the help of leadscore or of one command (help.cpp).
int run_help(CLI::App& app, const std::string& command);
// False when `name` is one of the app's commands; else prints "unknown command 'NAME'" with a
// did-you-mean and the list of commands, sets `status` and returns true.
bool is_unknown_command(CLI::App& app, std::string_view name, int& status);
// "backtest, check, diff, ...": every command, in alphabetical order.
std::string command_list(CLI::App& app);

}  // namespace leadscore::cli
