// `leadscore diff OLD NEW -i LEADS [--outcomes FILE] [--as-of D] [--format text|json|github|html]
// [--fail-on CONDITIONS] [--top N] [--input-format csv|jsonl] [-o OUT]`: what a model change does
// to real leads. The library compares and renders; this opens files, prints, and sets the status.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "leadscore/diff.hpp"
#include "leadscore/review.hpp"

namespace leadscore::cli {

namespace {

// Loads one of the two models, keeping its syntax tree for the comparison.
bool load(Session& session, const std::string& path, LoadedModel& out, int& status) {
  out = load_model(session, path);
  if (out.program) return true;
  print_diagnostics(session, stderr);
  status = load_failure_status(session);
  return false;
}

// The leads, read from a file or standard input. When the two models read records differently
// they read the input in step, each with its own reader: standard input is then kept in memory.
class LeadInput {
 public:
  bool open(const std::string& path, bool twice) {
    name_ = path == "-" ? "<stdin>" : path;
    if (path != "-") {
      first_.reset(std::fopen(path.c_str(), "rb"));
      if (twice && first_) second_.reset(std::fopen(path.c_str(), "rb"));
      if (!first_ || (twice && !second_)) return fail(path);
      return true;
    }
    if (!twice) {
      first_.reset(stdin);
      return true;
    }
    char buffer[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) text_.append(buffer, n);
    first_.reset(open_memory());
    second_.reset(open_memory());
    return (first_ && second_) || fail(path);
  }
  std::FILE* first() const { return first_.get(); }
  std::FILE* second() const { return second_.get(); }
  const std::string& name() const { return name_; }

 private:
  std::FILE* open_memory() {
    if (text_.empty()) return std::fopen("/dev/null", "rb");
    return fmemopen(text_.data(), text_.size(), "rb");
  }
  bool fail(const std::string& path) {
    print_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    return false;
  }

  std::string name_;
  std::string text_;
  File first_, second_;
};

bool open_reader(std::FILE* in, const std::string& name, RecordFormat format, const Schema& schema,
                 const ReadOptions& read, std::unique_ptr<RecordReader>& out, bool quiet_columns) {
  ReaderOpenResult opened = open_record_reader(in, name, format, schema, read);
  print_header_warnings(opened.warnings, opened.ignored_columns, name, quiet_columns);
  if (!opened.reader) {
    print_error(opened.error);
    return false;
  }
  out = std::move(opened.reader);
  return true;
}

}  // namespace

int run_diff(const DiffOptions& o) {
  std::optional<Day> as_of = as_of_option(o.as_of);
  if (!as_of) return exit_usage;
  std::vector<FailCondition> conditions;
  if (!o.fail_on.empty()) {
    FailOnParse parsed = parse_fail_on(o.fail_on);
    if (!parsed.error.empty()) {
      print_error(parsed.error);
      return exit_usage;
    }
    conditions = std::move(parsed.conditions);
    for (const auto& c : conditions) {
      if (c.metric == FailMetric::AucDrop && o.outcomes.empty()) {
        print_error(fmt::format("--fail-on '{}' needs --outcomes: the AUC comes from what sales closed", c.text));
        return exit_usage;
      }
    }
  }
  if (o.input == "-" && o.outcomes == "-") {
    print_error("the leads and the outcomes cannot both come from standard input");
    return exit_usage;
  }

  int status = exit_ok;
  Session old_session, new_session;
  LoadedModel old_model, new_model;
  if (!load(old_session, o.old_model, old_model, status)) return status;
  if (!load(new_session, o.new_model, new_model, status)) return status;
  const Program& old_program = *old_model.program;
  const Program& new_program = *new_model.program;

  std::optional<RecordFormat> format = input_format_option(o.input, o.input_format);
  if (!format) return exit_usage;
  bool two_readers = !same_schema(old_program.schema, new_program.schema);
  LeadInput input;
  if (!input.open(o.input, two_readers)) return exit_usage;
  std::unique_ptr<RecordReader> old_reader, new_reader;
  if (!open_reader(input.first(), input.name(), *format, old_program.schema, read_options(o.delimiter), old_reader, o.quiet_columns)) return exit_usage;
  if (two_readers && !open_reader(input.second(), input.name(), *format, new_program.schema, read_options(o.delimiter), new_reader, o.quiet_columns)) {
    return exit_usage;
  }

  review::OutcomeReadResult outcomes;
  if (!o.outcomes.empty() && !read_outcome_file(o.outcomes, "", new_program.schema, outcomes)) return exit_usage;

  DiffReport report;
  report.old_name = o.old_model;
  report.new_name = o.new_model;
  report.as_of = *as_of;
  report.model_changes = diff_models(ModelSide{old_model.model, old_program, old_session.sources},
                                     ModelSide{new_model.model, new_program, new_session.sources});
  LeadDiffOptions options;
  options.as_of = *as_of;
  options.top = o.top;
  if (!o.outcomes.empty()) options.outcomes = &outcomes.table;
  report.leads = diff_leads(old_program, new_program, *old_reader, new_reader.get(), options);
  if (!report.leads.read_error.empty()) {
    print_error(report.leads.read_error);
    return exit_usage;
  }
  evaluate_fail_on(report, conditions);

  std::string text;
  if (o.format == "json") {
    text = render_diff_json(report);
  } else if (o.format == "github") {
    text = render_diff_github(report);
  } else if (o.format == "html") {
    text = render_diff_html(report);
  } else {
    text = render_diff_text(report);
  }
  // -o FILE appears only complete (write_whole), so a failed run leaves FILE as it was.
  std::string error;
  if (!write_whole(o.output, text, error)) {
    print_error(error);
    return exit_usage;
  }

  for (const auto& f : report.fail_on) {
    if (f.held) fmt::print(stderr, "leadscore: diff: --fail-on {}\n", fail_on_message(f));
  }
  return any_failed(report) ? exit_problem : exit_ok;
}

}  // namespace leadscore::cli
