// How every command shows diagnostics and its own failures on the terminal.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "io/output_file.hpp"

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
    if (d.code == code_info(Code::UnreadableFile).code) return exit_usage;
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
  LoadedModel loaded = load_model(session, path);
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

}  // namespace leadscore::cli
