// `leadscore explain MODEL -i LEADS --id ID [--format text|json] [--as-of DAY]
// [--input-format csv|jsonl] [--round N]`: one lead's breakdown. The library explains; this finds the lead
// and prints.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "leadscore/explain.hpp"

namespace leadscore::cli {

int run_explain(const ExplainOptions& o) {
  std::optional<Day> as_of = as_of_option(o.as_of);
  if (!as_of) return exit_usage;
  Session session;
  int status = exit_ok;
  std::optional<Program> loaded = load_runnable_model(session, o.model, status);
  if (!loaded) return status;
  const Program& program = *loaded;

  std::optional<RecordFormat> format = input_format_option(o.input, o.input_format);
  if (!format) return exit_usage;
  File in = open_input(o.input);
  if (!in) {
    print_error(fmt::format("cannot read '{}': {}", o.input, std::strerror(errno)));
    return exit_usage;
  }
  std::string input_name = o.input == "-" ? "<stdin>" : o.input;
  ReaderOpenResult opened = open_record_reader(in.get(), input_name, *format, program.schema, read_options(o.delimiter));
  print_header_warnings(opened.warnings, opened.ignored_columns, input_name, o.quiet_columns);
  if (!opened.reader) {
    print_error(opened.error);
    return exit_usage;
  }

  // The first record with this key; the rest of the input is not read.
  Record record;
  std::string record_text;
  if (!find_record(*opened.reader, o.id, record, record_text, thread_options(o.threads))) {
    if (!opened.reader->read_error().empty()) {
      print_error(opened.reader->read_error());
      return exit_usage;
    }
    print_error(fmt::format("no lead with {} '{}' in '{}'",
                            program.schema.fields[static_cast<std::size_t>(program.schema.key_index)].name,
                            o.id, input_name));
    return exit_problem;
  }

  Explainer explainer(program, session.sources);
  Explanation e = explainer.explain(record, *as_of);
  if (o.format == "json") {
    fmt::print("{}\n", render_explanation_json(e, o.round));
  } else {
    // A compiled model names the source it was compiled from, as explaining that source would.
    const std::string& model_path = program.source_path.empty() ? o.model : program.source_path;
    std::string model_name = program.display_name.empty() ? model_path : program.display_name;
    fmt::print("lead {} ({} line {}) as of {}, model \"{}\"\n\n", e.key, input_name, e.line,
               format_date(*as_of), model_name);
    fmt::print("{}", render_explanation_text(e, model_path, "", o.round));
  }
  // An error record cannot be explained: its message is the whole answer.
  return e.status == RowStatus::Error ? exit_problem : exit_ok;
}

}  // namespace leadscore::cli
