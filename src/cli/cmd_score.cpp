// `leadscore score MODEL -i LEADS [-o OUT] [--format F] [--as-of DAY] [--explain]`.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace leadscore::cli {

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f && f != stdin && f != stdout) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

bool pick_format(const std::string& path, const std::string& forced, RecordFormat& out) {
  if (!forced.empty()) {
    out = forced == "jsonl" ? RecordFormat::JsonLines : RecordFormat::Csv;
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

  RecordFormat in_format = RecordFormat::Csv;
  if (!pick_format(o.input, o.format, in_format) && o.input != "-") {
    print_error(fmt::format("cannot tell the format of '{}' from its extension; use --format csv|jsonl", o.input));
    return exit_usage;
  }
  RecordFormat out_format = in_format;
  if (o.output != "-" && !pick_format(o.output, o.format, out_format)) out_format = in_format;

  File in(o.input == "-" ? stdin : std::fopen(o.input.c_str(), "rb"));
  if (!in) {
    print_error(fmt::format("cannot read '{}': {}", o.input, std::strerror(errno)));
    return exit_usage;
  }
  ReaderOpenResult opened = open_record_reader(in.get(), o.input == "-" ? "<stdin>" : o.input,
                                               in_format, program.schema);
  for (const auto& w : opened.warnings) fmt::print(stderr, "leadscore: warning: {}\n", w);
  if (!opened.reader) {
    print_error(opened.error);
    return exit_usage;
  }
  File out(o.output == "-" ? stdout : std::fopen(o.output.c_str(), "wb"));
  if (!out) {
    print_error(fmt::format("cannot write '{}': {}", o.output, std::strerror(errno)));
    return exit_usage;
  }
  OutputColumns columns;
  columns.key_name = program.schema.fields[static_cast<std::size_t>(program.schema.key_index)].name;
  columns.group_names = program.group_columns();
  columns.explain = o.explain;
  auto writer = make_result_writer(out.get(), out_format, columns);
  // Progress on stderr only for a person watching: a terminal, and a large input.
  ProgressFn progress;
  if (isatty(fileno(stderr))) {
    progress = [](std::uint64_t n) { fmt::print(stderr, "\rleadscore: {} records scored", n); };
  }
  ScoreStats stats = score_stream(program, *opened.reader, *writer, *as_of, o.explain, progress);
  if (progress && stats.records >= progress_every) {
    fmt::print(stderr, "\rleadscore: {} records scored ({} ok, {} rejected, {} errors)\n",
               stats.records, stats.ok, stats.rejected, stats.errors);
  }
  if (!opened.reader->read_error().empty()) {
    writer->finish();
    print_error(opened.reader->read_error());
    return exit_usage;
  }
  if (!writer->finish()) {
    print_error(fmt::format("cannot write '{}'", o.output));
    return exit_usage;
  }
  return exit_ok;
}

}  // namespace leadscore::cli
