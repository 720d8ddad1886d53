// Loading schemas and models from files: read, parse, check, compile, with every problem in the
// session's diagnostics.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "api/imports.hpp"
#include "leadscore/check.hpp"
#include "leadscore/compile.hpp"
#include "leadscore/leadscore.hpp"
#include "leadscore/lint.hpp"
#include "leadscore/parse.hpp"

namespace leadscore {

std::optional<std::uint32_t> Session::read_file(const std::string& path) {
  // A file read again (a model checked and also imported by its test file) keeps its id, so that
  // what is found in it twice is listed once.
  std::string normal = std::filesystem::path(path).lexically_normal().string();
  for (std::uint32_t id = 1; id < sources.size(); ++id) {
    if (sources.file(id).path() == normal) return id;
  }
  if (auto open = overlay.find(normal); open != overlay.end()) return sources.add(normal, open->second);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    diagnostics.report(Code::UnreadableFile, Span{}, fmt::format("cannot read '{}': it is a directory", path));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.report(Code::UnreadableFile, Span{}, fmt::format("cannot read '{}': no such file", path));
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return sources.add(normal, text.str());
}

std::optional<Schema> load_schema(Session& session, const std::string& path) {
  auto file = session.read_file(path);
  if (!file) return std::nullopt;
  std::size_t before = session.diagnostics.error_count();
  ast::SchemaFile parsed = parse_schema(session.sources, *file, session.diagnostics);
  if (session.diagnostics.error_count() > before) return std::nullopt;
  Schema schema = check_schema(parsed, session.diagnostics);
  if (session.diagnostics.error_count() > before) return std::nullopt;
  return schema;
}

namespace {

void check_and_compile(Session& session, LoadedModel& out, std::size_t errors_before, LintMode lint) {
  if (!out.schema) return;
  std::optional<CheckedModel> checked = check_model(out.model, *out.schema, session.diagnostics);
  // Errors found before the check (the parser's, an import's) stop the compile too.
  if (!checked || session.diagnostics.error_count() > errors_before) return;
  if (lint == LintMode::Run) lint_model(checked->model(), checked->schema(), session.sources, session.diagnostics);
  out.program = compile_model(*checked);
}

}  // namespace

LoadedModel load_model(Session& session, const std::string& path, ModuleMode modules, LintMode lint) {
  LoadedModel out;
  std::size_t before = session.diagnostics.error_count();
  auto file = session.read_file(path);
  if (!file) return out;
  out.model = parse_model(session.sources, *file, session.diagnostics);
  // A test file names no schema: it tests the model it imports, with that model's schema.
  std::optional<std::string> imported_schema = api::merge_imports(session, out.model, path);
  if (!out.model.schema_path && imported_schema) out.model.schema_path = imported_schema;
  if (!out.model.schema_path) {
    // A file of lets alone is a module (like the stdlib's): it is checked where it is imported.
    const ast::Model& m = out.model;
    out.is_module = m.groups.empty() && m.rules.empty() && m.rejects.empty() &&
                    m.score_bounds.empty() && m.qualifies.empty() && m.tiers.empty() && m.tests.empty();
    bool quiet = out.is_module && modules == ModuleMode::Accept;
    if (session.diagnostics.error_count() == before && !quiet) {
      session.diagnostics.report(Code::InvalidSchema, Span{*file, 0, 0},
                                out.is_module ? "this file names no schema: it is a module of lets; import it from a model"
                                              : "the model names no schema; add a line 'schema \"lead.schema\"'");
    }
    return out;
  }
  std::filesystem::path schema_path =
      std::filesystem::path(path).parent_path() / *out.model.schema_path;
  std::size_t before_schema = session.diagnostics.all().size();
  out.schema = load_schema(session, schema_path.lexically_normal().string());
  // An unreadable schema is reported at the model's `schema` line, where the user can fix it.
  session.diagnostics.locate_unlocated(before_schema, out.model.schema_span);
  check_and_compile(session, out, before, lint);
  return out;
}

LoadedModel load_model_text(Session& session, const std::string& name, std::string text,
                            const Schema& schema, LintMode lint) {
  LoadedModel out;
  std::size_t before = session.diagnostics.error_count();
  std::uint32_t file = session.sources.add(name, std::move(text));
  out.model = parse_model(session.sources, file, session.diagnostics);
  out.schema = schema;
  check_and_compile(session, out, before, lint);
  return out;
}

}  // namespace leadscore
