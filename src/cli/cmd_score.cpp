// `leadscore score MODEL -i LEADS [-o OUT] [--format F] [--input-format F] [--as-of DAY] [--explain]
// [--quiet] [--max-errors N|P%] [--threads N] [--round N]`. The output file appears only when the whole run succeeded
// (io::OutputFile); a one-line summary goes to stderr unless --quiet.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/error_limit.hpp"
#include "io/output_file.hpp"

namespace leadscore::cli {

namespace {

// --format, else the extension of -o's file; false for standard output without --format.
bool pick_output_format(const std::string& path, const std::string& forced, RecordFormat& out) {
  if (!forced.empty()) {
    out = named_record_format(forced);
    return true;
  }
  if (path == "-") return false;
  return format_from_path(path, out);
}

}  // namespace

int run_score(const ScoreOptions& o) {
  std::optional<Day> as_of = as_of_option(o.as_of);
  if (!as_of) return exit_usage;
  Session session;
  int status = exit_ok;
  std::optional<Program> loaded = load_runnable_model(session, o.model, status);
  if (!loaded) return status;
  const Program& program = *loaded;

  // --input-format is the input's, --format the output's, as on every command; the output
  // otherwise takes -o's extension, else the input's format.
  const std::optional<RecordFormat> in_format = input_format_option(o.input, o.input_format);
  if (!in_format) return exit_usage;
  RecordFormat out_format = *in_format;
  if (!pick_output_format(o.output, o.format, out_format)) out_format = *in_format;
  std::optional<ErrorLimit> max_errors;
  if (!o.max_errors.empty()) max_errors = parse_error_limit(o.max_errors);

  File in = open_input(o.input);
  if (!in) {
    print_error(fmt::format("cannot read '{}': {}", o.input, std::strerror(errno)));
    return exit_usage;
  }
  ReaderOpenResult opened = open_record_reader(in.get(), o.input == "-" ? "<stdin>" : o.input,
                                               *in_format, program.schema, read_options(o.delimiter));
  print_header_warnings(opened.warnings, opened.ignored_columns, o.input == "-" ? "<stdin>" : o.input, o.quiet_columns);
  if (!opened.reader) {
    print_error(opened.error);
    return exit_usage;
  }
  std::string error;
  std::unique_ptr<io::OutputFile> out = io::OutputFile::open(o.output, error);
  if (!out) {
    print_error(error);
    return exit_usage;
  }
  OutputColumns columns;
  columns.key_name = program.schema.fields[static_cast<std::size_t>(program.schema.key_index)].name;
  columns.group_names = program.group_columns();
  columns.explain = o.explain;
  columns.round_decimals = o.round;
  auto writer = make_result_writer(out->stream(), out_format, columns);
  // Progress on stderr only for a person watching: a terminal, and a large input. A regular file
  // of known size gets a bar; a pipe gets a running count.
  ProgressFn progress;
  if (!o.quiet && isatty(fileno(stderr))) {
    struct stat st {};
    std::uint64_t size = fstat(fileno(in.get()), &st) == 0 && S_ISREG(st.st_mode) ? st.st_size : 0;
    const RecordReader* reader = opened.reader.get();
    progress = [size, reader](std::uint64_t n) {
      if (size == 0) {
        fmt::print(stderr, "\rleadscore: {} records scored", n);
        return;
      }
      double done = std::min(1.0, static_cast<double>(reader->bytes_read()) / static_cast<double>(size));
      auto filled = static_cast<std::size_t>(done * 30);
      fmt::print(stderr, "\rleadscore: [{:<30}] {:3.0f}%  {} records", std::string(filled, '#'),
                 done * 100, n);
    };
  }
  ScoreStats stats =
      score_stream(program, *opened.reader, *writer, *as_of, o.explain, progress, thread_options(o.threads));
  // The summary and any error take the progress line's place.
  if (progress && stats.records >= progress_every) fmt::print(stderr, "\r{:<72}\r", "");
  // A failed run returns before commit(): `out` then removes its temporary file and an existing
  // output file stays as it was.
  if (!opened.reader->read_error().empty()) {
    print_error(opened.reader->read_error());
    return exit_usage;
  }
  if (!writer->finish()) {
    print_error(out->write_error(errno));
    return exit_usage;
  }
  if (!out->commit(error)) {
    print_error(error);
    return exit_usage;
  }
  if (!o.quiet) {
    print_note(fmt::format("leadscore: {} records: {} ok, {} rejected, {} errors\n", stats.records, stats.ok,
                           stats.rejected, stats.errors));
  }
  // Too many errors fail the run, but the rows are written: they are what the user must look at.
  if (max_errors) {
    std::string exceeded = error_limit_exceeded(*max_errors, stats);
    if (!exceeded.empty()) {
      print_error(exceeded);
      return exit_problem;
    }
  }
  return exit_ok;
}

}  // namespace leadscore::cli
