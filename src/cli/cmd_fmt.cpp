// `leadscore fmt [-w] [--check] FILE_OR_DIR...`: the canonical layout of models and schemas.
// Without flags it prints the formatted text; -w rewrites files that change; --check prints a
// unified diff of what would change. Exit status: 2 if a file could not be read or written, else 1
// for a syntax error or (with --check) a file that would change, else 0.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "io/output_file.hpp"
#include "leadscore/format.hpp"

namespace leadscore::cli {

namespace {

// Writes through a temporary file renamed over `path` (io::OutputFile), so that an interrupted or
// failed run never leaves a half-written model; the file keeps its permissions. Returns the error.
std::string write_text(const std::string& path, const std::string& text) {
  std::string error;
  std::unique_ptr<io::OutputFile> out = io::OutputFile::open(path, error);
  if (!out) return error;
  if (std::fwrite(text.data(), 1, text.size(), out->stream()) != text.size()) return out->write_error(errno);
  if (!out->commit(error)) return error;
  return {};
}

}  // namespace

int run_fmt(const FmtOptions& options) {
  int status = exit_ok;
  auto fail = [&](int s) { status = std::max(status, s); };
  for (const auto& path : expand_folders(options.files)) {
    Session session;
    std::optional<std::uint32_t> file = session.read_file(path);
    std::optional<std::string> formatted;
    if (file) formatted = format_source(session.sources, *file, source_kind_of(path), session.diagnostics);
    if (!formatted) {
      print_diagnostics(session, stderr);
      fail(load_failure_status(session));
      continue;
    }
    const std::string& original = session.sources.file(*file).text();
    const bool changed = *formatted != original;
    if (options.check) {
      fmt::print("{}", unified_diff(original, *formatted, path));
      if (changed) fail(exit_problem);
    }
    if (options.write) {
      if (std::string error = changed ? write_text(path, *formatted) : ""; !error.empty()) {
        print_error(error);
        fail(exit_usage);
      }
    } else if (!options.check) {
      fmt::print("{}", *formatted);
    }
  }
  std::fflush(stdout);
  return status;
}

}  // namespace leadscore::cli
