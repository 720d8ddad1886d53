// The formatter's entry points: parse first (a file that does not parse is left alone), then lay
// out its tokens, then check that nothing but layout changed.
#include "leadscore/format.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "fmt/lines.hpp"
#include "fmt/strings.hpp"
#include "fmt/tokens.hpp"
#include "leadscore/parse.hpp"

namespace leadscore {

namespace {

using formatter::Token;
using formatter::TokKind;

// Only syntax errors and limits (docs/limits.md) stop the formatter. Other problems the parser
// finds (a date like 2026-02-30) do not make the layout unsafe; `leadscore check` is the place to
// report them.
bool parses(const SourceManager& sources, std::uint32_t file, SourceKind kind, Diagnostics& diags) {
  Diagnostics local;
  if (kind == SourceKind::Schema) {
    parse_schema(sources, file, local);
  } else {
    parse_model(sources, file, local);
  }
  bool ok = true;
  for (const auto& d : local.all()) {
    if (d.code != Code::SyntaxError && d.code != Code::LimitExceeded) continue;
    ok = ok && d.severity != Severity::Error;
    diags.report(d);
  }
  return ok;
}

std::string spelling(const Token& t) {
  return t.kind == TokKind::String ? formatter::canonical_string(t.text) : std::string(t.text);
}

// Every token but the `;`s, which the layout replaces with line breaks.
std::vector<Token> without_semicolons(std::vector<Token> tokens) {
  std::erase_if(tokens, [](const Token& t) { return t.punct(";"); });
  return tokens;
}

// The formatter's own guarantee, checked on every run: the same tokens and comments, in the same
// order. A failure is a bug in the formatter, never in the user's file.
void verify_same_tokens(const std::vector<Token>& source, std::string_view formatted) {
  const std::vector<Token> before = without_semicolons(source);
  const std::vector<Token> after = formatter::lex(formatted);
  bool same = before.size() == after.size();
  for (std::size_t i = 0; same && i < before.size(); ++i) {
    same = before[i].kind == after[i].kind && spelling(before[i]) == after[i].text;
  }
  if (!same) throw std::logic_error("the formatter changed a file's tokens");
}

}  // namespace

SourceKind source_kind_of(std::string_view path) {
  return path.ends_with(".schema") ? SourceKind::Schema : SourceKind::Model;
}

std::optional<std::string> format_source(const SourceManager& sources, std::uint32_t file,
                                         SourceKind kind, Diagnostics& diags) {
  if (!parses(sources, file, kind, diags)) return std::nullopt;
  const std::vector<Token> tokens = formatter::lex(sources.file(file).text());
  std::string out = formatter::render(formatter::layout(tokens));
  verify_same_tokens(tokens, out);
  return out;
}

std::vector<std::string> source_files_under(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    // `fmt .` names `models/a.score`, not `./models/a.score`, in diffs and messages.
    if (p.extension() == ".score" || p.extension() == ".schema") out.push_back(p.lexically_normal().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace leadscore
