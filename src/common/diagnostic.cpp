#include "leadscore/diagnostic.hpp"

#include <fmt/format.h>

#include "common/utf8.hpp"

namespace leadscore {

void Diagnostics::report(Diagnostic d) {
  // Errors are counted even when not listed: callers compare error_count() before and after a
  // stage to tell whether it failed, and a file loaded twice (checked, then imported) repeats them.
  if (d.severity == Severity::Error) ++errors_;
  // A second diagnostic of the same code on the same span says nothing new.
  for (const auto& old : list_) {
    if (old.severity == d.severity && old.code == d.code && old.span.file == d.span.file &&
        old.span.begin == d.span.begin && old.span.end == d.span.end && d.span.file != 0) {
      return;
    }
  }
  if (d.severity == Severity::Error) {
    // The cap is per file, so that checking many files still shows each one's first errors.
    if (full(d.span.file)) return;
    ++listed_per_file_[d.span.file];
  }
  list_.push_back(std::move(d));
}

void Diagnostics::locate_unlocated(std::size_t from, Span at) {
  for (std::size_t i = from; i < list_.size(); ++i) {
    if (list_[i].span.file == 0) list_[i].span = at;
  }
}

namespace {

// Blanks as wide as `text` on screen: tabs kept, one space per code point.
std::string blank_like(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\t') out += '\t';
    else if (!is_continuation_byte(c)) out += ' ';
  }
  return out;
}

}  // namespace

std::string render_text(const Diagnostic& d, const SourceManager& sources, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  const char* tint = !color ? "" : d.severity == Severity::Error ? "\x1b[1;31m"
                                 : d.severity == Severity::Warning ? "\x1b[1;35m" : "\x1b[1;36m";
  // rustc's heading, `error[E004]:`: the code is what an allow comment or `--allow` names, so the
  // reader need not rerun with --format json to learn it.
  std::string kind = d.severity == Severity::Error ? "error"
                     : d.severity == Severity::Warning ? "warning" : "note";
  kind += fmt::format("[{}]", d.code);
  if (d.span.file == 0 || d.span.file >= sources.size()) {
    std::string out = fmt::format("{}{}:{} {}\n", tint, kind, reset, d.message);
    for (const auto& n : d.notes) out += fmt::format("  = note: {}\n", n);
    return out;
  }
  const SourceFile& file = sources.file(d.span.file);
  LineCol at = file.line_col(d.span.begin);
  std::string_view line = file.line_text(at.line);
  std::string out = fmt::format("{}{}:{}:{}:{} {}{}:{} {}{}\n", bold, file.path(), at.line,
                                file.shown_column(at), reset, tint, kind, reset, bold, d.message);
  out += reset;
  std::string number = fmt::format("{:>5}", at.line);
  std::string gutter(number.size(), ' ');
  out += fmt::format("{} | {}\n", number, line);
  std::size_t col = std::min<std::size_t>(at.column - 1, line.size());
  std::size_t span_len = d.span.end > d.span.begin ? d.span.end - d.span.begin : 1;
  std::size_t len = std::min(span_len, line.size() > col ? line.size() - col : 1);
  std::size_t width = std::max<std::size_t>(1, code_point_count(line.substr(col, len)));
  out += fmt::format("{} | {}{}^{}{}\n", gutter, blank_like(line.substr(0, col)), tint,
                     std::string(width - 1, '~'), reset);
  for (const auto& n : d.notes) out += fmt::format("{} = note: {}\n", gutter, n);
  return out;
}

}  // namespace leadscore
