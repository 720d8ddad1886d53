// How every command shows diagnostics and its own failures on the terminal.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "io/output_file.hpp"
#include "leadscore/format.hpp"
#include "leadscore/lsc.hpp"

namespace leadscore::cli {

namespace {

// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
bool use_color(std::FILE* out) {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fileno(out)) && (no_color == nullptr || *no_color == '\0');
}

}  // namespace

void print_diagnostics(const Session& session, std::FILE* out) {
  bool color = use_color(out);
  for (const auto& d : session.diagnostics.all()) {
    // Without a file there is no source line to show: it reads as the command's own error.
    if (d.span.file == 0) {
      print_error(d.message);
      continue;
    }
    fmt::print(out, "{}", render_text(d, session.sources, color));
  }
}

int load_failure_status(const Session& session) {
  for (const auto& d : session.diagnostics.all()) {
    if (d.code == Code::UnreadableFile) return exit_usage;
  }
  return exit_problem;
}

std::optional<Day> as_of_option(const std::string& text) {
  if (text.empty()) return today();
  auto d = parse_date(text);
  if (!d) print_error(fmt::format("--as-of '{}' is not a date (YYYY-MM-DD)", text));
  return d;
}

std::optional<Program> load_runnable_model(Session& session, const std::string& path, int& status) {
  LoadedModel loaded = is_lsc_file(path) ? load_compiled_model(session, path) : load_model(session, path);
  if (!loaded.program) {
    print_diagnostics(session, stderr);
    status = load_failure_status(session);
  }
  return std::move(loaded.program);
}

void print_error(const std::string& message) { print_note(fmt::format("leadscore: error: {}\n", message)); }

// fmt::print throws when the write fails; a message about a failure must not become another one
// (stderr on a full disk or past `ulimit -f`).
void print_note(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stderr); }

bool write_whole(const std::string& path, std::string_view text, std::string& error) {
  std::unique_ptr<io::OutputFile> out = io::OutputFile::open(path, error);
  if (!out) return false;
  if (std::fwrite(text.data(), 1, text.size(), out->stream()) != text.size() ||
      std::fflush(out->stream()) != 0) {
    error = out->write_error(errno);
    out->discard();
    return false;
  }
  return out->commit(error);
}

File open_input(const std::string& path) {
  return File(path == "-" ? stdin : std::fopen(path.c_str(), "rb"));
}

std::vector<std::string> expand_folders(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      auto under = source_files_under(p);
      out.insert(out.end(), under.begin(), under.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

std::vector<std::string> record_format_names() {
  std::vector<std::string> names;
  for (const RecordFormatInfo& f : record_formats()) names.emplace_back(f.name);
  return names;
}

std::string record_format_choice(bool titles) {
  const std::span<const RecordFormatInfo> formats = record_formats();
  std::string out;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) out += i + 1 == formats.size() ? " or " : ", ";
    out += titles ? formats[i].title : formats[i].name;
  }
  return out;
}

std::string first_byte_choice() {
  std::string out;
  for (const RecordFormatInfo& f : record_formats()) {
    if (f.first_byte != 0) out += fmt::format("{}{} when it starts with '{}'", out.empty() ? "" : ", ", f.title, f.first_byte);
  }
  return out;
}

RecordFormat named_record_format(const std::string& name) {
  RecordFormat format = record_formats().front().format;
  parse_record_format(name, format);
  return format;
}

RecordFormat standard_input_format() {
  // One byte is all that can be put back (ungetc) for the reader to read again.
  const int first = std::getc(stdin);
  if (first != EOF) std::ungetc(first, stdin);
  return format_from_first_byte(first);
}

std::optional<RecordFormat> input_format_option(const std::string& path, const std::string& forced) {
  if (!forced.empty()) return named_record_format(forced);
  if (path == "-") return standard_input_format();
  RecordFormat format = RecordFormat::Csv;
  if (format_from_path(path, format)) return format;
  print_error(fmt::format("cannot tell the format of '{}' from its extension; use --input-format {}", path,
                          fmt::join(record_format_names(), "|")));
  return std::nullopt;
}

ReadOptions read_options(const std::string& delimiter) {
  ReadOptions options;
  if (!delimiter.empty()) parse_delimiter(delimiter, options.delimiter);
  return options;
}

void print_header_warnings(const std::vector<std::string>& warnings, const std::vector<std::string>& ignored_columns,
                           std::string_view name, bool quiet_columns) {
  for (const auto& w : warnings) print_note(fmt::format("leadscore: warning: {}\n", w));
  if (quiet_columns || ignored_columns.empty()) return;
  print_note(fmt::format("leadscore: warning: {}; pass --quiet-columns to silence\n",
                         ignored_columns_note(name, ignored_columns)));
}

bool read_outcome_file(const std::string& path, const std::string& forced, const Schema& schema,
                       review::OutcomeReadResult& out) {
  RecordFormat format = RecordFormat::Csv;
  if (!forced.empty()) {
    format = named_record_format(forced);
  } else if (path == "-") {
    format = standard_input_format();
  } else {
    format_from_path(path, format);  // CSV unless the extension says JSON lines
  }
  File in = open_input(path);
  if (!in) {
    print_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    return false;
  }
  out = review::read_outcomes(in.get(), path == "-" ? "<stdin>" : path, format, schema);
  for (const auto& w : out.warnings) print_note(fmt::format("leadscore: warning: {}\n", w));
  for (const auto& e : out.errors) print_error(e);
  if (out.error_count > out.errors.size()) {
    print_error(fmt::format("{} more problems in '{}' not listed", out.error_count - out.errors.size(), path));
  }
  return out.errors.empty();
}

}  // namespace leadscore::cli
