// `leadscore backtest MODEL -i LEADS --outcomes FILE [--as-of D] [--by FIELD]
// [--format text|json|html] [-o OUT] [--threads N]`: the model judged against what sales closed. Everything is
// computed by the library (include/leadscore/review.hpp); this prints it and picks the exit status.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "leadscore/review.hpp"

namespace leadscore::cli {

int run_backtest(const BacktestOptions& o) {
  std::optional<Day> as_of = as_of_option(o.as_of);
  if (!as_of) return exit_usage;
  if (o.input == "-" && o.outcomes == "-") {
    print_error("-i and --outcomes cannot both be standard input");
    return exit_usage;
  }
  Session session;
  int status = exit_ok;
  std::optional<Program> loaded = load_runnable_model(session, o.model, status);
  if (!loaded) return status;
  const Program& program = *loaded;

  review::CollectOptions collect;
  collect.as_of = *as_of;
  collect.keep_keys = collect.keep_points = collect.keep_groups = false;  // the figures do not read them
  collect.threads = thread_options(o.threads);
  if (!o.by.empty()) {
    std::string error;
    collect.by_field = review::by_field_index(program.schema, o.by, error);
    if (collect.by_field < 0) {
      print_error(error);
      return exit_usage;
    }
  }

  // The outcomes first: a bad outcome file stops the run before the leads are scored.
  review::OutcomeReadResult outcomes;
  if (!read_outcome_file(o.outcomes, o.outcomes_format, program.schema, outcomes)) return exit_usage;

  std::optional<RecordFormat> lead_format = input_format_option(o.input, o.input_format);
  if (!lead_format) return exit_usage;
  File lead_file = open_input(o.input);
  if (!lead_file) {
    print_error(fmt::format("cannot read '{}': {}", o.input, std::strerror(errno)));
    return exit_usage;
  }
  ReaderOpenResult opened = open_record_reader(lead_file.get(), o.input == "-" ? "<stdin>" : o.input,
                                               *lead_format, program.schema, read_options(o.delimiter));
  print_header_warnings(opened.warnings, opened.ignored_columns, o.input == "-" ? "<stdin>" : o.input, o.quiet_columns);
  if (!opened.reader) {
    print_error(opened.error);
    return exit_usage;
  }
  review::LeadData data = review::collect_leads(program, *opened.reader, &outcomes.table, collect);
  if (!opened.reader->read_error().empty()) {
    print_error(opened.reader->read_error());
    return exit_usage;
  }
  if (data.first_outcome_without_lead >= 0) {
    const auto first = static_cast<std::size_t>(data.first_outcome_without_lead);
    fmt::print(stderr,
               "leadscore: warning: {} outcome rows of '{}' name no lead of '{}' (the first: line {}, key '{}'); "
               "they are left out\n",
               data.outcomes_without_lead, o.outcomes, o.input, outcomes.table.row(first).line,
               outcomes.table.key(first));
  }
  const review::Backtest b = review::compute_backtest(program, data, &session.sources, o.by);
  if (b.leads == 0) {
    print_error(fmt::format("no scored lead of '{}' has an outcome in '{}' ({} records, {} outcome rows): "
                            "do the outcome file's keys match the leads' '{}'?",
                            o.input, o.outcomes, b.records, outcomes.table.size(),
                            program.schema.fields[static_cast<std::size_t>(program.schema.key_index)].name));
    return exit_usage;
  }

  const std::string report = o.format == "json"   ? review::render_backtest_json(b)
                             : o.format == "html" ? review::render_backtest_html(b)
                                                  : review::render_backtest_text(b);
  // The report is built whole before the output is opened; -o FILE appears only complete
  // (io::OutputFile: a temporary file renamed into place), so a failed run leaves FILE as it was.
  std::string error;
  if (!write_whole(o.output, report, error)) {
    print_error(error);
    return exit_usage;
  }
  return exit_ok;
}

}  // namespace leadscore::cli
