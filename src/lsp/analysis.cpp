#include "lsp/analysis.hpp"

#include <filesystem>

#include "leadscore/check.hpp"
#include "leadscore/lint.hpp"
#include "leadscore/parse.hpp"
#include "leadscore/testing.hpp"

namespace leadscore::lsp {

namespace {

// load_schema's steps, keeping the parsed file for the outline.
void analyse_schema(Analysis& a, const std::string& path) {
  Session& s = *a.session;
  auto file = s.read_file(path);
  if (!file) return;
  a.file = *file;
  std::size_t before = s.diagnostics.error_count();
  a.schema_ast = parse_schema(s.sources, *file, s.diagnostics);
  if (s.diagnostics.error_count() > before) return;
  Schema schema = check_schema(*a.schema_ast, s.diagnostics);
  if (s.diagnostics.error_count() == before) a.loaded.schema = std::move(schema);
}

}  // namespace

void run_tests(Analysis& a) {
  if (a.tests_run) return;
  a.tests_run = true;
  if (a.is_schema || !a.loaded.program || a.loaded.model.tests.empty()) return;
  std::vector<TestResult> results =
      run_model_tests(a.loaded.model, *a.loaded.program, a.session->sources, today());
  a.fired_by.assign(a.loaded.model.rules.size(), 0);
  a.tests = static_cast<int>(results.size());
  for (const auto& r : results) {
    // Explanations list every scoring rule in source order, as the model holds them.
    std::size_t n = std::min(r.explanation.rules.size(), a.fired_by.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (r.explanation.rules[i].fired) ++a.fired_by[i];
    }
  }
}

Analysis analyse(const std::string& path, const std::map<std::string, std::string>& open) {
  Analysis a;
  a.session = std::make_unique<Session>();
  Session& s = *a.session;
  s.overlay = open;
  a.is_schema = path.ends_with(".schema");
  if (a.is_schema) {
    analyse_schema(a, path);
  } else {
    // As `check` does: a module of lets alone is fine.
    a.loaded = load_model(s, path, ModuleMode::Accept, LintMode::Run);
    std::string normal = std::filesystem::path(path).lexically_normal().string();
    for (std::uint32_t id = 1; id < s.sources.size(); ++id) {
      if (s.sources.file(id).path() == normal) a.file = id;
    }
  }
  // The other documents' texts were copied into the sources that read them; the copy is not kept.
  s.overlay.clear();
  apply_allowances(s.diagnostics, s.sources, {});
  a.diagnostics = s.diagnostics.all();
  for (std::uint32_t id = 1; id < s.sources.size(); ++id) {
    if (id != a.file) a.dependencies.insert(s.sources.file(id).path());
  }
  return a;
}

}  // namespace leadscore::lsp
