// `leadscore test`: which files to load, and running each one's own tests.
//
// Every file is loaded once and runs only its own test blocks: `import` brings in everything but
// tests (SPEC 7), so a model's tests run once even when its `_test.score` file imports it.
#include <algorithm>
#include <filesystem>
#include <set>

#include "leadscore/testing.hpp"

namespace leadscore {

namespace {

namespace fs = std::filesystem;

bool is_score_file(const fs::path& p) { return p.extension() == ".score"; }

// The `.score` files of `root`, recursively, sorted by path so that runs print in a stable order.
std::vector<std::string> score_files_under(const fs::path& root, bool& unreadable) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    unreadable = true;
    return found;
  }
  for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      unreadable = true;
      break;
    }
    std::error_code type_ec;
    // Hidden folders (.git, editors' caches) hold no models of the user's.
    if (it->is_directory(type_ec) && it->path().filename().string().starts_with(".")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(type_ec) && is_score_file(it->path())) {
      found.push_back(it->path().lexically_normal().generic_string());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

bool is_test_file(const std::string& path) { return path.ends_with("_test.score"); }

}  // namespace

std::size_t TestFileResult::failed() const {
  return static_cast<std::size_t>(
      std::count_if(tests.begin(), tests.end(), [](const TestResult& t) { return !t.passed(); }));
}

TestRun run_tests(Session& session, const std::vector<std::string>& paths, Day today,
                  const TestSelector& select) {
  TestRun run;
  std::vector<std::string> files;
  for (const auto& given : paths) {
    std::error_code ec;
    fs::path p(given);
    if (fs::is_directory(p, ec)) {
      for (auto& f : score_files_under(p, run.unreadable)) files.push_back(std::move(f));
    } else if (fs::exists(p, ec)) {
      files.push_back(p.lexically_normal().generic_string());
    } else {
      run.missing.push_back(given);
      run.unreadable = true;
    }
  }
  std::set<std::string> seen;
  CoverageTracker coverage;
  for (const auto& path : files) {
    if (!seen.insert(path).second) continue;
    TestFileResult file;
    file.path = path;
    file.test_file = is_test_file(path);
    std::size_t errors_before = session.diagnostics.error_count();
    file.diagnostics_begin = session.diagnostics.all().size();
    LoadedModel loaded = load_model(session, path, ModuleMode::Accept, LintMode::Run);
    file.diagnostics_end = session.diagnostics.all().size();
    // A module (a file of lets, no schema) has nothing to score, so nothing to test on its own:
    // the files that import it test it.
    if (loaded.is_module && session.diagnostics.error_count() == errors_before) continue;
    if (!loaded.program) {
      run.load_errors = true;
      run.files.push_back(std::move(file));
      continue;
    }
    file.loaded = true;
    coverage.add_program(*loaded.program, session.sources);
    file.tests = run_model_tests(loaded.model, *loaded.program, session.sources, today, select);
    run.deselected += loaded.model.tests.size() - file.tests.size();
    for (const auto& t : file.tests) {
      coverage.record(*loaded.program, session.sources, t.explanation);
      if (t.passed()) ++run.passed;
      else ++run.failed;
    }
    run.files.push_back(std::move(file));
  }
  // A file found but not readable (permissions, a dangling link) is an input problem, not a test one.
  for (const Diagnostic& d : session.diagnostics.all()) {
    if (d.code == Code::UnreadableFile) run.unreadable = true;
  }
  run.coverage = coverage.report();
  return run;
}

}  // namespace leadscore
